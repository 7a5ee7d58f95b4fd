/**
 * Staff JSON API of the measurement capability (mounted under /api/v1):
 * - GET /organisations/{slug}/measurement-model — the current (newest published) version;
 * - GET /organisations/{slug}/measurement-models — every version, newest first, paged, filtered by status;
 * - GET /organisations/{slug}/measurement-models/{version} — one version (draft or published) in full.
 * Handlers: validate → load (scoped to the organisation) → authorize → present. Every staff role may read
 * the model (policy.ts); the order matches the other APIs: 401, then 404 for an organisation the caller is
 * not a member of, then 403.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { NotFoundError } from '../../platform/errors.ts'
import { apiRouter, problemResponses, withVersionHeader } from '../../platform/http/openapi.ts'
import { LinkHeader, PageQuery, pagedListResponses, pageLinks } from '../../platform/http/paging.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { requireOrganisation, requireStaff, Slug } from '../organisations/index.ts'
import { authorizeMeasurement } from './policy.ts'
import { MeasurementModelSchema, presentModel } from './present.ts'
import { getCurrentModel, getModelVersion, listModelVersions, type ModelVersionSummary } from './store.ts'

const currentRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/measurement-model',
  operationId: 'getMeasurementModel',
  tags: ['measurement'],
  summary:
    "The organisation's current (newest published) measurement model: goals, KPIs, drivers, statements, process indicators",
  security: [{ session: [] }],
  request: { params: z.object({ slug: Slug }) },
  responses: withVersionHeader({
    200: {
      description: 'The current published version.',
      content: { 'application/json': { schema: MeasurementModelSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  }),
})

const Count = z.number().int().min(0)
const VersionSummarySchema = z
  .object({
    version: z.number().int().openapi({ example: 2 }),
    status: z.enum(['draft', 'published']),
    name: z.string().openapi({ example: 'Meethuis Gemeente Voorbeeld' }),
    template: z
      .object({ id: z.string().openapi({ example: 'kern' }), version: z.number().int() })
      .openapi({ description: 'The standard template (and its version) the model was made from.' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    publishedAt: z
      .string()
      .nullable()
      .openapi({ format: 'date-time', description: 'Null for the open draft.' }),
    counts: z
      .object({ goals: Count, kpis: Count, drivers: Count, statements: Count })
      .openapi({ description: 'How many goals, KPIs, drivers and stellingen the version holds.' }),
  })
  .openapi('MeasurementModelVersionSummary')

const VersionPageSchema = z
  .object({
    items: z.array(VersionSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().openapi({ description: 'Versions that match the filter, on all pages.' }),
  })
  .openapi('MeasurementModelVersionPage')

const listRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/measurement-models',
  operationId: 'listMeasurementModels',
  tags: ['measurement'],
  summary: "Every version of the organisation's measurement model, newest first",
  description:
    'Published versions and the open draft, if any. Paged with page and pageSize; the Link header points to the other pages. Every staff role may read the model.',
  security: [{ session: [] }],
  request: {
    params: z.object({ slug: Slug }),
    query: z.object({
      ...PageQuery,
      status: z.enum(['draft', 'published']).optional().openapi({
        description: "Only the open draft ('draft') or only published versions ('published').",
      }),
    }),
  },
  responses: pagedListResponses('One page of versions.', VersionPageSchema),
})

const versionRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/measurement-models/{version}',
  operationId: 'getMeasurementModelVersion',
  tags: ['measurement'],
  summary: 'One version of the measurement model in full',
  description:
    'A published version never changes, so what it answers stays the same; the draft is included (it is what the editor shows).',
  security: [{ session: [] }],
  request: {
    params: z.object({
      slug: Slug,
      version: z.coerce
        .number()
        .int()
        .min(1)
        .max(2_147_483_647)
        .openapi({ description: 'Version number, from 1.', example: 1 }),
    }),
  },
  responses: withVersionHeader({
    200: {
      description: 'The version.',
      content: { 'application/json': { schema: MeasurementModelSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  }),
})

function presentSummary(v: ModelVersionSummary): z.infer<typeof VersionSummarySchema> {
  return {
    version: v.version,
    status: v.status,
    name: v.name,
    template: { id: v.template.id, version: v.template.version },
    createdAt: v.createdAt.toISOString(),
    publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null,
    counts: { ...v.counts },
  }
}

/** Routes of the measurement API (mounted under /api/v1). */
export function measurementApi(db: Kysely<Database>) {
  const app = apiRouter<AppEnv>()
  app.openapi(currentRoute, async (c) => {
    requireStaff(c)
    const org = requireOrganisation(c)
    authorizeMeasurement(org.role, 'measurement.read')
    const model = await getCurrentModel(db, org.id)
    if (!model) throw new NotFoundError('This organisation has not published a measurement model yet.')
    return c.json(presentModel(model), 200)
  })
  app.openapi(listRoute, async (c) => {
    const { page, pageSize, status } = c.req.valid('query')
    requireStaff(c)
    const org = requireOrganisation(c)
    authorizeMeasurement(org.role, 'measurement.read')
    const { total, items } = await listModelVersions(db, org.id, {
      status,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    })
    c.header('Link', pageLinks(c.req.url, page, pageSize, total))
    return c.json({ items: items.map(presentSummary), page, pageSize, total }, 200)
  })
  app.openapi(versionRoute, async (c) => {
    const { version } = c.req.valid('param')
    requireStaff(c)
    const org = requireOrganisation(c)
    authorizeMeasurement(org.role, 'measurement.read')
    const model = await getModelVersion(db, org.id, version)
    if (!model) throw new NotFoundError('This organisation has no measurement model with that version.')
    return c.json(presentModel(model), 200)
  })
  return app
}
