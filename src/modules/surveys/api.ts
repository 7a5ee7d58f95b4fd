/**
 * Staff JSON API of the surveys capability (mounted under /api/v1):
 * - GET /organisations/{slug}/surveys — the organisation's surveys, paged, filtered by status and title;
 * - GET /organisations/{slug}/surveys/{surveyId} — one survey with its versions;
 * - GET /organisations/{slug}/surveys/{surveyId}/versions/{version} — a version with its full
 *   klankbord.survey/1 definition (the same document `klankbord surveys export` prints).
 * Handlers: validate → load (scoped to the organisation) → authorize → present. Every staff role may read
 * surveys (policy.ts); the order matches the other APIs: 401, then 404 for an organisation the caller is
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
import type { QuestionType } from './definition/schema.ts'
import { authorizeSurvey } from './policy.ts'
import {
  findSurvey,
  findVersion,
  listSurveys,
  listVersions,
  type SurveySummary,
  type SurveyVersion,
} from './versions/store.ts'

/** Every question type of klankbord.survey/1: a record, so the compiler reports a type added later. */
const QUESTION_TYPES: Record<QuestionType, true> = {
  grade: true,
  agreement: true,
  ces: true,
  nps: true,
  smileys: true,
  single: true,
  multiple: true,
  open: true,
  yes_no: true,
  date: true,
  consent: true,
}

const SurveyFields = {
  id: z.uuid(),
  title: z.string().openapi({ description: 'Dutch title.', example: 'Uw ervaring met de balie' }),
  publicKey: z.string().openapi({ example: 'q3Jx0d9aZk1PqV7m' }),
  link: z.string().openapi({
    description: 'Path of the public survey page, relative to the installation.',
    example: '/s/q3Jx0d9aZk1PqV7m',
  }),
  isStandard: z.boolean().openapi({ description: 'The standard survey every organisation gets.' }),
  publishedVersion: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'Newest published version; null when nothing was published yet.', example: 2 }),
  draftVersion: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'Version number of the open draft, if any.', example: 3 }),
  createdAt: z.string().openapi({ format: 'date-time' }),
}
const SurveySchema = z.object(SurveyFields).openapi('Survey')

const VersionFields = {
  version: z.number().int().openapi({ example: 1 }),
  status: z.enum(['draft', 'published']),
  createdAt: z.string().openapi({ format: 'date-time' }),
  publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  questionCount: z.number().int().openapi({ example: 14 }),
}
const VersionSummarySchema = z.object(VersionFields).openapi('SurveyVersionSummary')

const SurveyDetailSchema = z
  .object({
    ...SurveyFields,
    versions: z.array(VersionSummarySchema).openapi({ description: 'Every version, newest first.' }),
  })
  .openapi('SurveyDetail')

// The definition is documented here by its outline (the full rules are docs/survey-definition.md and
// definition/schema.ts). Not the zod schema itself: inlined it is ~100 kB of OpenAPI, and calling
// `.openapi()` on a schema built with plain zod depends on module load order.
const TextSchema = z
  .object({ nl: z.string() })
  .catchall(z.string())
  .openapi('SurveyText', {
    description: 'A text by language code; Dutch (nl) is always present.',
    example: { nl: 'Welk cijfer geeft u ons?', en: 'What grade do you give us?' },
  })
const QuestionOutline = z
  .object({
    code: z.string().openapi({ example: 'cijfer' }),
    type: z.enum(Object.keys(QUESTION_TYPES) as [QuestionType, ...QuestionType[]]),
    text: TextSchema,
    required: z.boolean(),
  })
  .catchall(z.unknown())
  .openapi('SurveyQuestion', {
    description:
      'A question; the other fields depend on its type (options, reasons, maxLength, purpose, visibleIf, …).',
  })
const DefinitionSchema = z
  .object({
    format: z.literal('klankbord.survey/1'),
    title: TextSchema,
    intro: TextSchema.optional(),
    thanks: TextSchema.optional(),
    languages: z.array(z.string()).openapi({ example: ['nl', 'en'] }),
    oneQuestionPerScreen: z.boolean(),
    hidden: z.array(
      z.object({ code: z.string(), source: z.string(), queryParam: z.string().optional() }).openapi({
        example: { code: 'zaak', source: 'case_reference', queryParam: 'zaak' },
      }),
    ),
    pages: z.array(
      z.object({
        title: TextSchema.optional(),
        intro: TextSchema.optional(),
        shuffleStatements: z.boolean(),
        questions: z.array(QuestionOutline),
      }),
    ),
  })
  .openapi('SurveyDefinition', {
    description:
      'The klankbord.survey/1 definition (docs/survey-definition.md): what `klankbord surveys import` reads.',
  })

const VersionSchema = z
  .object({
    surveyId: z.uuid(),
    ...VersionFields,
    updatedAt: z.string().openapi({ format: 'date-time' }),
    definition: DefinitionSchema,
  })
  .openapi('SurveyVersion')

