import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { z } from 'zod'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { defineJob, JobRunner, retryDelayMs, schedule, slotKey } from './index.ts'
import { ScheduleClock } from './schedule.ts'
import { secondServices } from './testing.ts'

let t: TestDatabase
before(async () => {
  t = await createTestDatabase()
})
after(() => t.dispose())

const tick = defineJob({
  name: 'test.tick',
  version: 1,
  payload: z.object({ label: z.string() }),
  async handler() {},
})

describe('schedules', () => {
  it('enqueue each slot once across two runners, also after the slot job succeeded', async () => {
    const other = secondServices(t.services)
    try {
      const hourly = [schedule('0 * * * *', tick, { label: 'hourly' })]
      const a = new JobRunner(t.services, [tick], { schedules: hourly, workerId: 'a' })
      const b = new JobRunner(other, [tick], { schedules: hourly, workerId: 'b' })
      // Real time, because runUntilIdle below only runs jobs that are due by the database clock.
      const at = new Date()
      const slot = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000)
      const [createdA, createdB] = await Promise.all([a.enqueueDueSchedules(at), b.enqueueDueSchedules(at)])
      assert.equal(createdA + createdB, 1)
      const key = slotKey('test.tick', slot)
      assert.equal(key, `schedule:test.tick:${slot.toISOString().slice(0, 16)}Z`)
      const rows = await t.services.db
        .selectFrom('job')
        .select(['id', 'run_at', 'payload'])
        .where('unique_key', '=', key)
        .execute()
      assert.equal(rows.length, 1)
      assert.deepEqual(rows[0]?.payload, { label: 'hourly' })
      assert.equal(new Date(rows[0]?.run_at as Date).toISOString(), slot.toISOString())

      assert.ok((await a.runUntilIdle()) >= 1)
      // A third runner that starts later looks back and sees the same slot: it must not run it again.
      const c = new JobRunner(other, [tick], { schedules: hourly, workerId: 'c' })
      assert.equal(await c.enqueueDueSchedules(new Date(slot.getTime() + 40 * 60_000)), 0)
      const again = await t.services.db
        .selectFrom('job')
        .select(['status'])
        .where('unique_key', '=', key)
        .execute()
      assert.deepEqual(again, [{ status: 'succeeded' }])
    } finally {
      await other.close()
    }
  })

  it('fold slots missed while asleep into one run of the latest slot', () => {
    const clock = new ScheduleClock([schedule('*/5 * * * *', tick, { label: 'x' })], 60 * 60_000)
    const first = clock.due(new Date('2026-11-23T10:02:00Z'))
    assert.deepEqual(
      first.map((d) => d.slot.toISOString()),
      ['2026-11-23T10:00:00.000Z'],
    )
    assert.deepEqual(clock.due(new Date('2026-11-23T10:04:59Z')), [])
    const late = clock.due(new Date('2026-11-23T10:31:00Z'))
    assert.deepEqual(
      late.map((d) => d.slot.toISOString()),
      ['2026-11-23T10:30:00.000Z'],
    )
  })

  it('read cron times in Dutch time by default', () => {
    const clock = new ScheduleClock([schedule('0 7 * * *', tick, { label: 'ochtend' })], 24 * 3_600_000)
    // 07:00 in Amsterdam is 06:00 UTC in winter and 05:00 UTC in summer.
    assert.equal(
      clock.due(new Date('2026-11-23T12:00:00Z'))[0]?.slot.toISOString(),
      '2026-11-23T06:00:00.000Z',
    )
    const summer = new ScheduleClock([schedule('0 7 * * *', tick, { label: 'ochtend' })], 24 * 3_600_000)
    assert.equal(
      summer.due(new Date('2026-07-01T12:00:00Z'))[0]?.slot.toISOString(),
      '2026-07-01T05:00:00.000Z',
    )
  })

  it('refuse a bad cron pattern, a bad payload, and a job the runner does not run', () => {
    assert.throws(() => schedule('every hour', tick, { label: 'x' }), /invalid cron pattern/)
    assert.throws(() => schedule('0 * * * *', tick, { label: 3 } as never), /payload does not match/)
    const other = defineJob({ name: 'test.other', version: 1, payload: z.object({}), async handler() {} })
    assert.throws(
      () => new JobRunner(t.services, [tick], { schedules: [schedule('0 * * * *', other, {})] }),
      /does not run/,
    )
  })
})

describe('retry delays', () => {
  it('grow exponentially, stay between half and all of the capped delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (baseMs, extra, attempts, r) => {
          const backoff = { baseMs, maxMs: baseMs + extra }
          const full = Math.min(backoff.maxMs, baseMs * 2 ** (attempts - 1))
          const delay = retryDelayMs(backoff, attempts, () => r)
          return delay >= Math.floor(full / 2) && delay <= Math.ceil(full)
        },
      ),
    )
    assert.equal(
      retryDelayMs({ baseMs: 1000, maxMs: 3_600_000 }, 3, () => 0),
      2000,
    )
    assert.equal(
      retryDelayMs({ baseMs: 1000, maxMs: 3_600_000 }, 3, () => 0.999999),
      4000,
    )
    assert.equal(
      retryDelayMs({ baseMs: 1000, maxMs: 5000 }, 20, () => 0),
      2500,
    )
  })
})
