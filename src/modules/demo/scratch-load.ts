import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { loadConfig } from '../../platform/config.ts'
import { openServices } from '../../main/services.ts'
import { loadDemo } from './load-demo.ts'
const n = Number(process.argv[2] ?? 10000)
const usePg = process.argv[3] === 'pg'
let config, cleanup: () => Promise<void>
if (usePg) {
  const name = `kb_scratch_${Date.now()}`
  const a = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' }); await a.connect(); await a.query(`CREATE DATABASE ${name}`); await a.end()
  config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` })
  cleanup = async () => { const a = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' }); await a.connect(); await a.query(`DROP DATABASE ${name} WITH (FORCE)`); await a.end() }
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbl-'))
  config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir, DATABASE_URL: '' })
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
}
const s = await openServices(config, { exclusive: true })
try {
  let last = 0
  const summary = await loadDemo(s, { responses: n, seed: 42, onProgress: (d, t) => { if (d - last >= t / 10) { last = d; console.log('progress', d, t, (performance.now() / 1000).toFixed(1)) } } })
  console.log(summary)
  const r = await s.database.pool.query('select (select count(*) from answer) a, (select count(*) from response) r, (select avg(numeric_value) from answer a join question q on q.id = a.question_id where q.code = $1) g', ['rapportcijfer'])
  console.log(r.rows)
} finally { await s.close(); await cleanup() }
