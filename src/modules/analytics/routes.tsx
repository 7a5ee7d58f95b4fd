/** The overview: staff page /o/:slug and API GET /api/v1/organisations/{slug}/overview. */
import { createRoute, z } from '@hono/zod-openapi'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { apiRouter, problemResponses, withVersionHeader } from '../../platform/http/openapi.ts'
import type { AppEnv } from '../app-env.ts'
import { leadTimeBeside } from '../cases/index.ts'
import type { Database } from '../database.ts'
import { authorize, requireOrganisation, requireStaff } from '../organisations/index.ts'
import { findStandardSurvey } from '../surveys/index.ts'
import { loadOverview } from './overview.ts'
import { monthChart, OverviewPage } from './pages/overview-page.tsx'
import { presentOverview } from './present.ts'

/** Staff pages of the analytics capability. */
export function analyticsPages(db: Kysely<Database>, publicUrl: string) {
  const app = new Hono<AppEnv>()
  app.get('/o/:slug', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorize(org.role, 'overview.read')
    const [overview, survey] = await Promise.all([loadOverview(db, org.id), findStandardSurvey(db, org.id)])
    const leadTime = await leadTimeBeside(db, org.id, new Date(overview.from), new Date(overview.to))
    const chart = await monthChart(overview.byMonth)
    return c.html(
      <OverviewPage
        organisation={org}
        staff={staff}
        overview={overview}
        leadTime={leadTime}
        chart={chart}
        surveyLink={survey ? `${publicUrl}/s/${survey.publicKey}` : null}
      />,
    )
  })
  return app
}

const Estimate = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
})
const Row = Estimate.extend({ key: z.string(), label: z.string() })
const OverviewSchema = z
  .object({
    from: z.string().openapi({ format: 'date-time' }),
    to: z.string().openapi({ format: 'date-time' }),
    responses: z.number().int(),
    grade: Estimate.extend({ level: z.number() }),
    byMonth: z.array(Row),
    byChannel: z.array(Row),
  })
  .openapi('Overview')

const route = createRoute({
  method: 'get',
  path: '/organisations/{slug}/overview',
  operationId: 'getOverview',
  tags: ['analytics'],
  summary: 'Responses and mean rapportcijfer with 95% CI, per month and per channel (last 12 months)',
  security: [{ session: [] }],
  request: { params: z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/) }) },
  responses: withVersionHeader({
    200: { description: 'The overview.', content: { 'application/json': { schema: OverviewSchema } } },
    ...problemResponses(400, 401, 403, 404),
  }),
})

/** API of the analytics capability. */
export function analyticsApi(db: Kysely<Database>) {
  const app = apiRouter<AppEnv>()
  app.openapi(route, async (c) => {
    requireStaff(c)
    const org = requireOrganisation(c)
    authorize(org.role, 'overview.read')
    return c.json(presentOverview(await loadOverview(db, org.id)), 200)
  })
  return app
}
