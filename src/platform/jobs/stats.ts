/** A summary of the queue for `/metrics` and health checks: how much waits, how late, how much is dead. */
import { type QueryExecutorProvider, sql } from 'kysely'

/** Counts per status plus how late the oldest due job is. */
export interface JobQueueStats {
  queued: number
  running: number
  succeeded: number
  dead: number
  /** Queued jobs whose run_at has passed. */
  due: number
  /** Seconds the oldest due job has waited past its run_at; 0 when nothing is due. */
  oldestDueSeconds: number
}

/** Reads the queue summary in one statement. */
export async function jobQueueStats(db: QueryExecutorProvider): Promise<JobQueueStats> {
  const { rows } = await sql<JobQueueStats>`
    SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
           count(*) FILTER (WHERE status = 'running')::int AS running,
           count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
           count(*) FILTER (WHERE status = 'dead')::int AS dead,
           count(*) FILTER (WHERE status = 'queued' AND run_at <= now())::int AS due,
           COALESCE(EXTRACT(EPOCH FROM now() - min(run_at) FILTER (WHERE status = 'queued' AND run_at <= now())), 0)::float8
             AS "oldestDueSeconds"
      FROM job`.execute(db)
  const row = rows[0]
  if (!row) throw new Error('job statistics query returned no row')
  return row
}
