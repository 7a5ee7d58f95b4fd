/**
 * The job runner: claims due jobs, runs their handlers, records the outcome.
 *
 * Every database step is ONE statement (its own short transaction) and no transaction stays open while
 * a handler runs: on the embedded database all connections share one PGlite session that is serialised
 * per transaction, so holding a claim transaction while the handler queries through another pool
 * connection would deadlock. Leases replace long row locks: a claimed job is `running` with
 * `locked_until`, extended by a heartbeat; when a worker dies its lease expires and the job is claimable
 * again. Delivery is therefore at least once: handlers must be idempotent.
 */
import os from 'node:os'
import { type QueryExecutorProvider, sql } from 'kysely'
import type { Services } from '../../main/services.ts'
import { newId } from '../db/ids.ts'
import { definitionKey, type JobDefinition, PermanentJobError, retryDelayMs } from './define.ts'
import { enqueueSlot, type Schedule, ScheduleClock } from './schedule.ts'

/** Tuning of one runner. */
export interface JobRunnerOptions {
  /** Stored in `job.locked_by`; default `<host>:<pid>:<random>`. */
  workerId?: string
  /** Wait between looks when the queue was empty; default 500 ms. */
  pollMs?: number
  /** Handlers that may run at the same time; default 4. */
  concurrency?: number
  /** How long a claim holds before another worker may take the job over; default 60 s (renewed while running). */
  leaseMs?: number
  /** Recurring jobs this runner enqueues. */
  schedules?: readonly Schedule[]
  /** How far back the first schedule check looks for a missed slot; default 24 h. */
  catchUpMs?: number
}

/** A claimed row, as the claim statement returns it. */
interface ClaimedJob {
  id: string
  organisation_id: string | null
  name: string
  version: number
  payload: unknown
  attempts: number
  max_attempts: number
}

const ERROR_MAX_CHARS = 4000

/** Runs jobs of the given definitions until stopped. One instance per process is typical. */
export class JobRunner {
  readonly workerId: string
  private readonly pollMs: number
  private readonly concurrency: number
  private readonly leaseMs: number
  private readonly db: QueryExecutorProvider
  private readonly definitions = new Map<string, JobDefinition>()
  private readonly knownVersions = new Map<string, number[]>()
  private readonly clock: ScheduleClock
  private readonly schedules: readonly Schedule[]
  private readonly inFlight = new Set<Promise<void>>()
  private readonly abort = new AbortController()
  private loopDone: Promise<void> | null = null
  private wake: (() => void) | null = null
  private stopping = false

