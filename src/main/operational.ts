/** Operational endpoints: /health (database kind and migration version) and /metrics (Prometheus). */
import { Hono } from 'hono'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { AppEnv } from '../modules/app-env.ts'
import { publicAbuseCounts } from '../modules/surveys/index.ts'
import { currentVersion } from '../platform/db/migrate.ts'
import { jobQueueStats } from '../platform/jobs/index.ts'
import type { Services } from './services.ts'

/** Routes for health checks and metrics, with request metrics for every route. */
export function operationalRoutes(services: Services) {
  const app = new Hono<AppEnv>()
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'klankbord_' })
  const requests = new Counter({
    name: 'klankbord_http_requests_total',
    help: 'HTTP requests by method and status class.',
    labelNames: ['method', 'status'],
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'klankbord_http_request_duration_seconds',
    help: 'HTTP request duration.',
    labelNames: ['method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  // One query per scrape fills both job gauges: the first gauge's collect sets the second, which is
  // registered after it and therefore serialised after the value is set.
  const oldestDue = new Gauge({
    name: 'klankbord_jobs_oldest_due_seconds',
    help: 'Age of the oldest job that is due but not claimed (0 when none): a growing value means workers fall behind.',
    registers: [],
  })
  new Gauge({
    name: 'klankbord_jobs',
    help: 'Background jobs by state (due = queued and runnable now; dead = dead letters to inspect).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const s = await jobQueueStats(services.db)
      for (const state of ['queued', 'running', 'succeeded', 'dead', 'due'] as const)
        this.set({ state }, s[state])
      oldestDue.set(s.oldestDueSeconds)
    },
  })
  registry.registerMetric(oldestDue)
  new Counter({
    name: 'klankbord_public_rate_limited_total',
    help: 'Requests to public survey endpoints refused with 429, by limit.',
    labelNames: ['limit'],
    registers: [registry],
    collect() {
      const c = publicAbuseCounts().rateLimited
      this.reset()
      this.inc({ limit: 'page_views' }, c.pageViews)
      this.inc({ limit: 'submissions' }, c.submissions)
    },
  })
  new Counter({
    name: 'klankbord_public_form_posts_dropped_total',
    help: 'Public form posts answered like a success but not stored, by reason (honeypot, too_fast).',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      const d = publicAbuseCounts().dropped
      this.reset()
      this.inc({ reason: 'honeypot' }, d.honeypot)
      this.inc({ reason: 'too_fast' }, d.tooFast)
    },
  })
  app.use('*', async (c, next) => {
    const end = duration.startTimer({ method: c.req.method })
    await next()
    end()
    requests.inc({ method: c.req.method, status: `${Math.floor(c.res.status / 100)}xx` })
  })

  app.get('/health', async (c) => {
    try {
      const version = await currentVersion(services.database.pool)
      return c.json({ status: 'ok', database: services.database.kind, migration: version })
    } catch {
      return c.json({ status: 'unavailable', database: services.database.kind, migration: null }, 503)
    }
  })

  app.get('/metrics', async (c) => {
    return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType })
  })
  return app
}
