/**
 * The `invitations` benchmark without the harness: three processes on this machine.
 *
 * 1. An SMTP sink (bench/lib/smtp-sink.ts) in its own process.
 * 2. A fresh database: embedded by default — a new data directory created and migrated by
 *    `klankbord migrate` in its own process, as a first `npm start` does (so the one-off initdb is not
 *    part of the measured process) — or, with `databaseUrl`, a scratch database on that PostgreSQL
 *    server.
 * 3. The Klankbord process (bench/invitations-workload.ts) that plans and delivers, reporting its
 *    figures and peak RSS.
 * Then the checks: the sink received exactly `count` messages with `count` distinct recipients, one
 * each; sampled mails carry a survey link whose token belongs to a sent invitation, the opt-out link
 * in List-Unsubscribe and the one-click header. Any miss throws: a benchmark that delivered the wrong
 * thing has no figures.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WorkloadPlan, WorkloadReport } from './invitations-workload.ts'
import { createScratchDatabase, type ScratchDatabase } from './lib/postgres.ts'
import { startSmtpSink } from './lib/smtp-sink.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const WORKLOAD = path.join(ROOT, 'bench', 'invitations-workload.ts')
const PUBLIC_URL = 'https://klankbord.bench.example'
const LINK = /https:\/\/klankbord\.bench\.example\/i\/([A-Za-z0-9_-]{43})/

/** How to run. */
export interface InvitationsRunOptions extends WorkloadPlan {
  /** PostgreSQL server URL; null for the embedded database. */
  databaseUrl: string | null
  log: (line: string) => void
}

/** What one run measured and checked. */
export interface InvitationsRun extends WorkloadReport {
  database: 'pglite' | 'postgresql'
  migrateSeconds: number
  migratePeakRssMb: number | null
  sinkMessages: number
  sinkRecipients: number
  sinkDistinctRecipients: number
  samplesChecked: number
  loadAvgBefore: number
  loadAvgAfter: number
}

