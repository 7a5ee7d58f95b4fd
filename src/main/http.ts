/**
 * Wiring of the web application: the base app from the platform, then every capability's pages and API.
 * `createApp` is what `klankbord serve`, the tests and the benchmarks start.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { analyticsApi, analyticsPages } from '../modules/analytics/index.ts'
import type { AppEnv } from '../modules/app-env.ts'
import { assistedPages } from '../modules/assisted/index.ts'
import { caseApi } from '../modules/cases/index.ts'
import { commonGroundApi, commonGroundPages } from '../modules/common-ground/index.ts'
import type { Database } from '../modules/database.ts'
import {
  invitationApi,
  invitationCsvPages,
  invitationPages,
  invitationSettingsPages,
  invitationStaffPages,
} from '../modules/invitations/index.ts'
import { kioskRoutes, kioskStaffPages } from '../modules/kiosk/index.ts'
import { measurementApi, measurementPages } from '../modules/measurement/index.ts'
import {
  apiKeyPages,
  checkCsrf,
  instanceSecret,
  loadApiKey,
  loadStaff,
  openApiForKeys,
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
import { widgetRoutes, widgetStaffPages } from '../modules/widget/index.ts'
import { offlineKysely } from '../platform/db/offline.ts'
import { UnauthenticatedError } from '../platform/errors.ts'
import { createBaseApp } from '../platform/http/app.ts'
import { mountAssets } from '../platform/http/assets.ts'
import { apiVersionHeader } from '../platform/http/openapi.ts'
import { operationalRoutes } from './operational.ts'
import type { Services } from './services.ts'

/** The one organisation API path that authenticates itself (the ZGW notification callback's bearer token). */
const NOTIFICATION_CALLBACK = /^\/api\/v1\/organisations\/[^/]+\/notifications\/?$/

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
  api.route('/', commonGroundApi(db))
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kb_session',
    description: 'Staff session cookie from POST /login; writes also need the x-csrf-token header.',
  })
  // The bearer scheme of API keys, on every operation a key may call (with the scope it needs).
  openApiForKeys(api)
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
      paths: [/^\/api\/v1\/organisations\/[^/]+\/cases$/, /^\/o\/[^/]+\/uitnodigingen\/contacten-uploaden$/],
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
  // The website widget: its script and public endpoints, with their own CORS and the same rate limits.
  app.route(
    '/',
    widgetRoutes(services.db, {
      pageViewsPerMinute: services.config.RATE_LIMIT_PAGE_VIEWS_PER_MINUTE,
      submissionsPerMinute: services.config.RATE_LIMIT_SUBMISSIONS_PER_MINUTE,
      trustProxy: services.config.TRUST_PROXY_HOPS,
    }),
  )
  app.use('/', loadStaff(staffDeps))
  app.use('/o/*', loadStaff(staffDeps))
  app.use('/logout', loadStaff(staffDeps))
  app.use('/api/v1/organisations/*', loadStaff(staffDeps))
  // `Authorization: Bearer kb_live_…` (an API key) replaces the session: a system actor with the key's scopes.
  app.use('/api/v1/organisations/*', loadApiKey(services.db))
  // Cookie-authenticated API writes must echo the session's CSRF token; key requests carry no cookie authority.
  // A caller with neither a session nor a key is refused here, before any body is read or validated (the
  // case import path accepts large bodies). The ZGW notification callback has its own token (common-ground).
  app.use('/api/v1/organisations/*', async (c, next) => {
    const staff = c.get('staff')
    if (!staff && !c.get('apiKey') && !NOTIFICATION_CALLBACK.test(c.req.path))
      throw new UnauthenticatedError()
    if (staff && !c.get('apiKey') && !['GET', 'HEAD'].includes(c.req.method))
      checkCsrf(staff, c.req.header('x-csrf-token'))
    await next()
  })
  app.route('/', organisationRoutes(staffDeps))
  app.route('/', themeRoutes(services.db))
  app.route('/', apiKeyPages(services.db))
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
  app.route('/', assistedPages(services.db, services.config.publicUrl))
  app.route('/', widgetStaffPages(services.db, services.config.publicUrl))
  app.route('/', invitationPages(services.db, { secret: services.config.SESSION_SECRET }))
  app.route('/', invitationStaffPages(services.db))
  app.route(
    '/',
    kioskRoutes(services.db, {
      postsPerMinute: services.config.RATE_LIMIT_SUBMISSIONS_PER_MINUTE,
      trustProxy: services.config.TRUST_PROXY_HOPS,
    }),
  )
  app.route('/', kioskStaffPages(services.db, services.config.publicUrl))
  app.route(
    '/',
    commonGroundPages(services.db, {
      publicUrl: services.config.publicUrl,
      secret: services.config.SESSION_SECRET,
    }),
  )
  app.route(
    '/',
    invitationCsvPages(services.db, {
      secret: services.config.SESSION_SECRET,
      maxBytes: services.config.MAX_IMPORT_BODY_BYTES,
    }),
  )
  app.route('/', invitationSettingsPages(services.db, { secret: services.config.SESSION_SECRET }))
  app.route('/api/v1', createApi(services.db, { secret: services.config.SESSION_SECRET }))
  return app
}
