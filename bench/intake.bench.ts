/**
 * Response intake over HTTP on PostgreSQL, measured beside raw PostgreSQL inserts (pgbench) on the
 * same server, in the same fresh database and in the same run.
 *
 * - intake: the real app (`createApp(services)`) served in this process on 127.0.0.1; a load generator
 *   in a separate process (bench/load/http-intake-load.ts) keeps 50 POSTs of a standard-survey response
 *   in flight. A 201 means the response, its answers and its event are committed.
 * - anchor: pgbench with 50 clients inserting one response-like row per transaction.
 * - second anchor (bench/lib/response-ceiling.ts): pgbench storing whole responses — the rows the app
 *   wrote for one, 10 per statement, 5 clients — on the real tables: what PostgreSQL alone does with
 *   what a response really is.
 * Both commit durably: the scratch database pins synchronous_commit = on, and the setting that the
 * app's own pool sees is read back and recorded.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from '../src/main/http.ts'
import { openServices, type Services } from '../src/main/services.ts'
import { createOrganisation } from '../src/modules/organisations/create-organisation.ts'
import { batchWriterFor } from '../src/modules/responses/batch-writer.ts'
import { ensureStandardSurvey } from '../src/modules/surveys/create-standard-survey.ts'
import { loadConfig } from '../src/platform/config.ts'
import { listen } from '../src/platform/http/listen.ts'
import { runPgbench } from './lib/pgbench.ts'
import { createScratchDatabase, readSettings, tryCheckpoint, withClient } from './lib/postgres.ts'
import { measureResponseCeiling, responseCeilingScript } from './lib/response-ceiling.ts'
import { percentile, round } from './lib/stats.ts'
import type { LoadPlan, LoadReport } from './load/http-intake-load.ts'
import type { BenchContext, BenchResult } from './types.ts'

const CLIENTS = 50
/**
 * pgbench storing whole responses as the app's group commit does: statements of 10 responses, 5 of
 * them in flight, so 50 responses are in flight — as many as the HTTP clients keep.
 */
const CEILING = { batch: 10, clients: 5 }
const PGBENCH_THREADS = 2
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const LOAD_SCRIPT = path.join(ROOT, 'bench', 'load', 'http-intake-load.ts')

/** The body the intake contract names; `__KEY__` becomes a unique submission key per request. */
const BODY_TEMPLATE = JSON.stringify({
  submissionKey: '__KEY__',
  channel: 'website',
  answers: {
    rapportcijfer: 8,
    duidelijkheid: 4,
    snelheid: 3,
    deskundigheid: 5,
    serieus_genomen: 4,
    gemak: 'dont_know',
    waarom: 'Snel geholpen, vriendelijke medewerker.',
  },
})

