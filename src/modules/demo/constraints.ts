/**
 * Foreign keys during a bulk load. PostgreSQL checks a foreign key row by row (one index probe and a
 * KEY SHARE lock on the referenced row per check); the demo writes ~19 checks per response, which was
 * 73% of the server's CPU time in a 100,000-response load (17.1 s with the checks, 4.6 s without).
 * PostgreSQL's own advice for populating a database is to drop the foreign keys, load, and add them
 * again: adding a key validates all rows with one join instead of millions of probes.
 *
 * We do that inside the load's transaction, so no other session ever sees a table without its keys,
 * and only when no other organisation has rows in the bulk tables (a fresh or demo-only installation):
 * the DDL holds ACCESS EXCLUSIVE locks until commit, which a shared production database must not pay.
 */
import type pg from 'pg'
import { BULK_ORDER } from './rows.ts'

/** A foreign key as the catalog defines it, to be re-created exactly. */
interface ForeignKey {
  table: string
  name: string
  definition: string
}

/**
 * Whether the bulk tables hold rows of organisations other than `organisationId`: then the load
 * keeps the foreign keys in place and pays the row-by-row checks.
 */
export async function otherTenantsPresent(client: pg.PoolClient, organisationId: string): Promise<boolean> {
  for (const table of BULK_ORDER) {
    const r = await client.query(`SELECT 1 FROM ${table} WHERE organisation_id <> $1 LIMIT 1`, [
      organisationId,
    ])
    if (r.rowCount) return true
  }
  return false
}

/**
 * Drops the foreign keys of the bulk tables (in the caller's transaction) and returns a function
 * that adds them back with the same names and definitions, validating every row once.
 */
export async function suspendForeignKeys(client: pg.PoolClient): Promise<() => Promise<void>> {
  const result = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY ($1::regclass[])
      ORDER BY c.conrelid::regclass::text, c.conname`,
    [BULK_ORDER],
  )
  const keys: ForeignKey[] = result.rows
  for (const key of keys)
    await client.query(`ALTER TABLE ${quote(key.table)} DROP CONSTRAINT ${quote(key.name)}`)
  return async () => {
    // Parents first, so each validation reads complete referenced tables.
    const order = (t: string) => BULK_ORDER.indexOf(t.replace(/"/g, '') as (typeof BULK_ORDER)[number])
    for (const key of [...keys].sort((a, b) => order(a.table) - order(b.table))) {
      await client.query(
        `ALTER TABLE ${quote(key.table)} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`,
      )
    }
  }
}

function quote(identifier: string): string {
  // regclass::text is already quoted when needed; constraint names come bare from the catalog.
  return /^[a-z_][a-z0-9_]*$/.test(identifier) || identifier.startsWith('"')
    ? identifier
    : `"${identifier.replace(/"/g, '""')}"`
}
