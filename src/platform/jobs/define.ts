/**
 * Jobs are declared as data (ARCHITECTURE §2): a name, a version, a zod schema for the payload and an
 * async handler. The version lets a payload shape change safely: a worker only runs the versions it
 * knows, and an old version can stay registered until its queued jobs are gone.
 */
import type { z } from 'zod'
import type { Services } from '../../main/services.ts'
import type { Logger } from '../log.ts'

/** What a handler learns about the job it runs. */
export interface JobInfo {
  id: string
  /** 1 on the first try, 2 on the first retry, … */
  attempts: number
  organisationId: string | null
}

/** The second argument of every handler. */
export interface JobContext {
  services: Services
  job: JobInfo
  /** A pino child logger that carries the job id and name. */
  log: Logger
  /** Aborted when the runner stops; long handlers may check it to finish early (the job then retries). */
  signal: AbortSignal
}

/** Does the work; throwing makes the job retry (or go dead after its last attempt). */
export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>

/** Exponential backoff: the n-th retry waits about baseMs·2^(n−1), capped at maxMs, with jitter. */
export interface Backoff {
  baseMs: number
  maxMs: number
}

/** A declared job. Create one with `defineJob`. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string
  version: number
  payload: S
  maxAttempts: number
  backoff: Backoff
  // Method syntax on purpose: it makes a JobDefinition<SpecificSchema> usable where a list of
  // JobDefinition<ZodType> is expected (a runner takes definitions of many payload types).
  handler(payload: z.output<S>, ctx: JobContext): Promise<void>
}

/** The input of `defineJob`. */
export interface JobSpec<S extends z.ZodType> {
  /** Dotted, stable name such as `sessions.purge-expired`; stored in every job row. */
  name: string
  /** Raise when the payload shape changes incompatibly. */
  version: number
  payload: S
  /** Tries before the job is dead; default 5. */
  maxAttempts?: number
  backoff?: Partial<Backoff>
  handler: JobHandler<z.output<S>>
}

/** Default retry spacing: 10 s, 20 s, 40 s, … up to one hour. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 10_000, maxMs: 3_600_000 }
export const DEFAULT_MAX_ATTEMPTS = 5

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/

/** Declares a job. Invalid declarations fail at import time, not when the first job runs. */
export function defineJob<S extends z.ZodType>(spec: JobSpec<S>): JobDefinition<S> {
  if (!NAME.test(spec.name))
    throw new Error(`Job name ${spec.name} must be lowercase words separated by dots.`)
  if (!Number.isInteger(spec.version) || spec.version < 1)
    throw new Error(`Job ${spec.name}: version must be an integer ≥ 1.`)
  const maxAttempts = spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error(`Job ${spec.name}: maxAttempts must be ≥ 1.`)
  const backoff = { ...DEFAULT_BACKOFF, ...spec.backoff }
  if (!(backoff.baseMs >= 0 && backoff.maxMs >= backoff.baseMs)) {
    throw new Error(`Job ${spec.name}: backoff needs 0 ≤ baseMs ≤ maxMs.`)
  }
  return {
    name: spec.name,
    version: spec.version,
    payload: spec.payload,
    maxAttempts,
    backoff,
    handler: spec.handler,
  }
}

/**
 * Delay before the next try after `attempts` failed tries. "Equal jitter": half the exponential delay
 * is fixed and half is random, so retries of many jobs that failed together (a database restart) spread
 * out instead of hammering the system again at the same moment, while the delay still grows.
 */
export function retryDelayMs(backoff: Backoff, attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(exponential / 2 + random() * (exponential / 2))
}

/**
 * Thrown by a handler when retrying cannot help (for example the subject was deleted): the job goes
 * dead at once instead of using up its attempts.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError'
}

/** The key under which a runner looks a definition up: one name can have several live versions. */
export function definitionKey(name: string, version: number) {
  return `${name}@${version}`
}