/** Measures intake and its pgbench anchor; see the file comment. */
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const durationS = ctx.quick ? 5 : 20
  const warmupS = ctx.quick ? 1 : 3
  const scratch = await createScratchDatabase(ctx.databaseUrl, 'kb_bench_intake')
  ctx.log(`database ${scratch.name}`)
  let services: Services | null = null
  try {
    const serverDefault = await readSettings(ctx.databaseUrl, ['synchronous_commit'])
    const server = await readSettings(scratch.url, [
      'server_version',
      'synchronous_commit',
      'fsync',
      'wal_sync_method',
    ])
    services = await openServices(
      // One load generator on one address is not abuse: the per-address limit is off here.
      loadConfig({
        ...process.env,
        DATABASE_URL: scratch.url,
        LOG_LEVEL: 'silent',
        RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '0',
      }),
      {},
    )
    const appCommit = await services.database.pool.query<{ s: string }>('SELECT current_setting($1) AS s', [
      'synchronous_commit',
    ])
    const appSynchronousCommit = appCommit.rows[0]?.s ?? ''
    assertDurable(server, appSynchronousCommit)

    const organisation = await createOrganisation(services.db, {
      slug: 'bench-intake',
      name: 'Benchmark intake',
    })
    const survey = await ensureStandardSurvey(services.db, {
      organisationId: organisation.id,
      actor: { type: 'system' },
    })
    const common = {
      clients: CLIENTS,
      duration_s: durationS,
      server_version: server.server_version,
      synchronous_commit: server.synchronous_commit,
      server_default_synchronous_commit: serverDefault.synchronous_commit,
      fsync: server.fsync,
      wal_sync_method: server.wal_sync_method,
      cpus: os.availableParallelism(),
      quick: ctx.quick,
    }

    ctx.log(`pgbench: ${CLIENTS} clients, ${durationS} s`)
    // This machine is shared; the load just before each phase tells a quiet run from a disturbed one.
    const pgbenchLoad = loadAverage()
    const anchor = await measurePgbench(
      scratch.url,
      organisation.id,
      survey.id,
      durationS,
      await tryCheckpoint(scratch.url),
    )

    ctx.log(`pgbench: ${anchor.tps.toFixed(1)} inserts/s`)
    const intakeServer = await startIntakeServer(services, survey.publicKey)
    let full: PhaseResult
    let half: PhaseResult
    let halfCapacity: PhaseResult
    let checkpointed: boolean
    let intakeLoad: number
    try {
      ctx.log(`intake warm-up: ${CLIENTS} clients, ${warmupS} s, then ANALYZE`)
      const warmup = await intakeServer.run({ concurrency: CLIENTS, warmupMs: warmupS * 1000, durationMs: 0 })
      // A fresh database has no statistics, and PostgreSQL plans the answer → response foreign-key
      // check of each pooled connection once, for an empty table (an index scan over the whole
      // organisation instead of the primary key). On a live server autovacuum analyzes the table within
      // its first minute, which makes the plans again; ANALYZE here does the same, so the measured
      // phases see the steady state and not a database's first minute.
      await withClient(scratch.url, (c) => c.query('ANALYZE'))
      checkpointed = await tryCheckpoint(scratch.url)
      intakeLoad = loadAverage()
      // Every measured phase: 50 connections, 1 s of load before its window; with a rate, an open loop.
      const phase = (ratePerS?: number) =>
        intakeServer.run({ concurrency: CLIENTS, warmupMs: 1000, durationMs: durationS * 1000, ratePerS })
      ctx.log(`intake over HTTP: ${CLIENTS} clients, closed loop, 1 s warm-up + ${durationS} s`)
      full = await phase()
      const halfRate = Math.round(anchor.tps / 2)
      ctx.log(`intake at half the pgbench rate: ${halfRate}/s for ${durationS} s`)
      half = await phase(halfRate)
      const capacityRate = Math.max(1, Math.round(full.report.created / (full.report.measuredMs / 1000) / 2))
      ctx.log(`intake at half its own capacity: ${capacityRate}/s for ${durationS} s`)
      halfCapacity = await phase(capacityRate)
      for (const [name, result] of [
        ['warm-up', warmup],
        ['closed loop', full],
        ['half the pgbench rate', half],
        ['half capacity', halfCapacity],
      ] as const) {
        const errors = Object.values(result.report.errors).reduce((x, y) => x + y, 0)
        if (errors > 0)
          ctx.log(
            `${name}: ${errors} errors ${JSON.stringify(result.report.errors)}; first: ${result.report.firstErrorBody}`,
          )
      }
    } finally {
      await intakeServer.close()
    }
    const createdTotal = [full, half, halfCapacity].reduce((n, p) => n + p.report.createdTotal, 0)
    const rows = await countResponses(scratch.url, organisation.id)
    if (rows < createdTotal) {
      throw new Error(
        `${createdTotal} requests got 201 after the warm-up but only ${rows} responses are in the database`,
      )
    }
    if (full.report.created === 0) {
      throw new Error(
        `no request got 201; errors ${JSON.stringify(full.report.errors)}; first: ${full.report.firstErrorBody}`,
      )
    }
    ctx.log(
      `pgbench storing whole responses: ${CEILING.clients} clients × ${CEILING.batch} per statement, ${durationS} s`,
    )
    const ceilingScript = await responseCeilingScript(
      scratch.url,
      organisation.id,
      await anyResponseId(scratch.url, organisation.id),
      CEILING.batch,
    )
    const ceilingLoad = loadAverage()
    const ceiling = await measureResponseCeiling({
      url: scratch.url,
      script: ceilingScript,
      durationS,
      ...CEILING,
    })
    ctx.log(`pgbench: ${ceiling.responsesPerS.toFixed(1)} whole responses/s`)

    const responsesPerS = full.report.created / (full.report.measuredMs / 1000)
    const latencies = full.report.latenciesMs
    const phaseParams = (phase: PhaseResult) => ({
      created: phase.report.created,
      created_total: phase.report.createdTotal,
      sent_total: phase.report.sent,
      errors: phase.report.errors,
      error_count: Object.values(phase.report.errors).reduce((x, y) => x + y, 0),
      server_cpu_ms_per_request: round(phase.serverCpuMsPerRequest, 3),
      responses_per_statement: round(phase.report.createdTotal / Math.max(1, phase.statements), 1),
      load_generator_cpu_ms_per_request: round(phase.report.cpuMs / Math.max(1, phase.report.sent), 3),
    })
    const intakeParams = {
      ...common,
      warmup: `${warmupS} s of load, then ANALYZE, then 1 s before the window`,
      endpoint: 'POST /api/v1/surveys/{publicKey}/responses',
      answers_per_response: Object.keys(JSON.parse(BODY_TEMPLATE).answers).length,
      app_synchronous_commit: appSynchronousCommit,
      database_pool_max: services.config.DATABASE_POOL_MAX,
      load_generator: 'separate process, raw HTTP/1.1 keep-alive on node:net (bench/load/raw-http.ts)',
      ...phaseParams(full),
      responses_in_database: rows,
      checkpoint_before: checkpointed,
      load_avg_1m_before: intakeLoad,
    }
    const openLoopParams = (phase: PhaseResult) => ({
      ...common,
      rate_per_s: phase.rate,
      scheduled: phase.report.scheduled,
      answered_per_s: round(phase.report.created / (phase.report.measuredMs / 1000), 1),
      p50_ms: round(percentile(phase.report.latenciesMs, 50)),
      latency_from: 'scheduled send time (open loop; waiting for a free connection counts)',
      ...phaseParams(phase),
    })
    const anchorParams = { ...common, ...anchor.params, load_avg_1m_before: pgbenchLoad }
    const pgbenchPerS = anchor.tps
    return [
      {
        name: 'intake.responses_per_s',
        value: round(responsesPerS, 1),
        unit: 'responses/s',
        better: 'higher',
        params: intakeParams,
      },
      {
        name: 'intake.p50_ms',
        value: round(percentile(latencies, 50)),
        unit: 'ms',
        better: 'lower',
        params: intakeParams,
      },
      {
        name: 'intake.p99_ms',
        value: round(percentile(latencies, 99)),
        unit: 'ms',
        better: 'lower',
        params: intakeParams,
      },
      {
        name: 'intake.p99_ms_half_load',
        value: round(percentile(half.report.latenciesMs, 99)),
        unit: 'ms',
        better: 'lower',
        params: openLoopParams(half),
      },
      {
        name: 'intake.p99_ms_half_capacity',
        value: round(percentile(halfCapacity.report.latenciesMs, 99)),
        unit: 'ms',
        better: 'lower',
        params: openLoopParams(halfCapacity),
      },
      {
        name: 'pgbench.inserts_per_s',
        value: round(pgbenchPerS, 1),
        unit: 'inserts/s',
        better: 'higher',
        params: anchorParams,
      },
      ...(anchor.latencyAvgMs === null
        ? []
        : [
            {
              name: 'pgbench.latency_avg_ms',
              value: anchor.latencyAvgMs,
              unit: 'ms',
              better: 'lower' as const,
              params: anchorParams,
            },
          ]),
      {
        name: 'intake.vs_pgbench',
        value: round(responsesPerS / pgbenchPerS, 4),
        unit: 'ratio',
        better: 'higher',
        params: { ...common, formula: 'intake.responses_per_s / pgbench.inserts_per_s' },
      },
      {
        name: 'pgbench.responses_per_s',
        value: round(ceiling.responsesPerS, 1),
        unit: 'responses/s',
        better: 'higher',
        params: {
          ...common,
          ...CEILING,
          load_avg_1m_before: ceilingLoad,
          transactions: ceiling.result.transactions,
          failed: ceiling.result.failed,
          command: ceiling.result.command,
          script: ceilingScript,
          rows: 'the response, answer and event rows the app stored for one response, copied per response',
        },
      },
      {
        name: 'intake.vs_pgbench_responses',
        value: round(responsesPerS / ceiling.responsesPerS, 4),
        unit: 'ratio',
        better: 'higher',
        params: { ...common, formula: 'intake.responses_per_s / pgbench.responses_per_s' },
      },
      {
        name: 'pgbench.responses_vs_inserts',
        value: round(ceiling.responsesPerS / pgbenchPerS, 4),
        unit: 'ratio',
        better: 'higher',
        params: { ...common, formula: 'pgbench.responses_per_s / pgbench.inserts_per_s' },
      },
    ]
  } finally {
    await services?.close()
    await scratch.drop()
    ctx.log(`dropped ${scratch.name}`)
  }
}

