/**
 * JSON API of the cases capability:
 * - POST /organisations/{slug}/cases — import zaken (upsert by reference), answers the import report;
 * - GET /organisations/{slug}/cases/{reference} — one zaak with the ids of its responses;
 * - GET /organisations/{slug}/lead-time — doorlooptijd buckets beside the rapportcijfer.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { NotFoundError, ValidationError } from '../../platform/errors.ts'
import { apiRouter, problemResponses, requireJson, withVersionHeader } from '../../platform/http/openapi.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { authorize, requestActor, requireOrganisation, requireStaff } from '../organisations/index.ts'
import { loadCase } from './find-case.ts'
import { importCases } from './import-cases.ts'
import { leadTimeBeside } from './lead-time-beside.ts'
import { MAX_REFERENCE_LENGTH } from './validate-cases.ts'

/** Most rows one request may carry; larger files go through `klankbord cases import`. */
export const MAX_API_ROWS = 10_000

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
const Flag = z.enum(['true', 'false']).optional()

const CaseRecordSchema = z
  .object({
    reference: z.string().max(200).openapi({
      description: 'Case reference (zaaknummer), unique per organisation.',
      example: 'Z-2026-000123',
    }),
    product: z.string().max(200).openapi({ description: 'Product code.', example: 'paspoort' }),
    productName: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: 'Name for a product created by this import (with createProducts=true).' }),
    channel: z.string().max(200).openapi({ description: 'Channel code or name.', example: 'balie' }),
    start: z.string().max(40).openapi({
      description: 'Start: ISO 8601 or dd-mm-jjjj[ hh:mm]; without an offset the time is Europe/Amsterdam.',
      example: '2026-03-02T09:15:00+01:00',
    }),
    end: z.string().max(40).nullable().optional().openapi({
      description: 'End, in the same forms as start; empty or null while the case is open.',
      example: '06-03-2026 16:40',
    }),
    contacts: z
      .number()
      .nullable()
      .optional()
      .openapi({ description: 'Number of contactmomenten, a whole number ≥ 0 (default 1).', example: 2 }),
  })
  .strict()
  .openapi('CaseRecord')

const RowErrorSchema = z
  .object({
    row: z
      .number()
      .int()
      .openapi({ description: '1-based position of the record in the request (or file).' }),
    field: z.string(),
    reason: z.string(),
  })
  .openapi('CaseImportError')

const ReportSchema = z
  .object({
    imported: z.number().int().openapi({ description: 'New cases.' }),
    updated: z.number().int().openapi({ description: 'Existing cases (same reference) whose data changed.' }),
    unchanged: z.number().int().openapi({ description: 'Existing cases that already had this data.' }),
    rejected: z.number().int().openapi({ description: 'Records with errors, not written.' }),
    linkedResponses: z.number().int().openapi({
      description:
        'Responses that named one of these cases by reference before it existed, now linked to it.',
    }),
    createdProducts: z.array(z.string()),
    errors: z.array(RowErrorSchema),
    committed: z.boolean().openapi({ description: 'False for a dry run.' }),
    dryRun: z.boolean(),
  })
  .openapi('CaseImportReport')

const CaseSchema = z
  .object({
    reference: z.string(),
    product: z.object({ code: z.string(), name: z.string() }),
    channel: z.object({ code: z.string(), name: z.string() }),
    startedAt: z.string().openapi({ format: 'date-time' }),
    endedAt: z.string().nullable().openapi({ format: 'date-time' }),
    contacts: z.number().int(),
    leadTimeDays: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Doorlooptijd in calendar days (Europe/Amsterdam); null while open.' }),
    responseIds: z.array(z.uuid()),
  })
  .openapi('Case')

const Estimate = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
})
const LeadTimeSchema = z
  .object({
    from: z.string().openapi({ format: 'date-time' }),
    to: z.string().openapi({ format: 'date-time' }),
    buckets: z.array(
      z.object({
        key: z.string().openapi({ example: '2-7' }),
        label: z.string(),
        responses: z.number().int(),
        grade: Estimate,
        medianDays: z.number().nullable(),
      }),
    ),
    openCases: z.number().int().openapi({ description: 'Responses linked to a case that is still open.' }),
    withoutCase: z.number().int().openapi({ description: 'Responses not linked to a case.' }),
  })
  .openapi('LeadTimeSummary')

