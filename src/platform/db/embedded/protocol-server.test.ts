import assert from 'node:assert/strict'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { loadConfig } from '../../config.ts'
import { openDatabase } from '../connect.ts'
import { ProtocolServer } from './protocol-server.ts'
import { EMBEDDED_SETTINGS, embeddedStartParams } from './startup-options.ts'

// Front-end messages built by hand, so a test can pipeline them in one write as a client may.
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5)
  head.write(type, 0, 'latin1')
  head.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([head, body])
}
const cstr = (s: string) => Buffer.from(`${s}\0`, 'utf8')
const parse = (sql: string) => message('P', Buffer.concat([cstr(''), cstr(sql), Buffer.from([0, 0])]))
// Unnamed portal and statement, no parameters, text results.
const bind = () => message('B', Buffer.concat([cstr(''), cstr(''), Buffer.alloc(6)]))
const describePortal = () => message('D', Buffer.concat([Buffer.from('P'), cstr('')]))
const execute = () => message('E', Buffer.concat([cstr(''), Buffer.alloc(4)]))
const sync = () => message('S', Buffer.alloc(0))
const flush = () => message('H', Buffer.alloc(0))
const query = (sql: string) => message('Q', cstr(sql))
const statement = (sql: string) => [parse(sql), bind(), execute()]

function startupPacket(): Buffer {
  const body = Buffer.concat([
    cstr('user'),
    cstr('postgres'),
    cstr('database'),
    cstr('postgres'),
    Buffer.from([0]),
  ])
  const head = Buffer.alloc(8)
  head.writeInt32BE(body.length + 8, 0)
  head.writeInt32BE(196608, 4)
  return Buffer.concat([head, body])
}

interface Reply {
  type: string
  body: Buffer
}

/** A bare wire-protocol client: writes raw bytes, collects typed back-end messages. */
class RawClient {
  private buffer = Buffer.alloc(0)
  readonly replies: Reply[] = []
  private waiter: (() => void) | null = null

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      while (this.buffer.length >= 5) {
        const length = this.buffer.readInt32BE(1) + 1
        if (this.buffer.length < length) break
        this.replies.push({
          type: String.fromCharCode(this.buffer[0] ?? 0),
          body: this.buffer.subarray(5, length),
        })
        this.buffer = this.buffer.subarray(length)
      }
      this.waiter?.()
    })
  }

  static async connect(socketPath: string): Promise<RawClient> {
    const socket = net.createConnection(socketPath)
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
    const client = new RawClient(socket)
    socket.write(startupPacket())
    await client.until((r) => r.filter((m) => m.type === 'Z').length === 1)
    client.replies.length = 0
    return client
  }

  /** Waits until `done` holds for the replies so far (or fails after 10 s). */
  async until(done: (replies: Reply[]) => boolean): Promise<Reply[]> {
    const limit = Date.now() + 10_000
    while (!done(this.replies)) {
      if (Date.now() > limit) throw new Error(`no answer; got ${this.types()}`)
      await new Promise<void>((resolve) => {
        this.waiter = resolve
        setTimeout(resolve, 50)
      })
    }
    return this.replies
  }

  readyCount() {
    return this.replies.filter((m) => m.type === 'Z').length
  }

  types() {
    return this.replies.map((m) => m.type).join('')
  }

  /** Text of the first column of every DataRow, in order. */
  values() {
    return this.replies
      .filter((m) => m.type === 'D')
      .map((m) => {
        const length = m.body.readInt32BE(2)
        return m.body.subarray(6, 6 + length).toString('utf8')
      })
  }

  /** SQLSTATE codes of every ErrorResponse, in order. */
  errorCodes() {
    return this.replies
      .filter((m) => m.type === 'E')
      .map((m) => /C([0-9A-Z]{5})\0/.exec(m.body.toString('latin1'))?.[1])
  }

  /** Transaction status of every ReadyForQuery, in order (I, T or E). */
  statuses() {
    return this.replies.filter((m) => m.type === 'Z').map((m) => String.fromCharCode(m.body[0] ?? 0))
  }

  close() {
    this.socket.end(message('X', Buffer.alloc(0)))
  }
}

