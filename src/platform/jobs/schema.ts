/** The job table (ARCHITECTURE §2): claimed with FOR UPDATE SKIP LOCKED, retried with backoff. */
import type { Generated } from 'kysely'

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'dead'

export interface JobTable {
  id: string
  organisation_id: string | null
  name: string
  version: Generated<number>
  payload: unknown
  status: Generated<JobStatus>
  run_at: Generated<Date>
  attempts: Generated<number>
  max_attempts: Generated<number>
  locked_by: string | null
  locked_until: Date | null
  last_error: string | null
  unique_key: string | null
  created_at: Generated<Date>
  finished_at: Date | null
}
