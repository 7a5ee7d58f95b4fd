/**
 * Staff JSON API for reading responses (mounted under /api/v1):
 * - GET /organisations/{slug}/responses — paged, newest first, with filters;
 * - GET /organisations/{slug}/responses/{responseId} — one response with its consents.
 * Handlers: validate → load (scoped to the organisation) → authorize → use case → present. Personal data
 * (open text, "anders" text, zaak reference) only for roles with `responses.read-personal`, and every
 * such read is audited (list-responses.ts).
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { apiRouter, problemResponses, withVersionHeader } from '../../platform/http/openapi.ts'
import { LinkHeader, PageQuery, pagedListResponses, pageLinks } from '../../platform/http/paging.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { can, requestActor, requireOrganisation, requireStaff, Slug } from '../organisations/index.ts'
import { authorizeSurvey } from '../surveys/index.ts'
import { findResponse, listResponses, type ReadAccess } from './list-responses.ts'
import { presentResponse, presentResponseDetail, ResponseDetailSchema, ResponseSchema } from './present.ts'

const Code = z.string().min(1).max(200)
const Instant = z.iso.datetime({ offset: true })

const ListQuery = z
  .object({
    ...PageQuery,
    survey: z.uuid().optional().openapi({ description: 'Only responses to this survey (id).' }),
    version: z.coerce
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .optional()
      .openapi({ description: 'Only responses given on this survey version.', example: 1 }),
    status: z.enum(['complete', 'partial', 'all']).default('complete').openapi({
      description:
        "'complete' (default): finished responses; 'partial': surveys of several screens not finished (yet); 'all'.",
    }),
    channel: Code.optional().openapi({ description: 'Channel code.', example: 'balie' }),
    product: Code.optional().openapi({ description: 'Product code.', example: 'paspoort' }),
    caseReference: z.string().min(1).max(100).optional().openapi({
      description: 'Reference of the zaak (exact). Personal data: needs permission to read personal data.',
      example: 'Z-2026-0001',
    }),
    submittedFrom: Instant.optional().openapi({
      description: 'Submitted at or after this moment (ISO 8601 with offset).',
      example: '2026-01-01T00:00:00+01:00',
    }),
    submittedTo: Instant.optional().openapi({
      description: 'Submitted before this moment (ISO 8601 with offset).',
      example: '2026-04-01T00:00:00+02:00',
    }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'use a two- or three-letter language code such as nl or en')
      .optional()
      .openapi({ description: 'Language the survey was answered in.', example: 'nl' }),
  })
  .superRefine((q, ctx) => {
    if (q.submittedFrom && q.submittedTo && !(new Date(q.submittedFrom) < new Date(q.submittedTo)))
      ctx.addIssue({ code: 'custom', path: ['submittedTo'], message: 'Must be after submittedFrom.' })
  })

const ResponsePageSchema = z
  .object({
    items: z.array(ResponseSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().openapi({ description: 'Responses that match the filters, on all pages.' }),
  })
  .openapi('ResponsePage')

const PERSONAL_NOTE =
  'Open-text answers, the text typed with "anders" and caseReference are personal data: they are included only for roles that may read personal data, and every such read is recorded in the audit trail (event responses.read). Needs the responses.read permission (admin, analyst, handler).'

const listRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/responses',
  operationId: 'listResponses',
  tags: ['responses'],
  summary: "The organisation's responses with typed answers, newest first",
  description: `Paged with page and pageSize (ordered by submittedAt, then id, newest first); the Link header points to the other pages. ${PERSONAL_NOTE}`,
  security: [{ session: [] }],
  request: { params: z.object({ slug: Slug }), query: ListQuery },
  responses: pagedListResponses('One page of responses.', ResponsePageSchema),
})

const oneRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/responses/{responseId}',
  operationId: 'getResponse',
  tags: ['responses'],
  summary: 'A response with its typed answers and consents',
  description: PERSONAL_NOTE,
  security: [{ session: [] }],
  request: {
    params: z.object({ slug: Slug, responseId: z.uuid().openapi({ description: 'Id of the response.' }) }),
  },
  responses: withVersionHeader({
    200: {
      description: 'The response.',
      content: { 'application/json': { schema: ResponseDetailSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  }),
})

/** Staff, organisation and role checks shared by both reads; the audit context of the caller. */
function readAccess(c: Context<AppEnv>): ReadAccess {
  requireStaff(c)
  const org = requireOrganisation(c)
  authorizeSurvey(org.role, 'responses.read')
  return {
    ctx: {
      organisationId: org.id,
      // A staff member's account, or the API key of a system client: reads of personal data name it.
      actor: requestActor(c),
      requestId: c.get('requestId'),
    },
    personal: can(org.role, 'responses.read-personal'),
  }
}

/** Routes of the response-reading API. */
export function responseReadApi(db: Kysely<Database>) {
  const app = apiRouter<AppEnv>()
  app.openapi(listRoute, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query')
    const access = readAccess(c)
    // Which responses belong to a zaak links answers to a person's file: as personal as the reference.
    if (filter.caseReference && !access.personal)
      throw new ForbiddenError('Filtering by caseReference needs permission to read personal data.')
    const { items, total } = await listResponses(db, access, filter, { page, pageSize })
    c.header('Link', pageLinks(c.req.url, page, pageSize, total))
    return c.json(
      { items: items.map((r) => presentResponse(r, access.personal)), page, pageSize, total },
      200,
    )
  })
  app.openapi(oneRoute, async (c) => {
    const { responseId } = c.req.valid('param')
    const access = readAccess(c)
    const found = await findResponse(db, access, responseId)
    if (!found) throw new NotFoundError('Response not found.')
    return c.json(presentResponseDetail(found, access.personal), 200)
  })
  return app
}
