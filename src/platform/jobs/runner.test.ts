import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { z } from 'zod'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import type { Services } from '../../main/services.ts'
import { newId } from '../db/ids.ts'
import { ValidationError } from '../errors.ts'
import { defineJob, enqueue, JobRunner, PermanentJobError } from './index.ts'
import { waitFor } from './testing.ts'

let t: TestDatabase
let services: Services
before(async () => {
  t = await createTestDatabase()
  services = t.services
})
after(() => t.dispose())

const quick = { baseMs: 5, maxMs: 20 }

function jobRow(id: string) {
  return services.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

describe('the job runner', () => {
  it('runs a job that fails twice to success on its third try', async () => {
    const seen: number[] = []
    const flaky = defineJob({
      name: 'test.flaky',
      version: 1,
      payload: z.object({ n: z.number() }),
      backoff: quick,
      async handler(payload, ctx) {
        seen.push(ctx.job.attempts)
        assert.equal(payload.n, 7)
        if (ctx.job.attempts < 3) throw new Error(`try ${ctx.job.attempts} fails`)
      },
    })
    const id = await enqueue(services.db, flaky, { n: 7 })
    assert.ok(id)
    const runner = new JobRunner(services, [flaky], { pollMs: 10 })
    runner.start()
    try {
      await waitFor('the flaky job to succeed', async () =>
        (await jobRow(id)).status === 'succeeded' ? true : undefined,
      )
    } finally {
      await runner.stop()
    }
    const row = await jobRow(id)
    assert.equal(row.status, 'succeeded')
    assert.equal(row.attempts, 3)
    assert.deepEqual(seen, [1, 2, 3])
    assert.match(row.last_error ?? '', /try 2 fails/)
    assert.ok(row.finished_at)
    assert.equal(row.locked_by, null)
  })

  it('moves a job that always fails to dead after max attempts and keeps the last error', async () => {
    let calls = 0
    const broken = defineJob({
      name: 'test.broken',
      version: 1,
      payload: z.object({}),
      maxAttempts: 3,
      backoff: quick,
      async handler() {
        calls++
        throw new Error(`broken call ${calls}`)
      },
    })
    const id = await enqueue(services.db, broken, {})
    assert.ok(id)
    const runner = new JobRunner(services, [broken], { pollMs: 10 })
    runner.start()
    try {
      await waitFor('the broken job to die', async () =>
        (await jobRow(id)).status === 'dead' ? true : undefined,
      )
    } finally {
      await runner.stop()
    }
    const row = await jobRow(id)
    assert.equal(row.attempts, 3)
    assert.equal(calls, 3)
    assert.match(row.last_error ?? '', /broken call 3/)
    assert.ok(row.finished_at)
  })

  it('schedules a retry in the future with backoff instead of running it at once', async () => {
    const slow = defineJob({
      name: 'test.slow-retry',
      version: 1,
      payload: z.object({}),
      backoff: { baseMs: 600_000, maxMs: 600_000 },
      async handler() {
        throw new Error('not yet')
      },
    })
    const id = await enqueue(services.db, slow, {})
    assert.ok(id)
    const ran = await new JobRunner(services, [slow]).runUntilIdle()
    assert.equal(ran, 1)
    const row = await jobRow(id)
    assert.equal(row.status, 'queued')
    assert.equal(row.attempts, 1)
    // Equal jitter: between half and all of the 10-minute delay.
    const waitMs = new Date(row.run_at).getTime() - Date.now()
    assert.ok(waitMs > 240_000 && waitMs <= 600_000, `retry waits ${waitMs} ms`)
  })

  it('makes a job dead at once when the handler throws a PermanentJobError', async () => {
    const hopeless = defineJob({
      name: 'test.hopeless',
      version: 1,
      payload: z.object({}),
      async handler() {
        throw new PermanentJobError('subject was deleted')
      },
    })
    const id = await enqueue(services.db, hopeless, {})
    assert.ok(id)
    await new JobRunner(services, [hopeless]).runUntilIdle()
    const row = await jobRow(id)
    assert.equal(row.status, 'dead')
    assert.equal(row.attempts, 1)
    assert.match(row.last_error ?? '', /subject was deleted/)
  })

  it('claims a running job again once its lease expired, but leaves a live lease alone', async () => {
    const runs: string[] = []
    const resumable = defineJob({
      name: 'test.resumable',
      version: 1,
      payload: z.object({}),
      async handler(_p, ctx) {
        runs.push(ctx.job.id)
      },
    })
    const expired = newId()
    const live = newId()
    await services.db
      .insertInto('job')
      .values([
        {
          id: expired,
          name: 'test.resumable',
          status: 'running',
          attempts: 1,
          locked_by: 'crashed-worker',
          locked_until: sql<Date>`now() - interval '1 second'`,
        },
        {
          id: live,
          name: 'test.resumable',
          status: 'running',
          attempts: 1,
          locked_by: 'busy-worker',
          locked_until: sql<Date>`now() + interval '1 hour'`,
        },
      ])
      .execute()
    const ran = await new JobRunner(services, [resumable], { workerId: 'rescuer' }).runUntilIdle()
    assert.equal(ran, 1)
    assert.deepEqual(runs, [expired])
    const row = await jobRow(expired)
    assert.equal(row.status, 'succeeded')
    assert.equal(row.attempts, 2)
    const untouched = await jobRow(live)
    assert.equal(untouched.status, 'running')
    assert.equal(untouched.locked_by, 'busy-worker')
  })

  it('makes a job dead when its lease expired during the last attempt', async () => {
    let calls = 0
    const crashy = defineJob({
      name: 'test.crashy',
      version: 1,
      payload: z.object({}),
      maxAttempts: 2,
      async handler() {
        calls++
      },
    })
    const id = newId()
    await services.db
      .insertInto('job')
      .values({
        id,
        name: 'test.crashy',
        status: 'running',
        attempts: 2,
        max_attempts: 2,
        locked_by: 'crashed',
        locked_until: sql<Date>`now() - interval '1 second'`,
      })
      .execute()
    await new JobRunner(services, [crashy]).runUntilIdle()
    const row = await jobRow(id)
    assert.equal(row.status, 'dead')
    assert.equal(calls, 0)
    assert.match(row.last_error ?? '', /lease of the last attempt expired/)
  })

  it('makes jobs of an unknown name or version dead with a clear reason instead of crashing', async () => {
    const known = defineJob({ name: 'test.known', version: 2, payload: z.object({}), async handler() {} })
    const unknownName = newId()
    const unknownVersion = newId()
    await services.db
      .insertInto('job')
      .values([
        { id: unknownName, name: 'test.nobody-knows' },
        { id: unknownVersion, name: 'test.known', version: 1 },
      ])
      .execute()
    await new JobRunner(services, [known], { workerId: 'w-old' }).runUntilIdle()
    const a = await jobRow(unknownName)
    assert.equal(a.status, 'dead')
    assert.match(a.last_error ?? '', /test\.nobody-knows is not known to worker w-old/)
    const b = await jobRow(unknownVersion)
    assert.equal(b.status, 'dead')
    assert.match(b.last_error ?? '', /Version 1 of job test\.known is not known .*knows version 2/)
  })

  it('makes a job dead when its stored payload no longer matches the schema', async () => {
    const strict = defineJob({
      name: 'test.strict',
      version: 1,
      payload: z.object({ n: z.number() }),
      async handler() {},
    })
    const id = newId()
    await services.db
      .insertInto('job')
      .values({ id, name: 'test.strict', payload: JSON.stringify({ n: 'x' }) })
      .execute()
    await new JobRunner(services, [strict]).runUntilIdle()
    const row = await jobRow(id)
    assert.equal(row.status, 'dead')
    assert.match(row.last_error ?? '', /does not match the schema/)
  })

  it('waits on stop for a running handler to finish', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => {
      release = r
    })
    let started = false
    let finished = false
    const long = defineJob({
      name: 'test.long',
      version: 1,
      payload: z.object({}),
      async handler(_p, ctx) {
        started = true
        await gate
        assert.equal(ctx.signal.aborted, true)
        finished = true
      },
    })
    const id = await enqueue(services.db, long, {})
    assert.ok(id)
    const runner = new JobRunner(services, [long], { pollMs: 10 })
    runner.start()
    await waitFor('the long handler to start', async () => (started ? true : undefined))
    const stopped = runner.stop().then(() => finished)
    release()
    assert.equal(await stopped, true)
    assert.equal((await jobRow(id)).status, 'succeeded')
  })
})

