/**
 * JSON API of the invitations capability (mounted under /api/v1):
 * - POST /organisations/{slug}/contact-moments — record a contact moment; answers the invitation
 *   decision (record-contact-moment.ts). A retry with the same externalId answers the first one (200).
 * Authentication as every staff API: the session cookie, with x-csrf-token on writes.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { dutchWorkingDays } from '../../platform/calendar/index.ts'
import { apiRouter, problemResponses, requireJson, withVersionHeader } from '../../platform/http/openapi.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { requestActor, requireOrganisation, requireStaff, Slug } from '../organisations/index.ts'
import { invitationKey } from './keys.ts'
import { authorizeInvitations } from './policy.ts'
import { recordContactMoment } from './record-contact-moment.ts'

const Code = z.string().min(1).max(200)

const ContactMomentSchema = z
  .object({
    survey: z.uuid().openapi({ description: 'Id of the survey to invite for (as in GET …/surveys).' }),
    product: Code.optional().openapi({ description: 'Product code.', example: 'paspoort' }),
    channel: Code.optional().openapi({
      description: 'Channel code of the contact (where it happened).',
      example: 'balie',
    }),
    caseReference: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/)
      .optional()
      .openapi({
        description: 'Case reference (zaaknummer): one invitation per case and survey.',
        example: 'Z-2026-000123',
      }),
    contact: z
      .object({
        email: z.string().max(320).optional().openapi({ example: 'inwoner@example.nl' }),
        phone: z.string().max(40).optional().openapi({ example: '06 12345678' }),
      })
      .strict()
      .openapi({ description: 'At least one. Stored only while an invitation is planned or running.' }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional()
      .openapi({ description: 'Language of the invitation (default nl).', example: 'nl' }),
    occurredAt: z.iso.datetime({ offset: true }).openapi({ description: 'When the contact happened.' }),
    externalId: z.string().min(1).max(200).optional().openapi({
      description: 'Your id of the moment: a retry with the same id is answered, not stored again.',
    }),
  })
  .strict()
  .openapi('ContactMomentInput')

const ResultSchema = z
  .object({
    id: z.uuid().openapi({ description: 'Id of the contact moment.' }),
    invitation: z.object({
      status: z
        .enum([
          'planned',
          'not_sampled',
          'duplicate',
          'opted_out',
          'suppressed',
          'sent',
          'reminded',
          'bounced',
          'started',
          'completed',
          'expired',
        ])
        .openapi({
          description:
            'planned, or the decision against inviting: not_sampled, duplicate (case already invited), opted_out, suppressed (invited recently). A replay answers the current status.',
        }),
      sendAt: z
        .string()
        .optional()
        .openapi({ format: 'date-time', description: 'When the invitation goes out.' }),
    }),
  })
  .openapi('ContactMoment')

const createRouteDef = createRoute({
  method: 'post',
  path: '/organisations/{slug}/contact-moments',
  operationId: 'createContactMoment',
  tags: ['invitations'],
  summary: 'Record a contact moment and plan the invitation by the survey’s rules',
  description:
    'Stores the contact moment and the invitation decision in one transaction. Needs the admin or analyst role.',
  security: [{ session: [] }],
  request: {
    params: z.object({ slug: Slug }),
    body: { required: true, content: { 'application/json': { schema: ContactMomentSchema } } },
  },
  responses: withVersionHeader({
    201: { description: 'Recorded.', content: { 'application/json': { schema: ResultSchema } } },
    200: {
      description: 'A contact moment with this externalId was recorded before; its decision.',
      content: { 'application/json': { schema: ResultSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 415),
  }),
})

/** Routes of the invitations API. `secret` is SESSION_SECRET (the instance key is derived from it). */
export function invitationApi(db: Kysely<Database>, options: { secret?: string; now?: () => Date } = {}) {
  const app = apiRouter<AppEnv>()
  const calendar = dutchWorkingDays()
  app.use('/organisations/:slug/contact-moments', requireJson())
  app.openapi(createRouteDef, async (c) => {
    const body = c.req.valid('json')
    requireStaff(c)
    const org = requireOrganisation(c)
    authorizeInvitations(org.role, 'contact-moments.create')
    const result = await recordContactMoment(
      db,
      {
        organisationId: org.id,
        // A staff member's account, or the API key of a system client.
        actor: requestActor(c),
        requestId: c.get('requestId'),
      },
      {
        surveyId: body.survey,
        product: body.product,
        channel: body.channel,
        caseReference: body.caseReference,
        contact: body.contact,
        language: body.language,
        occurredAt: new Date(body.occurredAt),
        externalId: body.externalId,
        source: 'api',
      },
      { key: await invitationKey(db, options.secret), calendar, now: options.now?.() ?? new Date() },
    )
    const invitation = {
      status: result.invitation.status,
      ...(result.invitation.sendAt ? { sendAt: result.invitation.sendAt.toISOString() } : {}),
    }
    return c.json({ id: result.id, invitation }, result.created ? 201 : 200)
  })
  return app
}
