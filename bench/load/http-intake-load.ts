/**
 * Load generator for the intake benchmark, run as its own process (`node --import tsx …`) so that it
 * does not share an event loop with the server it measures. It keeps `concurrency` POST requests in
 * flight with Node's fetch (undici, keep-alive connections), each with a unique submission key, and
 * prints one JSON line with the figures when done.
 *
 * Only requests that complete inside the measured window (after the warm-up) count; the warm-up lets
 * the server's JIT and connection pool settle. After the window no new request starts and the ones in
 * flight are awaited, so the server sees no abandoned connections.
 *
 * Input: one argument, a JSON `LoadPlan`. Output (stdout): one JSON `LoadReport`.
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

/** What to send and for how long. */
export interface LoadPlan {
  url: string
  concurrency: number
  warmupMs: number
  durationMs: number
  /** JSON body with the placeholder `__KEY__` where the unique submission key goes. */
  bodyTemplate: string
  /** Prefix of every submission key, unique per run. */
  keyPrefix: string
}

/** What happened. Latencies are of the measured 201s only, in ms; errors are of the whole run. */
export interface LoadReport {
  measuredMs: number
  created: number
  errors: Record<string, number>
  /** First error response body, to tell why requests failed. */
  firstErrorBody: string | null
  latenciesMs: number[]
  /** Every 201 over the whole run, warm-up and tail included: the rows that must be in the database. */
  createdTotal: number
  sent: number
  /** CPU time (user + system) this process spent on the run, in ms. */
  cpuMs: number
}

const KEY = '__KEY__'

/** Runs the plan and resolves with the report. */
export async function runLoad(plan: LoadPlan): Promise<LoadReport> {
  const [head, tail] = splitTemplate(plan.bodyTemplate)
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  const windowStart = start + plan.warmupMs
  const windowEnd = windowStart + plan.durationMs
  const report: LoadReport = {
    measuredMs: plan.durationMs,
    created: 0,
    errors: {},
    firstErrorBody: null,
    latenciesMs: [],
    createdTotal: 0,
    sent: 0,
    cpuMs: 0,
  }
  // Errors count over the whole run, warm-up included: any failure is worth reporting.
  const fail = (key: string, body: string) => {
    report.errors[key] = (report.errors[key] ?? 0) + 1
    if (report.firstErrorBody === null) report.firstErrorBody = `${key}: ${body.slice(0, 500)}`
  }

  async function client(clientNo: number) {
    let seq = 0
    while (performance.now() < windowEnd) {
      const body = `${head}${plan.keyPrefix}-${clientNo}-${seq++}${tail}`
      const t0 = performance.now()
      report.sent++
      let status = 0
      let text = ''
      try {
        const res = await fetch(plan.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
        status = res.status
        // Reading the body to the end is what lets undici reuse the keep-alive connection.
        text = await res.text()
      } catch (error) {
        const cause = (error as Error).cause as { code?: string } | undefined
        fail(`network ${cause?.code ?? (error as Error).message}`, String(cause ?? error))
        // A refused connection fails at once; pause so a dead server does not turn this into a busy loop.
        await sleep(10)
        continue
      }
      const t1 = performance.now()
      if (status === 201 && hasId(text)) {
        report.createdTotal++
        if (t1 >= windowStart && t1 <= windowEnd) {
          report.created++
          report.latenciesMs.push(t1 - t0)
        }
      } else {
        fail(status === 201 ? '201 without id' : `HTTP ${status}`, text)
      }
    }
  }

  await Promise.all(Array.from({ length: plan.concurrency }, (_, i) => client(i)))
  const cpu = process.cpuUsage(cpuBefore)
  report.cpuMs = (cpu.user + cpu.system) / 1000
  return report
}

function splitTemplate(template: string): [string, string] {
  const at = template.indexOf(KEY)
  if (at < 0 || template.indexOf(KEY, at + 1) >= 0)
    throw new Error(`body template must contain ${KEY} exactly once`)
  return [template.slice(0, at), template.slice(at + KEY.length)]
}

function hasId(text: string) {
  try {
    const parsed = JSON.parse(text) as { id?: unknown }
    return typeof parsed.id === 'string' && parsed.id.length > 0
  } catch {
    return false
  }
}

// Run as a script: plan from argv, report on stdout.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const plan = JSON.parse(process.argv[2] ?? '') as LoadPlan
  const report = await runLoad(plan)
  process.stdout.write(`${JSON.stringify(report)}\n`)
}
