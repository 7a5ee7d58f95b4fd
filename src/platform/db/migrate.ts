/**
 * Forward-only SQL migrations from `migrations/YYYYMMDDHHMMSS_verb_object.sql`, applied in order at
 * start-up inside one transaction under an advisory lock, so concurrent starts do not race.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
)
const NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/
/** Arbitrary constant that identifies Klankbord's migration lock among advisory locks. */
const LOCK_KEY = 72_626_001

/** A migration file. */
export interface Migration {
  version: string
  name: string
  sql: string
}

/** Lists migration files in order; a file with a bad name is an error, not silently skipped. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const m = NAME.exec(file)
      if (!m?.[1] || !m[2])
        throw new Error(`Migration file name ${file} does not match YYYYMMDDHHMMSS_verb_object.sql`)
      return { version: m[1], name: m[2], sql: fs.readFileSync(path.join(dir, file), 'utf8') }
    })
}

/** Applies pending migrations; returns the versions applied now. */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = listMigrations(dir)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migration (
         version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    const done = new Set(
      (await client.query<{ version: string }>('SELECT version FROM schema_migration')).rows.map(
        (r) => r.version,
      ),
    )
    const applied: string[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      try {
        await client.query(m.sql)
      } catch (error) {
        throw new Error(`Migration ${m.version}_${m.name} failed: ${(error as Error).message}`)
      }
      await client.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name])
      applied.push(m.version)
    }
    await client.query('COMMIT')
    return applied
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** The newest applied migration version, or null on an empty database. */
export async function currentVersion(pool: pg.Pool): Promise<string | null> {
  const r = await pool.query<{ version: string | null }>(
    `SELECT CASE WHEN to_regclass('schema_migration') IS NULL THEN NULL
            ELSE (SELECT max(version) FROM schema_migration) END AS version`,
  )
  return r.rows[0]?.version ?? null
}
