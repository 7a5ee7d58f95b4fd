/**
 * The callback of the Notificaties API 1.0 (mounted under /api/v1):
 * - POST /organisations/{slug}/notifications — a notification (schema Message of the Notificaties API
 *   1.0) with `Authorization: Bearer <token of the abonnement>`; answers 204 once it is stored
 *   (receive-notification.ts).
 * The token is checked before the body (middleware), so an unauthenticated caller learns nothing about
 * the body rules. No staff session and no CSRF token: the Notificaties API is a system without cookies.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import { apiRouter, problemResponses, requireJson, withVersionHeader } from '../../platform/http/openapi.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { Slug } from '../organisations/index.ts'
import { authenticateCallback, receiveNotification } from './receive-notification.ts'

const Kenmerk = z.string().min(1).max(1000)

const MessageSchema = z
  .object({
    kanaal: z.string().min(1).max(50).openapi({ description: 'Name of the kanaal.', example: 'zaken' }),
    hoofdObject: z.url().openapi({ description: 'URL of the main object (the zaak).' }),
    resource: z.string().min(1).max(100).openapi({ description: 'Resource name.', example: 'status' }),
    resourceUrl: z.url().openapi({ description: 'URL of the resource (the status).' }),
    actie: z.string().min(1).max(100).openapi({ description: 'Action.', example: 'create' }),
    aanmaakdatum: z.iso
      .datetime({ offset: true, local: true })
      .openapi({ description: 'When the action took place.' }),
    kenmerken: z
      .record(z.string(), Kenmerk)
      .optional()
      .openapi({ description: 'Kenmerken of the notification (for zaken: bronorganisatie, zaaktype, …).' }),
  })
  .openapi('Notification', {
    description: 'A notification as the Notificaties API 1.0 delivers it (schema Message).',
  })

const receiveRoute = createRoute({
  method: 'post',
  path: '/organisations/{slug}/notifications',
  operationId: 'receiveNotification',
  tags: ['common-ground'],
  summary: 'Receive a notification from the Notificaties API (callback of the abonnement)',
  description:
    'Stores a notification of kanaal zaken about a new status, to plan an invitation when the zaak is closed. Other notifications are acknowledged and not stored. The same notification twice is stored once.',
  security: [{ notificationToken: [] }],
  request: {
    params: z.object({ slug: Slug }),
    body: { required: true, content: { 'application/json': { schema: MessageSchema } } },
  },
  responses: withVersionHeader({
    204: { description: 'Received (stored when relevant).' },
    ...problemResponses(400, 401, 415),
  }),
})

const organisationOf = new WeakMap<Request, string>()

/** Routes of the callback. */
export function commonGroundApi(db: Kysely<Database>) {
  const app = apiRouter<AppEnv>()
  app.openAPIRegistry.registerComponent('securitySchemes', 'notificationToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token Klankbord gave the Notificaties API as `auth` when subscribing.',
  })
  app.use('/organisations/:slug/notifications', async (c, next) => {
    if (c.req.method === 'POST')
      organisationOf.set(
        c.req.raw,
        await authenticateCallback(db, c.req.param('slug'), c.req.header('authorization')),
      )
    await next()
  })
  app.use('/organisations/:slug/notifications', requireJson())
  app.openapi(receiveRoute, async (c) => {
    const message = c.req.valid('json')
    const organisationId = organisationOf.get(c.req.raw) as string
    await receiveNotification(db, organisationId, message, c.get('requestId'))
    return c.body(null, 204)
  })
  return app
}