const SurveyPageSchema = z
  .object({
    items: z.array(SurveySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().openapi({ description: 'Surveys that match the filters, on all pages.' }),
  })
  .openapi('SurveyPage')

const SurveyId = z.uuid().openapi({ description: 'Id of the survey.' })

const listRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/surveys',
  operationId: 'listSurveys',
  tags: ['surveys'],
  summary: "The organisation's surveys, newest first",
  description:
    'Paged with page and pageSize; the Link header points to the other pages. Every staff role may read surveys.',
  security: [{ session: [] }],
  request: {
    params: z.object({ slug: Slug }),
    query: z.object({
      ...PageQuery,
      status: z.enum(['published', 'draft']).optional().openapi({
        description: "'published': has a published version; 'draft': has an open draft.",
      }),
      q: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: 'Text the title contains (case-insensitive).', example: 'balie' }),
    }),
  },
  responses: pagedListResponses('One page of surveys.', SurveyPageSchema),
})

const surveyRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/surveys/{surveyId}',
  operationId: 'getSurvey',
  tags: ['surveys'],
  summary: 'A survey with its versions',
  security: [{ session: [] }],
  request: { params: z.object({ slug: Slug, surveyId: SurveyId }) },
  responses: withVersionHeader({
    200: { description: 'The survey.', content: { 'application/json': { schema: SurveyDetailSchema } } },
    ...problemResponses(400, 401, 403, 404),
  }),
})

const versionRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}/surveys/{surveyId}/versions/{version}',
  operationId: 'getSurveyVersion',
  tags: ['surveys'],
  summary: 'A version of a survey with its full definition (export)',
  description:
    'The definition can be imported into another installation (klankbord surveys import). Drafts are included: they are what the editor shows.',
  security: [{ session: [] }],
  request: {
    params: z.object({
      slug: Slug,
      surveyId: SurveyId,
      version: z.coerce
        .number()
        .int()
        .min(1)
        .max(2_147_483_647)
        .openapi({ description: 'Version number, from 1.', example: 1 }),
    }),
  },
  responses: withVersionHeader({
    200: { description: 'The version.', content: { 'application/json': { schema: VersionSchema } } },
    ...problemResponses(400, 401, 403, 404),
  }),
})

function presentSurvey(s: SurveySummary) {
  return {
    id: s.id,
    title: s.title,
    publicKey: s.publicKey,
    link: `/s/${s.publicKey}`,
    isStandard: s.isStandard,
    publishedVersion: s.publishedVersion > 0 ? s.publishedVersion : null,
    draftVersion: s.draftVersion,
    createdAt: s.createdAt.toISOString(),
  }
}

const questionCount = (v: SurveyVersion) => v.definition.pages.reduce((n, p) => n + p.questions.length, 0)

function presentVersionSummary(v: SurveyVersion) {
  return {
    version: v.version,
    status: v.status,
    createdAt: v.createdAt.toISOString(),
    publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null,
    questionCount: questionCount(v),
  }
}

/** Whether a survey passes the list filters; titles compare case-insensitively as Dutch text. */
function matches(s: SurveySummary, f: { status?: 'published' | 'draft'; q?: string }) {
  if (f.status === 'published' && s.publishedVersion < 1) return false
  if (f.status === 'draft' && s.draftVersion === null) return false
  return !f.q || s.title.toLocaleLowerCase('nl').includes(f.q.toLocaleLowerCase('nl'))
}

/** Routes of the surveys API (mounted under /api/v1). */
export function surveyApi(db: Kysely<Database>) {
  const app = apiRouter<AppEnv>()
  app.openapi(listRoute, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query')
    requireStaff(c)
    const org = requireOrganisation(c)
    authorizeSurvey(org.role, 'surveys.read')
    // An organisation has tens of surveys, not thousands: filtering the summaries the editor also lists
    // keeps one query (store.ts) for both, where SQL paging would duplicate its version sub-queries.
    const all = (await listSurveys(db, org.id)).filter((s) => matches(s, filter))
    c.header('Link', pageLinks(c.req.url, page, pageSize, all.length))
    return c.json(
      {
        items: all.slice((page - 1) * pageSize, page * pageSize).map(presentSurvey),
        page,
        pageSize,
        total: all.length,
      },
      200,
    )
  })
  app.openapi(surveyRoute, async (c) => {
    const { surveyId } = c.req.valid('param')
    requireStaff(c)
    const org = requireOrganisation(c)
    authorizeSurvey(org.role, 'surveys.read')
    const survey = await findSurvey(db, org.id, surveyId)
    if (!survey) throw new NotFoundError('Survey not found.')
    const versions = await listVersions(db, org.id, survey.id)
    return c.json({ ...presentSurvey(survey), versions: versions.map(presentVersionSummary) }, 200)
  })
  app.openapi(versionRoute, async (c) => {
    const { surveyId, version } = c.req.valid('param')
    requireStaff(c)
    const org = requireOrganisation(c)
    authorizeSurvey(org.role, 'surveys.read')
    const found = await findVersion(db, org.id, surveyId, version)
    if (!found) throw new NotFoundError('Survey version not found.')
    return c.json(
      {
        surveyId: found.surveyId,
        ...presentVersionSummary(found),
        updatedAt: found.updatedAt.toISOString(),
        definition: found.definition,
      },
      200,
    )
  })
  return app
}
