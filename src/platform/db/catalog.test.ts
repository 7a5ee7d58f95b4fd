import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { GLOBAL_TABLES, personalColumns, tenantRuleViolations } from './catalog.ts'
import { currentVersion, listMigrations } from './migrate.ts'

let t: TestDatabase
before(async () => {
  t = await createTestDatabase()
})
after(async () => t.dispose())

describe('the database schema', () => {
  it('follows the tenant rules: organisation_id uuid NOT NULL first in every key of every tenant table', async () => {
    assert.deepEqual(await tenantRuleViolations(t.services.database.pool), [])
  })

  it('would catch a tenant table whose primary key does not start with organisation_id', async () => {
    const pool = t.services.database.pool
    await pool.query('CREATE TABLE catalog_probe (id uuid PRIMARY KEY, organisation_id uuid)')
    try {
      const v = await tenantRuleViolations(pool)
      assert.ok(v.some((x) => x.table === 'catalog_probe' && /primary key/.test(x.rule)))
      assert.ok(v.some((x) => x.table === 'catalog_probe' && /NULL/.test(x.rule)))
    } finally {
      await pool.query('DROP TABLE catalog_probe')
    }
  })

  it('lists only tables that exist as global tables', async () => {
    const r = await t.services.database.pool.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema()`,
    )
    const names = new Set(r.rows.map((x) => x.t))
    for (const g of Object.keys(GLOBAL_TABLES))
      assert.ok(names.has(g), `${g} is listed as global but does not exist`)
  })

  it('marks every column that holds personal data with a retention rule', async () => {
    const marked = await personalColumns(t.services.database.pool)
    const key = (x: { table: string; column: string }) => `${x.table}.${x.column}`
    for (const must of [
      'account.email',
      'account.display_name',
      'answer.text_value',
      'signal.description',
      'staff_session.user_agent',
    ]) {
      assert.ok(
        marked.some((m) => key(m) === must),
        `${must} is not marked personal`,
      )
    }
    for (const m of marked) assert.ok(m.retention, `${key(m)} has no retention rule`)
  })

  it('is at the newest migration, and migrating again changes nothing', async () => {
    const newest = listMigrations().at(-1)?.version
    assert.equal(await currentVersion(t.services.database.pool), newest)
    const { migrate } = await import('./migrate.ts')
    assert.deepEqual(await migrate(t.services.database.pool), [])
  })
})
