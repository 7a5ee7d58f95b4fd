/** Runs the `pgbench` tool of PostgreSQL as the anchor of a benchmark and reads its figures. */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Figures pgbench prints at the end of a run. */
export interface PgbenchSummary {
  /** Transactions per second, without the initial connection time. */
  tps: number
  /** Mean latency per transaction in ms. */
  latencyAvgMs: number | null
  transactions: number | null
  failed: number | null
}

/** Reads the summary of pgbench's output; throws when the tps line is missing. */
export function parsePgbenchOutput(output: string): PgbenchSummary {
  const tps = /tps = ([0-9.]+) \(without initial connection time\)/.exec(output)
  if (!tps) throw new Error(`pgbench printed no "tps = … (without initial connection time)" line:\n${output}`)
  const latency = /latency average = ([0-9.]+) ms/.exec(output)
  const processed = /number of transactions actually processed: (\d+)/.exec(output)
  const failed = /number of failed transactions: (\d+)/.exec(output)
  return {
    tps: Number(tps[1]),
    latencyAvgMs: latency ? Number(latency[1]) : null,
    transactions: processed ? Number(processed[1]) : null,
    failed: failed ? Number(failed[1]) : null,
  }
}

/** How to run pgbench: a custom script (-f) against one database, without vacuum (-n). */
export interface PgbenchRun {
  databaseUrl: string
  script: string
  clients: number
  threads: number
  durationS: number
  binary?: string
  /** Extra environment for pgbench (for example PGOPTIONS). */
  env?: Record<string, string>
}

/** Runs pgbench with the script in a temporary file and returns its parsed summary and raw output. */
export async function runPgbench(
  run: PgbenchRun,
): Promise<PgbenchSummary & { output: string; command: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pgbench-'))
  const scriptFile = path.join(dir, 'script.sql')
  fs.writeFileSync(scriptFile, run.script)
  const binary = run.binary ?? '/usr/bin/pgbench'
  // The URL is passed as the dbname argument: pgbench expands a connection URI there like psql does.
  const args = [
    '-n',
    '-f',
    scriptFile,
    '-c',
    String(run.clients),
    '-j',
    String(run.threads),
    '-T',
    String(run.durationS),
    run.databaseUrl,
  ]
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(binary, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...run.env },
      })
      let output = ''
      child.stdout.on('data', (d) => {
        output += d
      })
      child.stderr.on('data', (d) => {
        output += d
      })
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, output }))
    })
    if (code !== 0) throw new Error(`pgbench exited with code ${code}:\n${output}`)
    return {
      ...parsePgbenchOutput(output),
      output,
      command: [binary, ...args.slice(0, -1), '<database>'].join(' ').replace(scriptFile, 'script.sql'),
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
