/** Starts the background job runner inside the server process (JOBS_IN_SERVE). */
import { JobRunner } from '../platform/jobs/index.ts'
import { allJobs, allSchedules } from './jobs.ts'
import type { Services } from './services.ts'

/** A running background part that can be stopped gracefully. */
export interface Background {
  stop(): Promise<void>
}

/** Starts the job runner with every job and schedule (built-in and the capabilities'). */
export function startBackground(services: Services): Background {
  const runner = new JobRunner(services, allJobs, {
    pollMs: services.config.JOB_POLL_MS,
    schedules: allSchedules,
  })
  runner.start()
  return { stop: () => runner.stop() }
}
