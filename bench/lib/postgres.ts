/** Scratch databases and server settings for benchmarks that run on a PostgreSQL server. */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** A database that exists only for one benchmark run. */
export interface ScratchDatabase {
  name: string
  /** Connection string of the scratch database (same server, user and options as the base URL). */
  url: string
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>
}

/** Runs `fn` with a short-lived client on `url`. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** The connection string of database `name` on the server of `serverUrl`. */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * Creates `<prefix>_<random>` on the server. Durable commits are pinned on the database itself
 * (`ALTER DATABASE … SET synchronous_commit = on`) so that every session of the app pool and of
 * pgbench commits durably, whatever the server default is.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`invalid database prefix ${prefix}`)
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  await withClient(serverUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name}`)
    await c.query(`ALTER DATABASE ${name} SET synchronous_commit = on`)
  })
  return {
    name,
    url: databaseUrlFor(serverUrl, name),
    drop: () =>
      withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  }
}

/** Current values of server settings as a session on `url` sees them (`SHOW name`). */
export async function readSettings(url: string, names: string[]): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {}
    for (const name of names) {
      const r = await c.query<{ setting: string }>('SELECT current_setting($1) AS setting', [name])
      out[name] = r.rows[0]?.setting ?? ''
    }
    return out
  })
}

/** Server version string (`server_version`), for the record. */
export async function serverVersion(url: string): Promise<string> {
  return (await readSettings(url, ['server_version'])).server_version ?? ''
}

/**
 * Asks the server to write a checkpoint so that each measured phase starts from the same state
 * instead of paying for the previous phase's dirty pages. Needs superuser or pg_checkpoint; without
 * them the run goes on and the caller records that no checkpoint was taken.
 */
export async function tryCheckpoint(url: string): Promise<boolean> {
  try {
    await withClient(url, (c) => c.query('CHECKPOINT'))
    return true
  } catch {
    return false
  }
}
