/** Helpers for the job tests: a second connection pool on the same database, and polling for a state. */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Services } from '../../main/services.ts'
import type { Database } from '../../modules/database.ts'
import { socketPathFor } from '../db/connect.ts'

/**
 * Services with their own pool on the same database, as a second worker process would have. On the
 * embedded database this connects through the owner's unix socket (a second `openServices` in the same
 * process would take the data-dir lock as stale, because the lock holder has our own pid).
 */
export function secondServices(services: Services): Services {
  const config = services.config
  const pool = config.DATABASE_URL
    ? new pg.Pool({ connectionString: config.DATABASE_URL, max: 5 })
    : new pg.Pool({
        host: socketPathFor(config.dataDirAbsolute).replace(/\/\.s\.PGSQL\.\d+$/, ''),
        port: 5432,
        user: 'postgres',
        database: 'postgres',
        max: 5,
      })
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    ...services,
    database: { ...services.database, db, pool, owner: false, close: () => db.destroy() },
    db,
    close: () => db.destroy(),
  }
}

/** Polls `check` until it returns a value other than undefined; fails after `timeoutMs` with `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
