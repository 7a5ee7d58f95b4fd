/**
 * Jobs that every installation runs: housekeeping without domain words. Modules declare their own jobs
 * in their `jobs.ts` and the entry points add them to the runner next to these.
 */
import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../modules/database.ts'
import { defineJob } from './define.ts'
import { schedule } from './schedule.ts'

/** Deletes staff sessions past their expiry: they no longer log anyone in, and user agents are personal data. */
export const purgeExpiredSessions = defineJob({
  name: 'sessions.purge-expired',
  version: 1,
  payload: z.object({}),
  async handler(_payload, { services, log }) {
    const result = await services.db
      .deleteFrom('staff_session')
      .where('expires_at', '<', sql<Date>`now()`)
      .executeTakeFirst()
    log.info({ deleted: Number(result.numDeletedRows) }, 'expired staff sessions deleted')
  },
})

/** How long finished jobs stay for inspection before `jobs.purge-finished` removes them. */
export const FINISHED_JOB_RETENTION = { succeededDays: 7, deadDays: 90 }

/**
 * Deletes old finished jobs so the table (and the personal data payloads may hold) does not grow
 * forever. Dead jobs stay longer than succeeded ones: someone has to look at them.
 */
export const purgeFinishedJobs = defineJob({
  name: 'jobs.purge-finished',
  version: 1,
  payload: z.object({
    succeededDays: z.number().int().min(1).default(FINISHED_JOB_RETENTION.succeededDays),
    deadDays: z.number().int().min(1).default(FINISHED_JOB_RETENTION.deadDays),
  }),
  async handler(payload, { services, log }) {
    const deleted = await deleteFinishedJobs(services.db, payload.succeededDays, payload.deadDays)
    log.info({ deleted }, 'old finished jobs deleted')
  },
})

/** Deletes succeeded jobs older than `succeededDays` and dead jobs older than `deadDays`; returns the count. */
export async function deleteFinishedJobs(db: Kysely<Database>, succeededDays: number, deadDays: number) {
  // Served by job_finished_idx (migration 20261123000100_alter_job.sql).
  const result = await sql`
    DELETE FROM job
     WHERE (status = 'succeeded' AND finished_at < now() - ${succeededDays}::integer * interval '1 day')
        OR (status = 'dead' AND finished_at < now() - ${deadDays}::integer * interval '1 day')`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/** Every built-in job; give these (plus module jobs) to a JobRunner. */
export const builtinJobs = [purgeExpiredSessions, purgeFinishedJobs] as const

/** Built-in recurring jobs: session clean-up every hour, job-table clean-up every night. */
export const builtinSchedules = [
  schedule('0 * * * *', purgeExpiredSessions, {}),
  schedule('30 3 * * *', purgeFinishedJobs, {}),
] as const
