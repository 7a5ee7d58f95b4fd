/**
 * A web app for tests of this module, wired like src/main/http.ts (base app, staff sessions, login
 * routes, the CSRF check on API writes) plus the measurement pages and API, because this module's
 * routes are not mounted in src/main/http.ts yet. Once they are, tests can use test/server.ts instead.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Services } from '../../main/services.ts'
import { createBaseApp } from '../../platform/http/app.ts'
import { mountAssets } from '../../platform/http/assets.ts'
import { listen } from '../../platform/http/listen.ts'
import { apiVersionHeader } from '../../platform/http/openapi.ts'
import type { AppEnv } from '../app-env.ts'
import {
  checkCsrf,
  instanceSecret,
  loadStaff,
  organisationRoutes,
  type StaffDeps,
} from '../organisations/index.ts'
import { measurementApi, measurementPages } from './routes.tsx'

/** Builds the test app on the services of a test database. */
export function createMeasurementTestApp(services: Services) {
  const app = createBaseApp<AppEnv>({ logger: services.logger, maxBodyBytes: services.config.MAX_BODY_BYTES })
  let secret: Promise<string> | null = null
  const staffDeps: StaffDeps = {
    db: services.db,
    secret: () => {
      secret ??= instanceSecret(services.db, services.config.SESSION_SECRET)
      return secret
    },
    ttlHours: services.config.SESSION_TTL_HOURS,
    secureCookies: false,
  }
  mountAssets(app)
  app.use('/', loadStaff(staffDeps))
  app.use('/o/*', loadStaff(staffDeps))
  app.use('/logout', loadStaff(staffDeps))
  app.use('/api/v1/organisations/*', loadStaff(staffDeps))
  app.use('/api/v1/organisations/*', async (c, next) => {
    const staff = c.get('staff')
    if (staff && !['GET', 'HEAD'].includes(c.req.method)) checkCsrf(staff, c.req.header('x-csrf-token'))
    await next()
  })
  app.route('/', organisationRoutes(staffDeps))
  app.route('/', measurementPages(services.db))
  const api = new OpenAPIHono<AppEnv>()
  api.use(apiVersionHeader())
  api.route('/', measurementApi(services.db))
  app.route('/api/v1', api)
  return app
}

/** Serves the test app on a free port on 127.0.0.1 until closed. */
export async function startMeasurementTestServer(services: Services) {
  const server = await listen(createMeasurementTestApp(services).fetch, 0, '127.0.0.1')
  return { url: `http://127.0.0.1:${server.port}`, close: () => server.close() }
}
