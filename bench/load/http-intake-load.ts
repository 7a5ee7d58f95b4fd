/**
 * Load generator for the intake benchmark, run as its own process (`node --import tsx …`) so that it
 * does not share an event loop with the server it measures. It POSTs a survey response with a unique
 * submission key per request over `concurrency` keep-alive connections (bench/load/raw-http.ts: a
 * lean client, so that the load generator takes little of the CPU the server needs), in one of two
 * ways:
 *
 * - closed loop (no `ratePerS`): every connection sends its next request as soon as the last one is
 *   answered. This finds the most the server can take.
 * - open loop (`ratePerS`): requests are scheduled at a constant rate, whatever the server does, and
 *   a request's latency counts from its scheduled time. A request that finds every connection busy
 *   waits, and that wait is counted, so a server that falls behind shows it in its latency instead of
 *   slowing the load down ("coordinated omission").
 *
 * Closed loop: requests that complete inside the measured window (after the warm-up) count. Open
 * loop: requests due inside the window count, and those still waiting when it closes are sent and
 * timed too. After the window no new request is scheduled and the ones in flight are awaited.
 *
 * Input: one argument, a JSON `LoadPlan`. Output (stdout): one JSON `LoadReport`.
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { RawHttpConnection } from './raw-http.ts'

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
  /** Requests per second for an open-loop run; absent for a closed loop. */
  ratePerS?: number
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
  /** Open loop: requests scheduled inside the measured window (the offered load). */
  scheduled: number
}

const KEY = '__KEY__'

/** Runs the plan and resolves with the report. */
export async function runLoad(plan: LoadPlan): Promise<LoadReport> {
  const [head, tail] = splitTemplate(plan.bodyTemplate)
  const url = new URL(plan.url)
  const target = `${url.pathname}${url.search}`
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
    scheduled: 0,
  }
  // Errors count over the whole run, warm-up included: any failure is worth reporting.
  const fail = (key: string, body: string) => {
    report.errors[key] = (report.errors[key] ?? 0) + 1
    if (report.firstErrorBody === null) report.firstErrorBody = `${key}: ${body.slice(0, 500)}`
  }
  let seq = 0
  /** Sends one request on `conn`; `from` is when it was due (closed loop: when it was sent). */
  async function send(conn: RawHttpConnection, from: number) {
    const body = `${head}${plan.keyPrefix}-${seq++}${tail}`
    report.sent++
    let answer: { status: number; body: string }
    try {
      answer = await conn.post(target, body)
    } catch (error) {
      fail(`network ${(error as Error).message}`, String(error))
      // A refused connection fails at once; pause so a dead server does not turn this into a busy loop.
      await sleep(10)
      return
    }
    const done = performance.now()
    if (answer.status === 201 && hasId(answer.body)) {
      report.createdTotal++
      // Closed loop: answers inside the window count. Open loop: requests DUE inside the window count,
      // however late their answer comes, so a server that falls behind cannot hide its backlog.
      const counted = plan.ratePerS
        ? from >= windowStart && from < windowEnd
        : done >= windowStart && done <= windowEnd
      if (counted) {
        report.created++
        report.latenciesMs.push(done - from)
      }
    } else {
      fail(answer.status === 201 ? '201 without id' : `HTTP ${answer.status}`, answer.body)
    }
  }

  const connections = Array.from(
    { length: plan.concurrency },
    () => new RawHttpConnection(url.hostname, Number(url.port)),
  )
  try {
    if (plan.ratePerS) await openLoop(plan.ratePerS)
    else await Promise.all(connections.map((c) => closedLoop(c)))
  } finally {
    for (const c of connections) c.close()
  }
  const cpu = process.cpuUsage(cpuBefore)
  report.cpuMs = (cpu.user + cpu.system) / 1000
  return report

  async function closedLoop(conn: RawHttpConnection) {
    while (performance.now() < windowEnd) await send(conn, performance.now())
  }

  /** Constant arrivals: request i is due at start + i / rate; due requests wait for a free connection. */
  async function openLoop(rate: number) {
    const idle = [...connections]
    const due: number[] = []
    const running = new Set<Promise<void>>()
    let next = 0
    const dispatch = () => {
      while (due.length > 0 && idle.length > 0) {
        const conn = idle.pop() as RawHttpConnection
        const at = due.shift() as number
        const p: Promise<void> = send(conn, at).then(() => {
          running.delete(p)
          idle.push(conn)
          dispatch()
        })
        running.add(p)
      }
    }
    for (;;) {
      const now = performance.now()
      if (now >= windowEnd) break
      for (
        let at = start + (next * 1000) / rate;
        at <= now && at < windowEnd;
        at = start + (next * 1000) / rate
      ) {
        due.push(at)
        if (at >= windowStart) report.scheduled++
        next++
      }
      dispatch()
      await sleep(1)
    }
    // Requests already due are still sent and timed: their wait is part of the latency measured.
    while (running.size > 0 || due.length > 0) {
      dispatch()
      if (running.size > 0) await Promise.race(running)
    }
  }
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
