/** Background jobs (ARCHITECTURE §2 "jobs"): declare with defineJob, queue with enqueue, run with JobRunner. */
export {
  builtinJobs,
  builtinSchedules,
  deleteFinishedJobs,
  purgeExpiredSessions,
  purgeFinishedJobs,
} from './builtin.ts'
export {
  type Backoff,
  DEFAULT_BACKOFF,
  DEFAULT_MAX_ATTEMPTS,
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobHandler,
  type JobInfo,
  type JobSpec,
  PermanentJobError,
  retryDelayMs,
} from './define.ts'
export { type EnqueueOptions, enqueue } from './enqueue.ts'
export { JobRunner, type JobRunnerOptions } from './runner.ts'
export { type Schedule, schedule, slotKey } from './schedule.ts'
export type { JobStatus, JobTable } from './schema.ts'
export { type JobQueueStats, jobQueueStats } from './stats.ts'