describe('enqueue', () => {
  const echo = defineJob({
    name: 'test.echo',
    version: 1,
    payload: z.object({ to: z.email() }),
    async handler() {},
  })

  it('refuses an invalid payload with a ValidationError naming the field, and stores nothing', async () => {
    await assert.rejects(
      enqueue(services.db, echo, { to: 'not an address' }),
      (error: unknown) =>
        error instanceof ValidationError && error.invalidParams.some((p) => p.name === 'to'),
    )
    const count = await services.db
      .selectFrom('job')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('name', '=', 'test.echo')
      .executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 0)
  })

  it('keeps one waiting job per unique key, and accepts the key again once that job finished', async () => {
    const first = await enqueue(services.db, echo, { to: 'a@voorbeeld.nl' }, { uniqueKey: 'echo:a' })
    const second = await enqueue(services.db, echo, { to: 'a@voorbeeld.nl' }, { uniqueKey: 'echo:a' })
    assert.ok(first)
    assert.equal(second, null)
    const rows = await services.db.selectFrom('job').select('id').where('unique_key', '=', 'echo:a').execute()
    assert.deepEqual(
      rows.map((r) => r.id),
      [first],
    )
    await new JobRunner(services, [echo]).runUntilIdle()
    const third = await enqueue(services.db, echo, { to: 'a@voorbeeld.nl' }, { uniqueKey: 'echo:a' })
    assert.ok(third)
    assert.notEqual(third, first)
    const always = await enqueue(
      services.db,
      echo,
      { to: 'a@voorbeeld.nl' },
      { uniqueKey: 'echo:a', uniqueScope: 'always' },
    )
    assert.equal(always, null)
  })

  it('commits or rolls back together with the caller transaction', async () => {
    await assert.rejects(
      services.db.transaction().execute(async (trx) => {
        await enqueue(trx, echo, { to: 'b@voorbeeld.nl' }, { uniqueKey: 'echo:rollback' })
        throw new Error('domain write failed')
      }),
      /domain write failed/,
    )
    const none = await services.db
      .selectFrom('job')
      .select('id')
      .where('unique_key', '=', 'echo:rollback')
      .execute()
    assert.equal(none.length, 0)
    const id = await services.db
      .transaction()
      .execute((trx) => enqueue(trx, echo, { to: 'b@voorbeeld.nl' }, { uniqueKey: 'echo:commit' }))
    assert.ok(id)
    assert.equal((await jobRow(id)).status, 'queued')
  })

  it('stores runAt, delay and organisation, and does not run a job before its time', async () => {
    const organisationId = newId()
    await services.db
      .insertInto('organisation')
      .values({ id: organisationId, slug: 'jobs-test', name: 'Jobs test' })
      .execute()
    const at = new Date('2030-01-02T03:04:05.000Z')
    const id = await enqueue(services.db, echo, { to: 'c@voorbeeld.nl' }, { runAt: at, organisationId })
    assert.ok(id)
    const row = await jobRow(id)
    assert.equal(new Date(row.run_at).toISOString(), at.toISOString())
    assert.equal(row.organisation_id, organisationId)
    const delayed = await enqueue(services.db, echo, { to: 'c@voorbeeld.nl' }, { delayMs: 3_600_000 })
    assert.ok(delayed)
    assert.ok(new Date((await jobRow(delayed)).run_at).getTime() > Date.now() + 3_000_000)
    await new JobRunner(services, [echo]).runUntilIdle()
    assert.equal((await jobRow(id)).status, 'queued')
    assert.equal((await jobRow(delayed)).status, 'queued')
  })
})
