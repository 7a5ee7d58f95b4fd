/**
 * Recurring jobs. A schedule is data (cron pattern, job, payload); every runner that has it enqueues
 * the job when a slot of the pattern passes. The unique key `schedule:<name>:<slot minute in UTC>` with
 * scope `always` makes the database the referee, so any number of runners enqueue each slot once.
 */
import { Cron } from 'croner'
import type { QueryExecutorProvider } from 'kysely'
import type { z } from 'zod'
import type { JobDefinition } from './define.ts'
import { enqueue } from './enqueue.ts'

/** One recurring job. Create with `schedule`. */
export interface Schedule<S extends z.ZodType = z.ZodType> {
  /** Names the schedule in unique keys; defaults to the job name. */
  name: string
  cron: string
  timezone: string
  definition: JobDefinition<S>
  payload: z.input<S>
}

/**
 * Declares that `definition` runs with `payload` at every time of the `cron` pattern (5 fields, or 6
 * with seconds). Times are read in Europe/Amsterdam by default, so "0 7 * * *" is seven o'clock Dutch
 * time all year. Give `name` when one job has several schedules with different payloads.
 */
export function schedule<S extends z.ZodType>(
  cron: string,
  definition: JobDefinition<S>,
  payload: z.input<S>,
  options: { name?: string; timezone?: string } = {},
): Schedule<S> {
  const timezone = options.timezone ?? 'Europe/Amsterdam'
  // Parse now so a bad pattern fails at start-up with the schedule's name in the message.
  try {
    new Cron(cron, { timezone })
  } catch (error) {
    throw new Error(
      `Schedule of ${definition.name}: invalid cron pattern "${cron}": ${(error as Error).message}`,
    )
  }
  const parsed = definition.payload.safeParse(payload)
  if (!parsed.success)
    throw new Error(`Schedule of ${definition.name}: payload does not match the job's schema.`)
  return { name: options.name ?? definition.name, cron, timezone, definition, payload }
}

/** The unique key of one slot: minute precision, UTC, so every runner computes the same text. */
export function slotKey(name: string, slot: Date) {
  return `schedule:${name}:${slot.toISOString().slice(0, 16)}Z`
}

/**
 * Tracks which slots of each schedule a runner has handled. `due(now)` returns, per schedule, the
 * latest slot in (last check, now]: slots missed while the process slept are folded into one run
 * instead of a burst. The first check looks back `catchUpMs`, so a worker that was down at the slot
 * time (or `worker --once` from a system cron) still runs the most recent missed slot.
 */
export class ScheduleClock {
  private readonly crons: { entry: Schedule; cron: Cron; checkedUntil: Date | null }[]

  constructor(
    schedules: readonly Schedule[],
    private readonly catchUpMs: number,
  ) {
    const names = new Set<string>()
    for (const s of schedules) {
      if (names.has(s.name)) throw new Error(`Two schedules are named ${s.name}; give one a distinct name.`)
      names.add(s.name)
    }
    this.crons = schedules.map((entry) => ({
      entry,
      cron: new Cron(entry.cron, { timezone: entry.timezone }),
      checkedUntil: null,
    }))
  }

  /** The slots that became due since the previous call, and marks them handled. */
  due(now: Date): { entry: Schedule; slot: Date }[] {
    const out: { entry: Schedule; slot: Date }[] = []
    for (const item of this.crons) {
      const from = item.checkedUntil ?? new Date(now.getTime() - this.catchUpMs)
      let slot: Date | null = null
      let next = item.cron.nextRun(from)
      // Bounded walk: a per-second pattern over a long catch-up window must not spin forever.
      for (let i = 0; next && next <= now && i < 100_000; i++) {
        slot = next
        next = item.cron.nextRun(next)
      }
      item.checkedUntil = now
      if (slot) out.push({ entry: item.entry, slot })
    }
    return out
  }
}

/** Enqueues one schedule slot; returns the job id, or null when another runner already did. */
export function enqueueSlot(db: QueryExecutorProvider, entry: Schedule, slot: Date) {
  return enqueue(db, entry.definition, entry.payload, {
    runAt: slot,
    uniqueKey: slotKey(entry.name, slot),
    uniqueScope: 'always',
  })
}
