/**
 * `invitations`: 100,000 contact moments planned through the real use case and delivered to a local
 * SMTP server in a separate process, with every rule applied (bench/invitations-run.ts has the setup
 * and the checks; docs/benchmarks.md the figures). Product targets: `invitations.100k_s` under 300 s
 * and `invitations.peak_rss_mb` under 300 MB.
 *
 * Database: a fresh embedded database (the default, as `npm start` uses); on PostgreSQL when
 * DATABASE_URL is set (a scratch database on the harness's server). `--quick` plans and delivers
 * 10,000 and extrapolates the time to 100,000.
 */
import os from 'node:os'
import { loadConfig } from '../src/platform/config.ts'
import { runInvitations } from './invitations-run.ts'
import { round } from './lib/stats.ts'
import type { BenchContext, BenchResult } from './types.ts'

const FULL = 100_000
const QUICK = 10_000
/** recordContactMoments batches in flight, as several API clients or uploads would send. */
const CONCURRENCY = 8

/** Runs the benchmark; see the file comment. */
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const count = ctx.quick ? QUICK : FULL
  const databaseUrl = loadConfig().DATABASE_URL ? ctx.databaseUrl : null
  const r = await runInvitations({ count, concurrency: CONCURRENCY, databaseUrl, log: ctx.log })
  const scale = FULL / count
  const total = r.planSeconds + r.deliverSeconds
  const params = {
    invitations: count,
    database: r.database,
    planning_concurrency: CONCURRENCY,
    plan_s: round(r.planSeconds, 1),
    deliver_s: round(r.deliverSeconds, 1),
    open_s: round(r.openSeconds, 1),
    migrate_s: round(r.migrateSeconds, 1),
    migrate_peak_rss_mb: r.migratePeakRssMb,
    rss_after_open_mb: r.rssAfterOpenMb,
    sampled_peak_rss_mb: r.sampledPeakRssMb,
    sink_messages: r.sinkMessages,
    sink_distinct_recipients: r.sinkDistinctRecipients,
    samples_checked: r.samplesChecked,
    load_avg_1m_before: round(r.loadAvgBefore, 2),
    load_avg_1m_after: round(r.loadAvgAfter, 2),
    cpus: os.availableParallelism(),
    node: process.version,
    quick: ctx.quick,
    extrapolated: ctx.quick,
  }
  return [
    {
      name: 'invitations.100k_s',
      value: round(total * scale, 1),
      unit: 's',
      better: 'lower',
      params: { ...params, target_s: 300 },
    },
    {
      name: 'invitations.plan_s',
      value: round(r.planSeconds * scale, 1),
      unit: 's',
      better: 'lower',
      params,
    },
    {
      name: 'invitations.deliver_s',
      value: round(r.deliverSeconds * scale, 1),
      unit: 's',
      better: 'lower',
      params,
    },
    {
      name: 'invitations.planned_per_s',
      value: Math.round(count / r.planSeconds),
      unit: 'invitations/s',
      better: 'higher',
      params,
    },
    {
      name: 'invitations.sent_per_s',
      value: Math.round(count / r.deliverSeconds),
      unit: 'mails/s',
      better: 'higher',
      params,
    },
    {
      name: 'invitations.peak_rss_mb',
      value: r.peakRssMb,
      unit: 'MB',
      better: 'lower',
      params: {
        ...params,
        target_mb: 300,
        source: 'process.resourceUsage().maxRSS of the Klankbord process',
      },
    },
  ]
}
