/** Starts the background job runner inside the server process (JOBS_IN_SERVE). */
import { builtinJobs, builtinSchedules, JobRunner } from '../platform/jobs/index.ts'
import type { Services } from './services.ts'

/** A running background part that can be stopped gracefully. */
export interface Background {
  stop(): Promise<void>
}

/** Starts the job runner with the built-in jobs and schedules. */
export function startBackground(services: Services): Background {
  const runner = new JobRunner(services, builtinJobs, {
    pollMs: services.config.JOB_POLL_MS,
    schedules: builtinSchedules,
  })
  runner.start()
  return { stop: () => runner.stop() }
}