/** The 1-minute load average of the machine, rounded. */
function loadAverage() {
  return round(os.loadavg()[0] ?? 0, 2)
}

/** Refuses to report figures that were not measured with durable commits. */
function assertDurable(server: Record<string, string>, appSynchronousCommit: string) {
  if (server.fsync !== 'on')
    throw new Error(`fsync is ${server.fsync} on this server: commits are not durable`)
  for (const [who, value] of [
    ['a new session', server.synchronous_commit],
    ['the app pool', appSynchronousCommit],
  ]) {
    if (value === 'off') throw new Error(`synchronous_commit is off for ${who}: commits are not durable`)
  }
}

/** pgbench inserting one response-like row per transaction into its own table in the scratch database. */
async function measurePgbench(
  url: string,
  organisationId: string,
  surveyId: string,
  durationS: number,
  checkpointed: boolean,
) {
  // Shaped like a response with its key figures inline: tenant-first primary key, uuid id made by the
  // server, survey id, time, the grade and four driver scores, and a short text.
  await withClient(url, (c) =>
    c.query(`CREATE TABLE bench_response (
      organisation_id uuid NOT NULL,
      id uuid NOT NULL,
      survey_id uuid NOT NULL,
      submitted_at timestamptz NOT NULL,
      grade integer, duidelijkheid integer, snelheid integer, deskundigheid integer, serieus_genomen integer,
      waarom text,
      PRIMARY KEY (organisation_id, id)
    )`),
  )
  const script = [
    '\\set grade random(1, 10)',
    '\\set d random(1, 5)',
    'INSERT INTO bench_response (organisation_id, id, survey_id, submitted_at, grade, duidelijkheid, snelheid, deskundigheid, serieus_genomen, waarom)',
    `VALUES ('${organisationId}', gen_random_uuid(), '${surveyId}', now(), :grade, :d, 3, 5, 4, 'Snel geholpen, vriendelijke medewerker.');`,
    '',
  ].join('\n')
  // PGOPTIONS outranks every other place synchronous_commit can be set, so pgbench commits durably too.
  const result = await runPgbench({
    databaseUrl: url,
    script,
    clients: CLIENTS,
    threads: PGBENCH_THREADS,
    durationS,
    env: { PGOPTIONS: '-c synchronous_commit=on' },
  })
  return {
    tps: result.tps,
    latencyAvgMs: result.latencyAvgMs,
    params: {
      threads: PGBENCH_THREADS,
      command: result.command,
      script,
      transactions: result.transactions,
      failed: result.failed,
      row: 'one response-like row per transaction (uuid, organisation, survey, timestamptz, 5 ints, short text)',
      checkpoint_before: checkpointed,
    },
  }
}

