/**
 * Wiring of the web application: the base app from the platform, then every capability's pages and API.
 * `createApp` is what `klankbord serve`, the tests and the benchmarks start.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { analyticsApi, analyticsPages } from '../modules/analytics/index.ts'
import type { AppEnv } from '../modules/app-env.ts'
import { caseApi } from '../modules/cases/index.ts'
import type { Database } from '../modules/database.ts'
import { invitationApi, invitationPages, invitationStaffPages } from '../modules/invitations/index.ts'
import { measurementApi, measurementPages } from '../modules/measurement/index.ts'
import {
  checkCsrf,
  instanceSecret,
  loadStaff,
  organisationRoutes,
  type StaffDeps,
  themeRoutes,
} from '../modules/organisations/index.ts'
import { responseApi } from '../modules/responses/api.ts'
import { responseReadApi } from '../modules/responses/read-api.ts'
import { surveyApi } from '../modules/surveys/api.ts'
import {
  limitPublicSurveyEndpoints,
  surveyEditorPages,
  surveyPageRoutes,
  surveyQrPages,
} from '../modules/surveys/index.ts'
import { offlineKysely } from '../platform/db/offline.ts'
import { createBaseApp } from '../platform/http/app.ts'
import { mountAssets } from '../platform/http/assets.ts'
import { apiVersionHeader } from '../platform/http/openapi.ts'
import { operationalRoutes } from './operational.ts'
import type { Services } from './services.ts'

/** Builds the API router (also used to generate openapi/v1.json). */
export function createApi(db: Kysely<Database>, options: { secret?: string } = {}) {
  const api = new OpenAPIHono<AppEnv>()
  api.route('/', responseApi(db))
  api.route('/', analyticsApi(db))
  api.route('/', caseApi(db))
  api.route('/', measurementApi(db))
  api.route('/', surveyApi(db))
  api.route('/', responseReadApi(db))
  api.route('/', invitationApi(db, { secret: options.secret }))
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kb_session',
    description: 'Staff session cookie from POST /login; writes also need the x-csrf-token header.',
  })
  return api
}

/** The OpenAPI 3.1 document of /api/v1. */
export function openApiDocument() {
  return createApi(offlineKysely<Database>()).getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Klankbord API',
      version: '1.0.0',
      description:
        'Measure and improve how people experience public services. Dutch domain terms: see docs/glossary.md.',
      contact: { name: 'Klankbord', url: 'https://klankbord.nl', email: 'info@klankbord.nl' },
      license: {
        name: 'EUPL-1.2',
        url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
      },
    },
    servers: [{ url: '/api/v1' }],
  })
}

/** Creates the web application. */
export function createApp(services: Services) {
  const app = createBaseApp<AppEnv>({
    logger: services.logger,
    maxBodyBytes: services.config.MAX_BODY_BYTES,
    // Bulk imports of case records carry thousands of rows; only staff-authenticated import paths get more.
    largeBodies: {
      paths: [/^\/api\/v1\/organisations\/[^/]+\/cases$/],
      maxBytes: services.config.MAX_IMPORT_BODY_BYTES,
    },
  })
  let secret: Promise<string> | null = null
  const staffDeps: StaffDeps = {
    db: services.db,
    secret: () => {
      secret ??= instanceSecret(services.db, services.config.SESSION_SECRET)
      return secret
    },
    ttlHours: services.config.SESSION_TTL_HOURS,
    secureCookies: services.config.publicUrl.startsWith('https://'),
  }
  mountAssets(app)
  app.route('/', operationalRoutes(services))
  // Before the limiter, so that a 429 from the API also says which API version answered.
  app.use('/api/v1/*', apiVersionHeader())
  // Registered before every route: Hono runs handlers in registration order.
  limitPublicSurveyEndpoints(app, {
    pageViewsPerMinute: services.config.RATE_LIMIT_PAGE_VIEWS_PER_MINUTE,
    submissionsPerMinute: services.config.RATE_LIMIT_SUBMISSIONS_PER_MINUTE,
    trustProxy: services.config.TRUST_PROXY_HOPS,
  })
  app.use('/', loadStaff(staffDeps))
  app.use('/o/*', loadStaff(staffDeps))
  app.use('/logout', loadStaff(staffDeps))
  app.use('/api/v1/organisations/*', loadStaff(staffDeps))
  // Cookie-authenticated API writes must echo the session's CSRF token.
  app.use('/api/v1/organisations/*', async (c, next) => {
    const staff = c.get('staff')
    if (staff && !['GET', 'HEAD'].includes(c.req.method)) checkCsrf(staff, c.req.header('x-csrf-token'))
    await next()
  })
  app.route('/', organisationRoutes(staffDeps))
  app.route('/', themeRoutes(services.db))
  app.route(
    '/',
    surveyPageRoutes(services.db, {
      secret: staffDeps.secret,
      minFillMs: services.config.FORM_MIN_FILL_SECONDS * 1000,
      partialRetentionDays: services.config.PARTIAL_RESPONSE_RETENTION_DAYS,
    }),
  )
  app.route('/', analyticsPages(services.db, services.config.publicUrl))
  app.route('/', measurementPages(services.db))
  app.route('/', surveyEditorPages(services.db))
  app.route('/', surveyQrPages(services.db, services.config.publicUrl))
  app.route('/', invitationPages(services.db, { secret: services.config.SESSION_SECRET }))
  app.route('/', invitationStaffPages(services.db))
  app.route('/api/v1', createApi(services.db, { secret: services.config.SESSION_SECRET }))
  return app
}
