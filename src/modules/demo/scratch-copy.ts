import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import copyStreams from 'pg-copy-streams'
import { loadConfig } from '../../platform/config.ts'
import { openServices } from '../../main/services.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbcopy-'))
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir, DATABASE_URL: process.env.DATABASE_URL ?? '' })
const s = await openServices(config, { exclusive: true })
const pool = s.database.pool
await pool.query('CREATE TABLE t (a int, b text)')
const inTx = process.argv[2] === 'tx'
const client = await pool.connect()
try {
  if (inTx) await client.query('BEGIN')
  const t0 = Date.now()
  const stream = client.query(copyStreams.from('COPY t (a, b) FROM STDIN'))
  function* rows() { for (let i = 0; i < 200000; i += 1000) { let s = ''; for (let j = i; j < i + 1000; j++) s += `${j}\thello ${j}\n`; yield s } }
  // concurrent other query from another connection during copy
  const other = pool.query('SELECT count(*) FROM t').then((r) => console.log('other saw', r.rows[0]))
  await pipeline(Readable.from(rows()), stream)
  console.log('copy done', stream.rowCount, Date.now() - t0, 'ms')
  if (inTx) await client.query('COMMIT')
  await other
  const r = await client.query('SELECT count(*) FROM t')
  console.log('count', r.rows[0])
} catch (e) { console.error('ERR', e) } finally { client.release() }
await s.close()
fs.rmSync(dir, { recursive: true, force: true })
