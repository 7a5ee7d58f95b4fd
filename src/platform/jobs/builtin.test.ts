import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { after, before, it } from 'node:test'
import { sql } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { newId } from '../db/ids.ts'
import {
  builtinJobs,
  builtinSchedules,
  enqueue,
  JobRunner,
  purgeExpiredSessions,
  purgeFinishedJobs,
} from './index.ts'

let t: TestDatabase
let accountId: string
before(async () => {
  t = await createTestDatabase()
  accountId = newId()
  await t.services.db
    .insertInto('account')
    .values({ id: accountId, email: 'purge@voorbeeld.nl', display_name: 'Purge Test', password_hash: 'x' })
    .execute()
})
after(() => t.dispose())

async function addSessions() {
  const expired = `expired-${newId()}`
  const valid = `valid-${newId()}`
  await t.services.db
    .insertInto('staff_session')
    .values([
      {
        id: expired,
        account_id: accountId,
        csrf_token: 'c1',
        expires_at: sql<Date>`now() - interval '1 minute'`,
      },
      {
        id: valid,
        account_id: accountId,
        csrf_token: 'c2',
        expires_at: sql<Date>`now() + interval '1 hour'`,
      },
    ])
    .execute()
  return { expired, valid }
}

async function sessionIds() {
  return (await t.services.db.selectFrom('staff_session').select('id').execute()).map((r) => r.id)
}

it('sessions.purge-expired deletes expired staff sessions only', async () => {
  const { expired, valid } = await addSessions()
  await enqueue(t.services.db, purgeExpiredSessions, {})
  assert.equal(await new JobRunner(t.services, builtinJobs).runUntilIdle(), 1)
  const left = await sessionIds()
  assert.ok(left.includes(valid))
  assert.ok(!left.includes(expired))
})

it('jobs.purge-finished deletes old succeeded and dead jobs but keeps recent and waiting ones', async () => {
  const ids = { oldDone: newId(), newDone: newId(), oldDead: newId(), youngDead: newId(), waiting: newId() }
  await t.services.db
    .insertInto('job')
    .values([
      {
        id: ids.oldDone,
        name: 'x.y',
        status: 'succeeded',
        finished_at: sql<Date>`now() - interval '8 days'`,
      },
      { id: ids.newDone, name: 'x.y', status: 'succeeded', finished_at: sql<Date>`now() - interval '1 day'` },
      { id: ids.oldDead, name: 'x.y', status: 'dead', finished_at: sql<Date>`now() - interval '91 days'` },
      { id: ids.youngDead, name: 'x.y', status: 'dead', finished_at: sql<Date>`now() - interval '30 days'` },
      { id: ids.waiting, name: 'x.y', status: 'queued', run_at: sql<Date>`now() + interval '1 day'` },
    ])
    .execute()
  await enqueue(t.services.db, purgeFinishedJobs, {})
  await new JobRunner(t.services, builtinJobs).runUntilIdle()
  const left = new Set((await t.services.db.selectFrom('job').select('id').execute()).map((r) => r.id))
  assert.ok(!left.has(ids.oldDone))
  assert.ok(!left.has(ids.oldDead))
  assert.ok(left.has(ids.newDone) && left.has(ids.youngDead) && left.has(ids.waiting))
})

it('schedules the session purge every hour', () => {
  const entry = builtinSchedules.find((s) => s.definition === purgeExpiredSessions)
  assert.equal(entry?.cron, '0 * * * *')
})

it('`klankbord worker --once` runs the due purge through the running database and exits', async () => {
  const { expired, valid } = await addSessions()
  await enqueue(t.services.db, purgeExpiredSessions, {})
  const root = path.resolve(import.meta.dirname, '../../..')
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'info' }
  if (t.config.DATABASE_URL) env.DATABASE_URL = t.config.DATABASE_URL
  else env.DATA_DIR = t.config.dataDirAbsolute
  // This process owns the embedded data directory, so the worker has to use its socket.
  const result = spawnSync(process.execPath, [path.join(root, 'bin/klankbord.js'), 'worker', '--once'], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  })
  assert.equal(result.status, 0, result.stderr)
  assert.match(result.stdout, /due jobs processed/)
  const left = await sessionIds()
  assert.ok(left.includes(valid))
  assert.ok(!left.includes(expired))
})