describe('the embedded protocol server', () => {
  let dir: string
  let db: PGlite
  let server: ProtocolServer
  let socketPath: string
  let pool: pg.Pool

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbproto-'))
    const template = process.env.KB_TEST_TEMPLATE_DIR
    if (template) fs.cpSync(path.join(template, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true })
    db = await PGlite.create({ dataDir: path.join(dir, 'pgdata'), startParams: embeddedStartParams() })
    socketPath = path.join(dir, '.s.PGSQL.5432')
    server = new ProtocolServer(db, socketPath)
    await server.start()
    pool = new pg.Pool({ host: dir, port: 5432, user: 'postgres', database: 'postgres', max: 8 })
    await pool.query('CREATE TABLE proto_probe (id int PRIMARY KEY, v text NOT NULL)')
  })

  after(async () => {
    await pool.end()
    await server.stop()
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('answers three pipelined cycles in order and skips to Sync after an error in the middle one', async () => {
    const client = await RawClient.connect(socketPath)
    try {
      client.socket.write(
        Buffer.concat([
          ...statement('SELECT 1'),
          sync(),
          ...statement('SELECT 1/0'),
          ...statement('SELECT 2'),
          sync(),
          ...statement('SELECT 3'),
          sync(),
        ]),
      )
      await client.until(() => client.readyCount() === 3)
      // Parse, Bind, DataRow, CommandComplete, Ready; then the error (1/0 is folded when the plan is
      // made at Bind), every later message up to Sync skipped — the Execute and all of SELECT 2 — and
      // Ready; then the third cycle runs normally. PostgreSQL 15 answers these bytes identically.
      assert.equal(client.types(), '12DCZ1EZ12DCZ')
      assert.deepEqual(client.values(), ['1', '3'])
      assert.deepEqual(client.errorCodes(), ['22012'])
      assert.deepEqual(client.statuses(), ['I', 'I', 'I'])
    } finally {
      client.close()
    }
  })

  it('answers a Flush without a Sync, and completes the cycle at the Sync', async () => {
    const client = await RawClient.connect(socketPath)
    try {
      client.socket.write(
        Buffer.concat([parse('SELECT 41 + 1'), bind(), describePortal(), execute(), flush()]),
      )
      await client.until((r) => r.some((m) => m.type === 'C'))
      assert.equal(client.types(), '12TDC')
      assert.deepEqual(client.values(), ['42'])
      client.socket.write(sync())
      await client.until(() => client.readyCount() === 1)
      assert.equal(client.types(), '12TDCZ')
    } finally {
      client.close()
    }
  })

  it('reassembles a cycle that arrives one byte at a time', async () => {
    const client = await RawClient.connect(socketPath)
    try {
      const bytes = Buffer.concat([...statement("SELECT 'stukje'"), sync()])
      for (const byte of bytes) {
        client.socket.write(Buffer.from([byte]))
        await new Promise((r) => setImmediate(r))
      }
      await client.until(() => client.readyCount() === 1)
      assert.equal(client.types(), '12DCZ')
      assert.deepEqual(client.values(), ['stukje'])
    } finally {
      client.close()
    }
  })

  it('keeps a transaction that failed mid-pipeline to its own connection until it rolls back', async () => {
    const client = await RawClient.connect(socketPath)
    try {
      client.socket.write(
        Buffer.concat([
          query('BEGIN'),
          ...statement("INSERT INTO proto_probe VALUES (1, 'een')"),
          ...statement("INSERT INTO proto_probe VALUES (1, 'dubbel')"),
          ...statement("INSERT INTO proto_probe VALUES (2, 'twee')"),
          sync(),
        ]),
      )
      await client.until(() => client.readyCount() === 2)
      assert.deepEqual(client.errorCodes(), ['23505'])
      assert.deepEqual(client.statuses(), ['T', 'E'])

      // Another connection must wait for the failed transaction to end, not run inside it.
      let otherDone = false
      const other = pool.query<{ n: number }>('SELECT count(*)::int AS n FROM proto_probe').then((r) => {
        otherDone = true
        return r.rows[0]?.n
      })
      await new Promise((r) => setTimeout(r, 200))
      assert.equal(otherDone, false)
      client.socket.write(query('ROLLBACK'))
      await client.until(() => client.readyCount() === 3)
      assert.deepEqual(client.statuses(), ['T', 'E', 'I'])
      assert.equal(await other, 0)
    } finally {
      client.close()
    }
  })

  it('gives every one of many concurrent parameterised pg queries its own answer', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 7 === 3
          ? pool.query('SELECT $1::int / 0 AS v', [i]).then(
              () => 'no error',
              (e: { code?: string }) => e.code,
            )
          : pool
              .query<{ v: string }>('SELECT $1::text AS v, repeat($2, $3) AS pad', [`r${i}`, 'x', i])
              .then((r) => r.rows[0]?.v),
      ),
    )
    results.forEach((v, i) => {
      assert.equal(v, i % 7 === 3 ? '22012' : `r${i}`)
    })
  })

  it('runs transactions of concurrent pg clients one at a time, each with its own rows', async () => {
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const c = await pool.connect()
        try {
          await c.query('BEGIN')
          await c.query('INSERT INTO proto_probe VALUES ($1, $2)', [100 + i, `v${i}`])
          const r = await c.query<{ v: string }>('SELECT v FROM proto_probe WHERE id = $1', [100 + i])
          assert.equal(r.rows[0]?.v, `v${i}`)
          if (i % 2) await c.query('ROLLBACK')
          else await c.query('COMMIT')
        } finally {
          c.release()
        }
      }),
    )
    const r = await pool.query<{ id: number }>('SELECT id FROM proto_probe WHERE id >= 100 ORDER BY id')
    assert.deepEqual(
      r.rows.map((row) => row.id),
      [100, 102, 104, 106],
    )
  })
})

describe('the embedded database worker', () => {
  it('starts PGlite with the memory settings of decision 0020', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbsettings-'))
    const template = process.env.KB_TEST_TEMPLATE_DIR
    if (template) fs.cpSync(path.join(template, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true })
    const handle = await openDatabase(loadConfig({ DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' }), {
      exclusive: true,
    })
    try {
      for (const [name, value] of Object.entries(EMBEDDED_SETTINGS)) {
        const r = await handle.pool.query<{ setting: string }>('SELECT current_setting($1) AS setting', [
          name,
        ])
        assert.equal(r.rows[0]?.setting, value, name)
      }
    } finally {
      await handle.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
