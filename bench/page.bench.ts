/**
 * The public survey page (GET /s/:key) on PostgreSQL: how long the server takes to render it and how
 * many bytes a first visit without JavaScript transfers.
 *
 * - page.render_p50_ms / page.render_p99_ms: the real app (`createApp(services)`) answering GET /s/:key
 *   in this process through `app.request`, with `Accept-Encoding: gzip` as a browser sends it, so the
 *   time includes rendering, the middleware (security headers, request log, gzip) and reading the body.
 *   The survey is cached in memory after the first request, so this is the cost of a page view, not
 *   of the database. 200 warm-up renders, then 2,000 measured one after another (no concurrency).
 * - page.bytes: a real local server on 127.0.0.1; the HTML and every stylesheet it links are fetched
 *   on fresh connections with `Accept-Encoding: gzip`, and the bytes the server wrote (status line,
 *   headers and gzipped body) are counted from the socket. Scripts are not fetched: the page works
 *   without JavaScript, and the public page links none.
 */
import http from 'node:http'
import os from 'node:os'
import zlib from 'node:zlib'
import { createApp } from '../src/main/http.ts'
import { openServices, type Services } from '../src/main/services.ts'
import { createOrganisation } from '../src/modules/organisations/create-organisation.ts'
import { ensureStandardSurvey } from '../src/modules/surveys/create-standard-survey.ts'
import { loadConfig } from '../src/platform/config.ts'
import { listen } from '../src/platform/http/listen.ts'
import { createScratchDatabase, readSettings } from './lib/postgres.ts'
import { percentile, round } from './lib/stats.ts'
import type { BenchContext, BenchResult } from './types.ts'

const WARMUP = 200
const RENDERS = 2000
const QUICK_RENDERS = 500
const PAGE_VIEW_LIMIT = 1_000_000

/** Measures render time and page weight; see the file comment. */
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const renders = ctx.quick ? QUICK_RENDERS : RENDERS
  const scratch = await createScratchDatabase(ctx.databaseUrl, 'kb_bench_page')
  ctx.log(`database ${scratch.name}`)
  let services: Services | null = null
  try {
    const server = await readSettings(scratch.url, ['server_version'])
    services = await openServices(
      // One client rendering the page thousands of times is not abuse: the per-address limit is set so
      // high that it never refuses, but it still runs, so its cost is part of the render time.
      loadConfig({
        ...process.env,
        DATABASE_URL: scratch.url,
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PAGE_VIEWS_PER_MINUTE: String(PAGE_VIEW_LIMIT),
      }),
      {},
    )
    const organisation = await createOrganisation(services.db, { slug: 'bench-page', name: 'Gemeente Bench' })
    const survey = await ensureStandardSurvey(services.db, {
      organisationId: organisation.id,
      actor: { type: 'system' },
    })
    const app = createApp(services)
    const pagePath = `/s/${encodeURIComponent(survey.publicKey)}`
    const common = {
      endpoint: 'GET /s/{key}',
      survey: 'standard survey (7 questions)',
      database: 'postgresql',
      server_version: server.server_version,
      cpus: os.availableParallelism(),
      node: process.version,
      quick: ctx.quick,
    }

    ctx.log(`render: ${WARMUP} warm-up + ${renders} measured requests in process`)
    const timing = await measureRenders(app.request.bind(app), pagePath, renders)
    const renderParams = {
      ...common,
      warmup: WARMUP,
      renders,
      accept_encoding: 'gzip',
      method: 'app.request in process, sequential, body read to the end',
      rate_limit_page_views_per_minute: PAGE_VIEW_LIMIT,
      html_gzipped_bytes: timing.bodyBytes,
      load_avg_1m_before: round(os.loadavg()[0] ?? 0, 2),
    }

    ctx.log('weight: HTML and linked stylesheets over a local server')
    const weight = await measureWeight(app.fetch, pagePath)
    const weightParams = {
      ...common,
      accept_encoding: 'gzip',
      counted:
        'bytes the server wrote per response (status line, headers, gzipped body), fresh connection each',
      javascript: 'not fetched (first visit without JavaScript)',
      resources: weight.resources,
      body_bytes: weight.resources.reduce((a, r) => a + r.body_bytes, 0),
    }
    ctx.log(`render p50 ${timing.p50.toFixed(2)} ms, weight ${weight.total} bytes`)
    return [
      {
        name: 'page.render_p50_ms',
        value: round(timing.p50, 3),
        unit: 'ms',
        better: 'lower',
        params: renderParams,
      },
      {
        name: 'page.render_p99_ms',
        value: round(timing.p99, 3),
        unit: 'ms',
        better: 'lower',
        params: renderParams,
      },
      { name: 'page.bytes', value: weight.total, unit: 'bytes', better: 'lower', params: weightParams },
    ]
  } finally {
    await services?.close()
    await scratch.drop()
    ctx.log(`dropped ${scratch.name}`)
  }
}