/** What one load phase should do; the URL, body and key prefix are filled in by the intake server. */
type Phase = Pick<LoadPlan, 'concurrency' | 'warmupMs' | 'durationMs' | 'ratePerS'>

/** One load phase's report, its server CPU per request and (open loop) its rate. */
interface PhaseResult {
  report: LoadReport
  serverCpuMsPerRequest: number
  rate: number | null
  /** Statements the group commit wrote (batches, including single-response retries). */
  statements: number
}

/** Serves the app on a free port; `run` runs one load phase against it in the load generator process. */
async function startIntakeServer(services: Services, publicKey: string) {
  const app = createApp(services)
  const writer = batchWriterFor(services.db)
  const server = await listen(app.fetch, 0, '127.0.0.1')
  const url = `http://127.0.0.1:${server.port}/api/v1/surveys/${encodeURIComponent(publicKey)}/responses`
  return {
    async run(phase: Phase): Promise<PhaseResult> {
      // CPU of this process (HTTP server, app, pg client) per request: unlike throughput it barely
      // moves when other work shares the machine, so it shows where a change helped.
      const cpuBefore = process.cpuUsage()
      const statementsBefore = writer.statements
      const report = await runLoadProcess({
        ...phase,
        url,
        bodyTemplate: BODY_TEMPLATE,
        keyPrefix: randomBytes(6).toString('hex'),
      })
      const cpu = process.cpuUsage(cpuBefore)
      return {
        report,
        serverCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, report.sent),
        rate: phase.ratePerS ?? null,
        statements: writer.statements - statementsBefore,
      }
    },
    close: () => server.close(),
  }
}

/** Runs bench/load/http-intake-load.ts in its own Node process and parses its one-line report. */
function runLoadProcess(plan: LoadPlan): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD_SCRIPT, JSON.stringify(plan)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      err += d
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with code ${code}: ${err}`))
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as LoadReport)
      } catch {
        reject(new Error(`load generator printed no report: ${out}${err}`))
      }
    })
  })
}

/** The id of a response the app stored (a model for the whole-response pgbench script). */
function anyResponseId(url: string, organisationId: string) {
  return withClient(url, async (c) => {
    const r = await c.query<{ id: string }>(
      `SELECT id FROM response WHERE organisation_id = $1 AND status = 'complete' LIMIT 1`,
      [organisationId],
    )
    const id = r.rows[0]?.id
    if (!id) throw new Error('no stored response to copy')
    return id
  })
}

/** Responses stored for the organisation, counted on a connection of its own. */
function countResponses(url: string, organisationId: string) {
  return withClient(url, async (c) => {
    const r = await c.query<{ n: string }>('SELECT count(*) AS n FROM response WHERE organisation_id = $1', [
      organisationId,
    ])
    return Number(r.rows[0]?.n ?? 0)
  })
}