/** Runs the benchmark once; throws when any check fails. */
export async function runInvitations(options: InvitationsRunOptions): Promise<InvitationsRun> {
  const loadAvgBefore = os.loadavg()[0] ?? 0
  const sink = await startSmtpSink({ sampleEvery: Math.max(1, Math.floor(options.count / 10)) })
  let dataDir: string | null = null
  let scratch: ScratchDatabase | null = null
  try {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      LOG_LEVEL: 'silent',
      SMTP_URL: sink.url,
      PUBLIC_URL,
      MAIL_FROM: 'Klankbord <noreply@bench.example>',
      JOBS_IN_SERVE: 'false',
    }
    let migrateSeconds = 0
    let migratePeakRssMb: number | null = null
    if (options.databaseUrl) {
      scratch = await createScratchDatabase(options.databaseUrl, 'kb_bench_invitations')
      env.DATABASE_URL = scratch.url
      options.log(`database ${scratch.name}`)
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-inv-'))
      env.DATA_DIR = dataDir
      env.DATABASE_URL = ''
      const started = performance.now()
      const migrated = migrateInChild(env)
      migrateSeconds = (performance.now() - started) / 1000
      migratePeakRssMb = migrated.peakRssMb
      options.log(`embedded database in ${dataDir} (initdb + migrations: ${migrateSeconds.toFixed(1)} s)`)
    }

    const child = spawn(process.execPath, ['--import', 'tsx', WORKLOAD], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: {
        ...env,
        KB_BENCH_WORKLOAD: '1',
        KB_BENCH_PLAN: JSON.stringify({ count: options.count, concurrency: options.concurrency }),
      },
    })
    const messages = listen(child, options.log)
    const report = (await messages.next('report')) as WorkloadReport
    const stats = await sink.waitFor(options.count, 30_000)
    // A few more moments: no message may arrive after the count was reached (a duplicate send).
    await new Promise((r) => setTimeout(r, 200))
    const final = await sink.stats()
    const tokens = final.samples.map((raw) => checkSample(raw))
    child.send({ tokens })
    const { known } = (await messages.next('known')) as { known: number }
    child.send({ stop: true })
    await messages.exited

    const problems: string[] = []
    const expect = (ok: boolean, what: string) => {
      if (!ok) problems.push(what)
    }
    expect(report.planned === options.count, `planned ${report.planned} of ${options.count}`)
    expect(report.sent === options.count, `delivery reported ${report.sent} sent of ${options.count}`)
    expect(report.invitationsSent === options.count, `${report.invitationsSent} invitations are sent`)
    expect(report.invitationsWithToken === options.count, `${report.invitationsWithToken} have a token`)
    expect(report.stillClaimed === 0, `${report.stillClaimed} invitations are still claimed`)
    expect(final.messages === options.count, `the sink received ${final.messages} messages`)
    expect(final.recipients === options.count, `the sink received ${final.recipients} recipients`)
    expect(final.distinctRecipients === options.count, `${final.distinctRecipients} distinct recipients`)
    expect(
      tokens.length > 0 && known === tokens.length,
      `${known} of ${tokens.length} sampled links are known`,
    )
    if (problems.length) throw new Error(`invitations benchmark checks failed: ${problems.join('; ')}`)
    return {
      ...report,
      database: options.databaseUrl ? 'postgresql' : 'pglite',
      migrateSeconds,
      migratePeakRssMb,
      sinkMessages: stats.messages >= final.messages ? stats.messages : final.messages,
      sinkRecipients: final.recipients,
      sinkDistinctRecipients: final.distinctRecipients,
      samplesChecked: tokens.length,
      loadAvgBefore,
      loadAvgAfter: os.loadavg()[0] ?? 0,
    }
  } finally {
    await sink.close()
    await scratch?.drop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * Checks one received mail as a recipient's mail program would read it and returns its link token:
 * the survey link, the opt-out link in List-Unsubscribe with the RFC 8058 one-click header.
 */
export function checkSample(raw: string): string {
  const [head, body] = splitOnce(raw)
  const headers = head.replace(/\r?\n[ \t]+/g, ' ')
  const unsubscribe = /^List-Unsubscribe: (.*)$/im.exec(headers)?.[1] ?? ''
  if (!unsubscribe.includes(`<${PUBLIC_URL}/afmelden/`))
    throw new Error(`a sampled mail has no opt-out link in List-Unsubscribe: ${unsubscribe}`)
  if (!/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im.test(headers))
    throw new Error('a sampled mail has no List-Unsubscribe-Post one-click header')
  // Quoted-printable may break a long line with "=\n": undo that before looking for the link.
  const text = body.replace(/=\r?\n/g, '')
  const token = LINK.exec(text)?.[1]
  if (!token) throw new Error('a sampled mail has no survey link')
  return token
}

function splitOnce(raw: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(raw)
  return m ? [raw.slice(0, m.index), raw.slice(m.index + m[0].length)] : [raw, '']
}

/** Runs `klankbord migrate` on the new data directory in its own process; returns its peak RSS. */
function migrateInChild(env: Record<string, string>): { peakRssMb: number | null } {
  const time = fs.existsSync('/usr/bin/time')
  const args = [path.join(ROOT, 'bin', 'klankbord.js'), 'migrate']
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', 'KB_MAXRSS_KB=%M', process.execPath, ...args], {
        env,
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, args, { env, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`klankbord migrate failed: ${r.stderr}`)
  const kb = /KB_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '')?.[1]
  return { peakRssMb: kb ? Math.round(Number(kb) / 102.4) / 10 : null }
}

/** Messages of the workload process, awaited by kind; progress lines go to `log`. */
function listen(child: ChildProcess, log: (line: string) => void) {
  const queue: Record<string, unknown>[] = []
  const waiting = new Map<string, (m: unknown) => void>()
  let failure: Error | null = null
  const fail = (error: Error) => {
    failure = error
    for (const [, reject] of rejecters) reject(error)
  }
  const rejecters = new Map<string, (e: Error) => void>()
  child.on('message', (m: Record<string, unknown>) => {
    if (typeof m.progress === 'string') return log(m.progress)
    if (typeof m.error === 'string') return fail(new Error(`workload process failed: ${m.error}`))
    const kind = Object.keys(m)[0] ?? ''
    const resolve = waiting.get(kind)
    if (resolve) {
      waiting.delete(kind)
      rejecters.delete(kind)
      resolve(m[kind] !== undefined && kind === 'report' ? m[kind] : m)
    } else queue.push(m)
  })
  const exited = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => {
      if (code === 0) resolve()
      else {
        const error = failure ?? new Error(`workload process exited with code ${code}`)
        fail(error)
        reject(error)
      }
    })
  })
  exited.catch(() => undefined)
  return {
    exited,
    next(kind: string): Promise<unknown> {
      const i = queue.findIndex((m) => kind in m)
      if (i >= 0) {
        const [m] = queue.splice(i, 1)
        return Promise.resolve(kind === 'report' ? m?.[kind] : m)
      }
      if (failure) return Promise.reject(failure)
      return new Promise((resolve, reject) => {
        waiting.set(kind, resolve)
        rejecters.set(kind, reject)
      })
    },
  }
}