type RequestFn = (path: string, init?: RequestInit) => Response | Promise<Response>

/** Times sequential in-process renders of `pagePath`; every response must be a gzipped 200. */
async function measureRenders(request: RequestFn, pagePath: string, renders: number) {
  const init = { headers: { 'accept-encoding': 'gzip, deflate, br' } }
  let bodyBytes = 0
  for (let i = 0; i < WARMUP; i++) bodyBytes = await renderOnce(request, pagePath, init)
  const samples = new Float64Array(renders)
  for (let i = 0; i < renders; i++) {
    const start = performance.now()
    await renderOnce(request, pagePath, init)
    samples[i] = performance.now() - start
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), bodyBytes }
}

async function renderOnce(request: RequestFn, pagePath: string, init: RequestInit) {
  const res = await request(pagePath, init)
  const body = await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`GET ${pagePath} answered ${res.status}`)
  if (res.headers.get('content-encoding') !== 'gzip') throw new Error(`GET ${pagePath} was not gzipped`)
  return body.byteLength
}

/** One fetched resource and what it cost on the wire. */
interface Fetched {
  path: string
  status: number
  content_type: string
  content_encoding: string
  body_bytes: number
  wire_bytes: number
}

/** Serves the app locally, fetches the page and each stylesheet it links, and adds up the wire bytes. */
async function measureWeight(fetchFn: (req: Request) => Response | Promise<Response>, pagePath: string) {
  const server = await listen(fetchFn, 0, '127.0.0.1')
  try {
    const page = await fetchCounted(server.port, pagePath)
    const html = page.body.toString('utf8')
    const sheets = stylesheetLinks(html)
    if (sheets.length === 0) throw new Error('the page links no stylesheet; the weight would mean nothing')
    const resources: Fetched[] = [page.info]
    for (const href of sheets) {
      const sheet = await fetchCounted(server.port, href)
      if (sheet.info.status !== 200) throw new Error(`stylesheet ${href} answered ${sheet.info.status}`)
      resources.push(sheet.info)
    }
    return { total: resources.reduce((a, r) => a + r.wire_bytes, 0), resources }
  } finally {
    await server.close()
  }
}

/** The href of every `<link rel="stylesheet">` in document order. */
function stylesheetLinks(html: string): string[] {
  const out: string[] = []
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (!/\brel="stylesheet"/.test(tag)) continue
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
    if (href) out.push(href.replace(/&amp;/g, '&'))
  }
  return out
}

/**
 * GET on a fresh connection (no keep-alive), so the socket's `bytesRead` at the end is exactly what
 * the server sent for this one response. `body_bytes` is the body as sent (gzipped); `body` is the
 * decoded body, which the caller reads for the HTML's links.
 */
function fetchCounted(port: number, path: string): Promise<{ info: Fetched; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        agent: false,
        headers: { 'accept-encoding': 'gzip', connection: 'close' },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const encoding = String(res.headers['content-encoding'] ?? '')
          const socket = res.socket
          // 'end' can fire before the socket has counted the final chunk terminator; wait for close.
          const finish = () =>
            resolve({
              info: {
                path,
                status: res.statusCode ?? 0,
                content_type: String(res.headers['content-type'] ?? ''),
                content_encoding: encoding,
                body_bytes: raw.byteLength,
                wire_bytes: socket.bytesRead,
              },
              body: encoding === 'gzip' ? zlib.gunzipSync(raw) : raw,
            })
          if (socket.destroyed) finish()
          else socket.once('close', finish)
        })
      },
    )
    req.on('error', reject)
  })
}
