import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { z } from 'zod'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { defineJob, enqueue, JobRunner, jobQueueStats } from './index.ts'

let t: TestDatabase
before(async () => {
  t = await createTestDatabase()
})
after(() => t.dispose())

it('summarises the queue: counts per status, due jobs and how late the oldest one is', async () => {
  const ok = defineJob({ name: 'test.ok', version: 1, payload: z.object({}), async handler() {} })
  const bad = defineJob({
    name: 'test.bad',
    version: 1,
    payload: z.object({}),
    maxAttempts: 1,
    async handler() {
      throw new Error('no')
    },
  })
  assert.deepEqual(await jobQueueStats(t.services.db), {
    queued: 0,
    running: 0,
    succeeded: 0,
    dead: 0,
    due: 0,
    oldestDueSeconds: 0,
  })
  await enqueue(t.services.db, ok, {})
  await enqueue(t.services.db, bad, {})
  await new JobRunner(t.services, [ok, bad]).runUntilIdle()
  await enqueue(t.services.db, ok, {}, { runAt: new Date(Date.now() - 60_000) })
  await enqueue(t.services.db, ok, {}, { delayMs: 3_600_000 })
  const stats = await jobQueueStats(t.services.db)
  assert.equal(stats.succeeded, 1)
  assert.equal(stats.dead, 1)
  assert.equal(stats.queued, 2)
  assert.equal(stats.due, 1)
  assert.equal(stats.running, 0)
  assert.ok(stats.oldestDueSeconds >= 59, `oldest due job waited ${stats.oldestDueSeconds} s`)
})
