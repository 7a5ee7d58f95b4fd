import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { z } from 'zod'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import type { Services } from '../../main/services.ts'
import { defineJob, enqueue, JobRunner } from './index.ts'
import { secondServices } from './testing.ts'

let t: TestDatabase
let other: Services
before(async () => {
  t = await createTestDatabase()
  other = secondServices(t.services)
})
after(async () => {
  await other.close()
  await t.dispose()
})

it('runs each of 200 jobs exactly once across two runners with their own pools, never overlapping', async () => {
  // Every start and end in one ordered log; `active` catches a second execution of a job while the first runs.
  const log: { event: 'start' | 'end'; n: number; worker: string }[] = []
  const active = new Set<number>()
  const overlaps: number[] = []
  const counted = defineJob({
    name: 'test.counted',
    version: 1,
    payload: z.object({ n: z.number().int() }),
    async handler({ n }, ctx) {
      if (active.has(n)) overlaps.push(n)
      active.add(n)
      log.push({ event: 'start', n, worker: ctx.log.bindings().worker as string })
      // Real database work and a pause, so executions of both runners interleave.
      await ctx.services.db.selectFrom('job').select('id').where('id', '=', ctx.job.id).execute()
      await new Promise((r) => setTimeout(r, n % 3))
      active.delete(n)
      log.push({ event: 'end', n, worker: ctx.log.bindings().worker as string })
    },
  })
  await t.services.db.transaction().execute(async (trx) => {
    for (let n = 0; n < 200; n++) await enqueue(trx, counted, { n })
  })
  const withWorker = (services: Services, worker: string): Services => ({
    ...services,
    logger: services.logger.child({ worker }),
  })
  const a = new JobRunner(withWorker(t.services, 'a'), [counted], {
    workerId: 'a',
    pollMs: 5,
    concurrency: 4,
  })
  const b = new JobRunner(withWorker(other, 'b'), [counted], { workerId: 'b', pollMs: 5, concurrency: 4 })
  const [ranA, ranB] = await Promise.all([a.runUntilIdle(), b.runUntilIdle()])

  assert.equal(ranA + ranB, 200)
  assert.ok(ranA > 0 && ranB > 0, `both runners took jobs (a ${ranA}, b ${ranB})`)
  assert.deepEqual(overlaps, [])
  const starts = log.filter((e) => e.event === 'start').map((e) => e.n)
  assert.equal(starts.length, 200)
  assert.deepEqual(
    [...starts].sort((x, y) => x - y),
    Array.from({ length: 200 }, (_, i) => i),
  )
  assert.equal(log.filter((e) => e.event === 'start' && e.worker === 'a').length, ranA)
  const rows = await t.services.db
    .selectFrom('job')
    .select(['status', 'attempts', 'locked_by'])
    .where('name', '=', 'test.counted')
    .execute()
  assert.equal(rows.length, 200)
  assert.ok(rows.every((r) => r.status === 'succeeded' && r.attempts === 1 && r.locked_by === null))
})