  /** Checks the definitions and schedules; nothing runs until `start()` or `runUntilIdle()`. */
  constructor(
    private readonly services: Services,
    definitions: readonly JobDefinition[],
    options: JobRunnerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${newId().slice(-6)}`
    this.pollMs = options.pollMs ?? 500
    this.concurrency = options.concurrency ?? 4
    this.leaseMs = options.leaseMs ?? 60_000
    if (!(this.concurrency >= 1 && this.pollMs >= 1 && this.leaseMs >= 100)) {
      throw new Error('JobRunner: concurrency ≥ 1, pollMs ≥ 1 and leaseMs ≥ 100 are required.')
    }
    this.db = services.db
    for (const d of definitions) {
      const key = definitionKey(d.name, d.version)
      if (this.definitions.has(key)) throw new Error(`Job ${key} is registered twice.`)
      this.definitions.set(key, d)
      this.knownVersions.set(d.name, [...(this.knownVersions.get(d.name) ?? []), d.version])
    }
    this.schedules = options.schedules ?? []
    for (const s of this.schedules) {
      if (!this.definitions.has(definitionKey(s.definition.name, s.definition.version))) {
        throw new Error(`Schedule ${s.name} uses job ${s.definition.name} that this runner does not run.`)
      }
    }
    this.clock = new ScheduleClock(this.schedules, options.catchUpMs ?? 24 * 3_600_000)
  }

  /** Starts the polling loop in the background. */
  start(): void {
    if (this.loopDone) throw new Error('JobRunner already started.')
    this.loopDone = this.loop()
  }

  /** Stops claiming, aborts `ctx.signal`, and resolves once every running handler has finished. */
  async stop(): Promise<void> {
    this.stopping = true
    this.abort.abort()
    this.wake?.()
    await this.loopDone
    await Promise.allSettled([...this.inFlight])
  }

  /**
   * Processes every job that is due now (and the ones those jobs enqueue), then resolves with the
   * number of jobs it ran. Schedules' due slots are enqueued first. For `worker --once` and tests.
   */
  async runUntilIdle(): Promise<number> {
    if (this.loopDone) throw new Error('runUntilIdle cannot run while the runner loop is started.')
    let ran = 0
    try {
      await this.enqueueDueSchedules(new Date())
      for (;;) {
        const free = this.concurrency - this.inFlight.size
        const claimed = free > 0 ? await this.claim(free) : []
        for (const job of claimed) this.launch(job)
        ran += claimed.length
        if (this.inFlight.size === 0 && claimed.length === 0) return ran
        if (claimed.length === 0 || this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight)
      }
    } catch (error) {
      // Let started handlers finish before the caller closes the database under them.
      await Promise.allSettled([...this.inFlight])
      throw error
    }
  }

  /**
   * Enqueues the schedule slots that became due up to `now`; returns how many jobs this call created
   * (slots another runner already enqueued count zero).
   */
  async enqueueDueSchedules(now: Date): Promise<number> {
    let created = 0
    for (const { entry, slot } of this.clock.due(now)) {
      if (await enqueueSlot(this.db, entry, slot)) created++
    }
    return created
  }

  private async loop(): Promise<void> {
    let failures = 0
    while (!this.stopping) {
      let wait = this.pollMs
      try {
        await this.enqueueDueSchedules(new Date())
        const free = this.concurrency - this.inFlight.size
        if (free > 0) {
          const claimed = await this.claim(free)
          for (const job of claimed) this.launch(job)
          failures = 0
          // A full batch means more work may be waiting: look again at once (or when a slot frees).
          if (claimed.length === free) continue
        }
      } catch (error) {
        // The database may be restarting: keep the process alive and back off up to 30 s.
        failures++
        wait = Math.min(30_000, this.pollMs * 2 ** Math.min(failures, 10))
        this.services.logger.error({ err: error, workerId: this.workerId }, 'job runner could not claim jobs')
      }
      await this.sleep(wait)
    }
  }

  /** Sleeps `ms`, or less when stop() is called or a handler frees a slot while all slots were busy. */
  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wake = null
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.wake = done
    })
  }

  /** Takes up to `limit` due jobs (queued, or running with an expired lease) in one statement. */
  private async claim(limit: number): Promise<ClaimedJob[]> {
    const result = await sql<ClaimedJob>`
      UPDATE job
         SET status = 'running', locked_by = ${this.workerId},
             locked_until = now() + ${this.leaseMs}::double precision * interval '1 millisecond',
             attempts = attempts + 1
       WHERE id IN (
             SELECT id FROM job
              WHERE run_at <= now()
                AND (status = 'queued' OR (status = 'running' AND locked_until < now()))
              ORDER BY run_at, id
              LIMIT ${limit}::integer
              FOR UPDATE SKIP LOCKED)
      RETURNING id, organisation_id, name, version, payload, attempts, max_attempts`.execute(this.db)
    return result.rows
  }

  private launch(job: ClaimedJob) {
    const run = this.execute(job).catch((error) => {
      // Recording the outcome failed (database gone): the lease expires and the job runs again.
      this.services.logger.error({ err: error, jobId: job.id, job: job.name }, 'could not record job outcome')
    })
    const tracked = run.finally(() => {
      const wasFull = this.inFlight.size >= this.concurrency
      this.inFlight.delete(tracked)
      if (wasFull) this.wake?.()
    })
    this.inFlight.add(tracked)
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const log = this.services.logger.child({ jobId: job.id, job: job.name, attempt: job.attempts })
    const definition = this.definitions.get(definitionKey(job.name, job.version))
    if (!definition) {
      const known = this.knownVersions.get(job.name)
      const reason = known
        ? `Version ${job.version} of job ${job.name} is not known to worker ${this.workerId} (it knows version ${known.join(', ')}).`
        : `Job ${job.name} is not known to worker ${this.workerId}; no handler is registered under that name.`
      log.error(reason)
      return this.finish(job, 'dead', reason)
    }
    if (job.attempts > job.max_attempts) {
      // Only reachable through an expired lease: the worker stopped (or crashed) during the last try.
      const reason = `The lease of the last attempt expired (worker stopped or crashed during attempt ${job.max_attempts}).`
      log.error(reason)
      return this.finish(job, 'dead', reason)
    }
    const payload = definition.payload.safeParse(job.payload)
    if (!payload.success) {
      const reason = `The stored payload does not match the schema of ${job.name}@${job.version}: ${payload.error.message}`
      log.error(reason)
      return this.finish(job, 'dead', reason)
    }
    const heartbeat = setInterval(
      () => this.extendLease(job, log),
      Math.max(50, Math.floor(this.leaseMs / 3)),
    )
    heartbeat.unref()
    try {
      await definition.handler(payload.data, {
        services: this.services,
        job: { id: job.id, attempts: job.attempts, organisationId: job.organisation_id },
        log,
        signal: this.abort.signal,
      })
    } catch (error) {
      clearInterval(heartbeat)
      const permanent = error instanceof PermanentJobError
      const dead = permanent || job.attempts >= job.max_attempts
      log.warn({ err: error, dead }, dead ? 'job failed for good' : 'job failed; will retry')
      const delay = dead ? 0 : retryDelayMs(definition.backoff, job.attempts)
      return this.finish(job, dead ? 'dead' : 'queued', describe(error), delay)
    }
    clearInterval(heartbeat)
    await this.finish(job, 'succeeded', null)
  }

  /**
   * Records the outcome, guarded by (locked_by, attempts): if our lease expired and another worker took
   * the job over, its newer attempt owns the row and this stale outcome is dropped.
   */
  private async finish(
    job: ClaimedJob,
    status: 'succeeded' | 'queued' | 'dead',
    error: string | null,
    delayMs = 0,
  ) {
    const result = await sql`
      UPDATE job
         SET status = ${status}::text,
             last_error = COALESCE(${error}::text, last_error),
             run_at = CASE WHEN ${status}::text = 'queued'
                           THEN now() + ${delayMs}::double precision * interval '1 millisecond' ELSE run_at END,
             finished_at = CASE WHEN ${status}::text = 'queued' THEN NULL ELSE now() END,
             locked_by = NULL, locked_until = NULL
       WHERE id = ${job.id}::uuid AND locked_by = ${this.workerId} AND attempts = ${job.attempts}::integer
         AND status = 'running'`.execute(this.db)
    if (Number(result.numAffectedRows ?? 0) === 0) {
      this.services.logger.warn(
        { jobId: job.id, job: job.name, status },
        'job was taken over by another worker; outcome dropped',
      )
    }
  }

  private extendLease(job: ClaimedJob, log: Services['logger']) {
    sql`
      UPDATE job SET locked_until = now() + ${this.leaseMs}::double precision * interval '1 millisecond'
       WHERE id = ${job.id}::uuid AND locked_by = ${this.workerId} AND attempts = ${job.attempts}::integer
         AND status = 'running'`
      .execute(this.db)
      .catch((error) => log.warn({ err: error }, 'could not extend job lease'))
  }
}

/** The text kept in last_error: the stack when there is one (it says where), capped in size. */
function describe(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
  return text.length > ERROR_MAX_CHARS ? `${text.slice(0, ERROR_MAX_CHARS)}…` : text
}