const importRoute = createRoute({
  method: 'post',
  path: '/organisations/{slug}/cases',
  operationId: 'importCases',
  tags: ['cases'],
  summary: 'Import cases (zaken): insert new references, update existing ones',
  description:
    'Validates every record first. With allOrNothing (default) one invalid record means nothing is written and the answer is 400 listing every invalid record; with allOrNothing=false the valid records are written and the report lists the others. Needs the admin role.',
  security: [{ session: [] }],
  request: {
    params: z.object({ slug: Slug }),
    query: z.object({
      allOrNothing: Flag.openapi({ description: 'Write nothing when any record is invalid (default true).' }),
      createProducts: Flag.openapi({
        description: 'Create products for unknown product codes (default false).',
      }),
      dryRun: Flag.openapi({ description: 'Validate and report without writing (default false).' }),
    }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .array(CaseRecordSchema)
            .min(1)
            .max(MAX_API_ROWS)
            .openapi({ description: `At most ${MAX_API_ROWS} records.` }),
        },
      },
    },
  },
  responses: withVersionHeader({
    200: { description: 'The import report.', content: { 'application/json': { schema: ReportSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 415),
  }),
})

const caseRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/cases/{reference}',
  operationId: 'getCase',
  tags: ['cases'],
  summary: 'A case (zaak) with the ids of its responses',
  security: [{ session: [] }],
  request: {
    params: z.object({
      slug: Slug,
      reference: z
        .string()
        .min(1)
        .max(MAX_REFERENCE_LENGTH)
        .openapi({ description: 'Case reference, URL-encoded.' }),
    }),
  },
  responses: withVersionHeader({
    200: { description: 'The case.', content: { 'application/json': { schema: CaseSchema } } },
    ...problemResponses(400, 401, 403, 404),
  }),
})

const leadTimeRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/lead-time',
  operationId: 'getLeadTime',
  tags: ['cases'],
  summary: 'Responses per doorlooptijd bucket with mean rapportcijfer (95% CI) and median doorlooptijd',
  security: [{ session: [] }],
  request: {
    params: z.object({ slug: Slug }),
    query: z.object({
      from: z.iso
        .datetime({ offset: true })
        .optional()
        .openapi({ description: 'Start (inclusive); default 365 days before to.' }),
      to: z.iso
        .datetime({ offset: true })
        .optional()
        .openapi({ description: 'End (exclusive); default now.' }),
    }),
  },
  responses: withVersionHeader({
    200: { description: 'The summary.', content: { 'application/json': { schema: LeadTimeSchema } } },
    ...problemResponses(400, 401, 403, 404),
  }),
})

/** Routes of the cases API (mounted under /api/v1). */
export function caseApi(db: Kysely<Database>) {
  const app = apiRouter<AppEnv>()
  app.use('/organisations/:slug/cases', requireJson())
  app.openapi(importRoute, async (c) => {
    const query = c.req.valid('query')
    const rows = c.req.valid('json')
    requireStaff(c)
    const org = requireOrganisation(c)
    // Importing changes the organisation's reference data (products); admin only until a finer permission exists.
    authorize(org.role, 'cases.import')
    const report = await importCases(
      db,
      {
        organisationId: org.id,
        // A staff member's account, or the API key of a system client.
        actor: requestActor(c),
        requestId: c.get('requestId'),
      },
      rows,
      {
        allOrNothing: query.allOrNothing !== 'false',
        createProducts: query.createProducts === 'true',
        dryRun: query.dryRun === 'true',
      },
    )
    if (report.errors.length > 0 && query.allOrNothing !== 'false') {
      throw new ValidationError(
        report.errors.map((e) => ({ name: `${e.row - 1}.${e.field}`, reason: `Row ${e.row}: ${e.reason}` })),
        `${report.rejected} of ${rows.length} records are not valid; nothing was imported.`,
      )
    }
    return c.json(report, 200)
  })
  app.openapi(caseRoute, async (c) => {
    const { reference } = c.req.valid('param')
    requireStaff(c)
    const org = requireOrganisation(c)
    // A case reference links responses to a person's file in the case system: personal data.
    authorize(org.role, 'responses.read-personal')
    const found = await loadCase(db, org.id, reference)
    if (!found) throw new NotFoundError('Case not found.')
    return c.json(found, 200)
  })
  app.openapi(leadTimeRoute, async (c) => {
    const query = c.req.valid('query')
    requireStaff(c)
    const org = requireOrganisation(c)
    authorize(org.role, 'overview.read')
    const to = query.to ? new Date(query.to) : new Date()
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 365 * 86_400_000)
    if (!(from < to)) throw new ValidationError([{ name: 'from', reason: 'Must be before to.' }])
    return c.json(await leadTimeBeside(db, org.id, from, to), 200)
  })
  return app
}
