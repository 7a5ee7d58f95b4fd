/** JSON API for submitting responses: POST /api/v1/surveys/{publicKey}/responses. */
import { createRoute, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { apiRouter, problemResponses, requireJson, withVersionHeader } from '../../platform/http/openapi.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { loadPublicSurvey } from '../surveys/load-public-survey.ts'
import { CASE_REFERENCE, submitResponse } from './submit-response.ts'

const SubmissionSchema = z
  .object({
    submissionKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{8,100}$/, '8–100 characters: letters, digits, _ . : -')
      .optional()
      .openapi({
        description:
          'Idempotency key: a retry with the same key returns the first response instead of storing a copy.',
      }),
    caseReference: z
      .string()
      .regex(CASE_REFERENCE, '1–100 characters: letters, digits and . _ / -')
      .optional()
      .openapi({
        description:
          'Reference of the zaak (case) the response is about; linked now when the zaak is known, or when it is imported later.',
        example: 'Z-2026-0001',
      }),
    channel: z
      .string()
      .max(40)
      .optional()
      .openapi({ description: 'Channel code, for example website, balie or telefoon.', example: 'website' }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional()
      .openapi({
        description: 'Language the survey was answered in (one the survey offers); default its first.',
        example: 'nl',
      }),
    collectionMode: z.enum(['self', 'telephony']).optional().openapi({
      description:
        "How the answers were collected: 'self' (default) when the person answered a form or app; 'telephony' when a telephony system (IVR, after a phone call) sends the answers the caller keyed in. Paper and interview entries are made by staff, not through this endpoint (docs/channels-paper-and-interview.md).",
      example: 'telephony',
    }),
    hidden: z
      .record(z.string().max(64), z.string().max(200))
      .optional()
      .openapi({
        description:
          "Values of the survey's hidden fields by code (product, channel, zaak, touchpoint, custom), as an invitation link would carry them.",
        example: { product: 'paspoort' },
      }),
    answers: z
      .record(
        z.string().max(64),
        z.union([
          z.number(),
          z.string().max(20_000),
          z.boolean(),
          z.array(z.string().max(64)).max(40),
          z
            .object({
              value: z.string().max(64),
              reason: z.string().max(64).optional(),
              other: z.string().max(200).optional(),
            })
            .strict(),
        ]),
      )
      .openapi({
        description:
          'Answers keyed by question code: numbers for grade (1–10), ces (1–7), nps (0–10) and agreement (1–5, or "dont_know"); text for open questions; an option code for single choice (or {"value":"other","other":"…"}); a list of option codes for multiple choice; "negative" | "neutral" | "positive" or {"value":…,"reason":…} for smileys; true/false for yes/no and consent; "YYYY-MM-DD" for dates.',
        example: { rapportcijfer: 8, duidelijkheid: 4, snelheid: 'dont_know', waarom: 'Snel geholpen.' },
      }),
  })
  .strict()
  .openapi('ResponseSubmission')

const CreatedSchema = z.object({ id: z.uuid(), created: z.boolean() }).openapi('ResponseReceipt')

const route = createRoute({
  method: 'post',
  path: '/surveys/{publicKey}/responses',
  operationId: 'submitResponse',
  tags: ['responses'],
  summary: 'Submit a response to a survey',
  description:
    'Stores the response before answering. A repeated submissionKey answers 200 with the first response.',
  request: {
    params: z.object({
      publicKey: z
        .string()
        .min(1)
        .max(64)
        .openapi({ description: 'Public key of the survey (from its link).' }),
    }),
    body: { required: true, content: { 'application/json': { schema: SubmissionSchema } } },
  },
  responses: withVersionHeader({
    201: { description: 'Stored.', content: { 'application/json': { schema: CreatedSchema } } },
    200: {
      description: 'Already stored earlier with this submissionKey.',
      content: { 'application/json': { schema: CreatedSchema } },
    },
    ...problemResponses(400, 404, 413, 415, 429),
  }),
})

/** Routes of the responses API. */
export function responseApi(db: Kysely<Database>) {
  const app = apiRouter<AppEnv>()
  app.use('/surveys/*', requireJson())
  app.openapi(route, async (c) => {
    const { publicKey } = c.req.valid('param')
    const body = c.req.valid('json')
    const survey = await loadPublicSurvey(db, publicKey)
    const result = await submitResponse(db, survey, {
      answers: body.answers,
      channel: body.channel,
      submissionKey: body.submissionKey,
      caseReference: body.caseReference,
      hidden: body.hidden,
      language: body.language,
      collectionMode: body.collectionMode,
      strict: true,
      requestId: c.get('requestId'),
    })
    return c.json(result, result.created ? 201 : 200)
  })
  return app
}
