import fs from 'node:fs'
import pg from 'pg'
import { loadConfig } from '../../platform/config.ts'
import { openServices } from '../../main/services.ts'
import { loadDemo } from './load-demo.ts'
const n = Number(process.argv[2] ?? 100000)
const mode = process.argv[3] ?? 'normal'
const name = `kb_scratch_${Date.now()}`
const base = 'postgres://postgres@127.0.0.1:5432/postgres'
const a = new pg.Client({ connectionString: base }); await a.connect(); await a.query(`CREATE DATABASE ${name}`); await a.end()
const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`, DATABASE_POOL_MAX: '1' })
const s = await openServices(config, { exclusive: true })
function cpuOf(pid: number) { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10 }
try {
  const pid = (await s.database.pool.query('select pg_backend_pid() p')).rows[0].p
  if (mode === 'replica') await s.database.pool.query('SET session_replication_role = replica')
  const c0 = cpuOf(pid); const n0 = process.cpuUsage(); const t0 = performance.now()
  const summary = await loadDemo(s, { responses: n, seed: 42, now: new Date('2026-11-20T10:00:00Z') })
  const nc = process.cpuUsage(n0)
  console.log({ mode, n, wall: ((performance.now() - t0) / 1000).toFixed(1), pgCpuS: ((cpuOf(pid) - c0) / 1000).toFixed(1), nodeCpuS: ((nc.user + nc.system) / 1e6).toFixed(1), rows: summary.rows })
} finally { await s.close(); const a = new pg.Client({ connectionString: base }); await a.connect(); await a.query(`DROP DATABASE ${name} WITH (FORCE)`); await a.end() }
