/**
 * Putting a job in the queue. `enqueue` takes any Kysely executor, so a caller passes its transaction
 * and the job commits or rolls back together with the domain write that caused it (no lost or phantom
 * jobs, no outbox needed).
 */
import { type QueryExecutorProvider, sql } from 'kysely'
import type { z } from 'zod'
import { newId } from '../db/ids.ts'
import { invalidParamsFromZod, ValidationError } from '../errors.ts'
import type { JobDefinition } from './define.ts'

/** When and how to queue a job. */
export interface EnqueueOptions {
  /** Earliest start; default now (database clock). Do not combine with `delayMs`. */
  runAt?: Date
  /** Start after this many milliseconds, measured on the database clock. */
  delayMs?: number
  /** The tenant the job works for, if any; handlers see it as `ctx.job.organisationId`. */
  organisationId?: string | null
  /** Skip the insert when a job with this key already exists (see `uniqueScope`). */
  uniqueKey?: string
  /**
   * `active` (default): only a queued or running job with the key blocks a new one, so a key can be
   * reused once its job finished (debouncing). `always`: any job ever stored with the key blocks it
   * (schedules use this so a slot runs once even after its job already succeeded).
   */
  uniqueScope?: 'active' | 'always'
}

/**
 * Validates the payload with the definition's schema and inserts a job. Returns the new job id, or
 * null when a job with the same unique key made this one unnecessary.
 * Throws ValidationError (listing every bad field) when the payload does not match the schema.
 */
export async function enqueue<S extends z.ZodType>(
  db: QueryExecutorProvider,
  definition: JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const parsed = definition.payload.safeParse(payload)
  if (!parsed.success) {
    throw new ValidationError(
      invalidParamsFromZod(parsed.error.issues),
      `The payload of job ${definition.name} is not valid.`,
    )
  }
  if (options.runAt && options.delayMs !== undefined)
    throw new Error('enqueue: give runAt or delayMs, not both.')
  if (options.delayMs !== undefined && !(options.delayMs >= 0))
    throw new Error('enqueue: delayMs must be ≥ 0.')
  const key = options.uniqueKey ?? null
  const always = key !== null && options.uniqueScope === 'always'
  const runAt = options.runAt
    ? sql`${options.runAt.toISOString()}::timestamptz`
    : sql`now() + ${options.delayMs ?? 0}::double precision * interval '1 millisecond'`
  // The partial unique index job_unique_key_idx arbitrates between concurrent enqueuers; the NOT EXISTS
  // guard extends uniqueness to finished jobs for the `always` scope (job_unique_key_any_idx serves it).
  const result = await sql<{ id: string }>`
    INSERT INTO job (id, organisation_id, name, version, payload, run_at, max_attempts, unique_key)
    SELECT ${newId()}::uuid, ${options.organisationId ?? null}::uuid, ${definition.name}, ${definition.version}::integer,
           ${JSON.stringify(parsed.data ?? {})}::jsonb, ${runAt}, ${definition.maxAttempts}::integer, ${key}::text
    WHERE ${always ? sql`NOT EXISTS (SELECT 1 FROM job WHERE unique_key = ${key}::text)` : sql`true`}
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND status IN ('queued', 'running') DO NOTHING
    RETURNING id`.execute(db)
  return result.rows[0]?.id ?? null
}
