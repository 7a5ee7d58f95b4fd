/**
 * Opens the database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database in
 * DATA_DIR, served by a worker thread on a unix socket. The application always talks through `pg` and
 * Kysely, so both kinds run the same SQL.
 *
 * Embedded mode has one owner per data directory (it holds the lock and runs the worker). Any other
 * process (a CLI command while the server runs) connects to the owner's socket instead.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Config } from '../config.ts'
import { AppError } from '../errors.ts'
import { lockHolder, tryLockDataDir } from './embedded/lock.ts'

// Counts come back as int8 and sums as numeric: both fit in a JS number for our magnitudes.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))
// A `date` is a calendar day without a time zone: keep it as 'YYYY-MM-DD' instead of a local-midnight Date.
pg.types.setTypeParser(1082, (v) => v)

export type DatabaseKind = 'pglite' | 'postgresql'

/** An open database: the Kysely instance, the raw pool, and how to close everything we started. */
export interface DatabaseHandle<DB = unknown> {
  kind: DatabaseKind
  db: Kysely<DB>
  pool: pg.Pool
  /** True when this process owns the embedded database (holds the lock and runs the worker). */
  owner: boolean
  close(): Promise<void>
}

/** The data directory is already served by another process. */
export class DataDirLockedError extends AppError {
  constructor(dir: string, pid: number) {
    super(
      409,
      'data-dir-locked',
      'Data directory in use',
      `Another Klankbord process (pid ${pid}) is already using the data directory ${dir}. ` +
        'Stop it first, or set DATA_DIR to another folder.',
    )
  }
}

const SOCKET_PORT = 5432

/** Path of the unix socket of an embedded database in `dataDir`. */
export function socketPathFor(dataDir: string) {
  return path.join(dataDir, `.s.PGSQL.${SOCKET_PORT}`)
}

/**
 * Opens the configured database. With `exclusive` (the server and the worker owner), a data directory
 * that another live process serves is an error; without it, the caller becomes a client of that process.
 */
export async function openDatabase<DB>(
  config: Config,
  options: { exclusive?: boolean } = {},
): Promise<DatabaseHandle<DB>> {
  if (config.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX })
    return wrap<DB>('postgresql', pool, false, async () => undefined)
  }
  const dir = config.dataDirAbsolute
  const socketPath = socketPathFor(dir)
  if (Buffer.byteLength(socketPath) > 100) {
    throw new AppError(
      400,
      'data-dir-path',
      'Data directory path too long',
      `DATA_DIR ${dir} is too long for a unix socket; use a shorter path.`,
    )
  }
  const lock = tryLockDataDir(dir)
  if (!lock.acquired) {
    if (options.exclusive) throw new DataDirLockedError(dir, lock.holder.pid)
    await waitForFile(socketPath, 15_000)
    const pool = socketPool(dir, config.DATABASE_POOL_MAX)
    return wrap<DB>('pglite', pool, false, async () => undefined)
  }
  let worker: Worker | null = null
  try {
    worker = await startWorker(path.join(dir, 'pgdata'), socketPath)
  } catch (error) {
    lock.release()
    throw error
  }
  const pool = socketPool(dir, config.DATABASE_POOL_MAX)
  const running = worker
  return wrap<DB>('pglite', pool, true, async () => {
    await stopWorker(running)
    lock.release()
  })
}

/** Whether a live process serves the embedded database in `dataDir`. */
export function embeddedServedBy(dataDir: string) {
  return lockHolder(dataDir)
}

function socketPool(dir: string, max: number) {
  return new pg.Pool({ host: dir, port: SOCKET_PORT, user: 'postgres', database: 'postgres', max })
}

function wrap<DB>(
  kind: DatabaseKind,
  pool: pg.Pool,
  owner: boolean,
  stop: () => Promise<void>,
): DatabaseHandle<DB> {
  // An idle client that errors (server gone) must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  let closed = false
  return {
    kind,
    db,
    pool,
    owner,
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
      // Kysely ends the pool only if it ever used it; raw pool users (migrations) need this too.
      if (!pool.ended) await pool.end()
      await stop()
    },
  }
}

async function startWorker(pgDataDir: string, socketPath: string): Promise<Worker> {
  fs.mkdirSync(pgDataDir, { recursive: true })
  const worker = new Worker(new URL('./embedded/worker-entry.mjs', import.meta.url), {
    workerData: { pgDataDir, socketPath },
  })
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`database worker exited with code ${code}`)))
    worker.on('message', (msg: { ready?: boolean; error?: string }) => {
      if (msg.ready) resolve()
      if (msg.error) reject(new Error(`embedded database failed to start: ${msg.error}`))
    })
  })
  worker.removeAllListeners('exit')
  worker.removeAllListeners('error')
  worker.on('error', () => undefined)
  return worker
}

async function stopWorker(worker: Worker) {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => resolve(), 10_000)
    worker.on('message', (msg: { stopped?: boolean }) => {
      if (msg.stopped) {
        clearTimeout(timer)
        resolve()
      }
    })
    worker.postMessage('stop')
  })
  await worker.terminate()
}

async function waitForFile(file: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs
  while (!fs.existsSync(file)) {
    if (Date.now() > until) throw new Error(`The running Klankbord did not open its database socket ${file}.`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
