/**
 * What the tablet talks to (docs/channels-kiosk.md):
 * - GET  /kiosk/:token            the kiosk page (smileys, reasons, "Bedankt"; works without JavaScript)
 * - POST /kiosk/:token            the same flow as plain form posts, without JavaScript (online only)
 * - POST /kiosk/antwoorden        JSON: one or a batch of queued answers, device token as Bearer token
 * - GET  /kiosk/static/:hash/:name  the kiosk's script and stylesheet
 * The device token authenticates; no staff session is involved. Pages send `Cache-Control: no-store`
 * because the token is in their address; the platform's `Referrer-Policy: same-origin` keeps it from
 * other sites. (`no-referrer` would make Chromium send `Origin: null` on the form posts, which the
 * origin guard rightly refuses.)
 */
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import {
  AppError,
  invalidParamsFromZod,
  toProblem,
  UnauthenticatedError,
  ValidationError,
} from '../../platform/errors.ts'
import { rateLimit } from '../../platform/http/rate-limit.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { mountKioskAssets } from './assets.ts'
import { MOODS, type Mood, reasonsFor } from './calc/kiosk-question.ts'
import {
  KioskClosedPage,
  KioskPage,
  KioskReasonsPage,
  KioskThanksPage,
  type KioskView,
} from './pages/kiosk-page.tsx'
import { type DeviceKiosk, findKioskByToken, touchKiosk } from './store.ts'
import { kioskSurvey, storeKioskAnswers } from './store-answers.ts'
import { hashDeviceToken } from './tokens.ts'

/** Largest batch one post may carry; the tablet sends its queue in chunks of this size. */
export const MAX_BATCH = 50

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

const Batch = z
  .object({
    answers: z
      .array(
        z
          .object({
            id: z.string().regex(UUID, 'must be a UUID'),
            answeredAt: z.iso.datetime({ offset: true }),
            smiley: z.enum(MOODS),
            reason: z
              .string()
              .regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be a reason code')
              .nullable()
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_BATCH),
  })
  .strict()

class GoneError extends AppError {
  constructor() {
    super(410, 'gone', 'Gone', 'This kiosk was revoked.')
  }
}

/** Options: `postsPerMinute` per kiosk and address (0 = off), proxy trust and a clock for tests. */
export interface KioskRouteOptions {
  postsPerMinute: number
  trustProxy?: boolean | number
  now?: () => Date
}

/** Routes of the tablet. */
export function kioskRoutes(db: Kysely<Database>, options: KioskRouteOptions) {
  const app = new Hono<AppEnv>()
  const now = options.now ?? (() => new Date())
  mountKioskAssets(app)

  // The device token is in the page's address: keep it out of caches.
  app.use('/kiosk/*', async (c, next) => {
    await next()
    if (!c.req.path.startsWith('/kiosk/static/')) c.header('Cache-Control', 'no-store')
  })

  /** The kiosk of the path's token and what its pages show, or the page that says why not. */
  async function view(c: Context<AppEnv>) {
    const kiosk = await findKioskByToken(db, c.req.param('token') ?? '')
    if (!kiosk) return { closed: c.html(<KioskClosedPage reason="unknown" />, 404) }
    if (kiosk.revokedAt) return { closed: c.html(<KioskClosedPage reason="revoked" />, 410) }
    try {
      const { survey, question } = await kioskSurvey(db, kiosk)
      await touchKiosk(db, kiosk, now())
      const v: KioskView = {
        token: c.req.param('token') ?? '',
        kioskId: kiosk.id,
        place: kiosk.place,
        organisationName: survey.organisationName,
        question,
        resetSeconds: kiosk.resetSeconds,
        themeHref: survey.themeHref,
      }
      return { kiosk, v }
    } catch {
      c.header('retry-after', '60')
      return { closed: c.html(<KioskClosedPage reason="unavailable" />, 503) }
    }
  }

  if (options.postsPerMinute > 0) {
    // Per address, whatever token is sent: made-up tokens must not each get a fresh bucket. Generous,
    // because one office network may have several kiosks behind one address.
    app.use(
      '/kiosk/*',
      rateLimit({
        limit: options.postsPerMinute * 10,
        windowMs: 60_000,
        methods: ['POST'],
        trustProxy: options.trustProxy,
        scope: () => 'kiosk address',
      }),
    )
    // Per kiosk: a tablet sends a few posts a minute; a flood means a stolen token or a broken client.
    app.use(
      '/kiosk/*',
      rateLimit({
        limit: options.postsPerMinute,
        windowMs: 60_000,
        methods: ['POST'],
        trustProxy: options.trustProxy,
        scope: (c) => {
          const token = bearer(c) ?? c.req.path.split('/')[2] ?? ''
          return `kiosk ${hashDeviceToken(token).slice(0, 16)}`
        },
      }),
    )
  }

  app.post('/kiosk/antwoorden', async (c) => {
    try {
      const token = bearer(c)
      const kiosk = token ? await findKioskByToken(db, token) : null
      if (!kiosk) throw new UnauthenticatedError('Send the device token of a kiosk as a Bearer token.')
      if (kiosk.revokedAt) throw new GoneError()
      if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? ''))
        throw new AppError(415, 'unsupported-media-type', 'Unsupported media type', 'Send application/json.')
      let raw: unknown
      try {
        raw = await c.req.json()
      } catch {
        throw new ValidationError([{ name: '(body)', reason: 'is not valid JSON' }])
      }
      const parsed = Batch.safeParse(raw)
      if (!parsed.success) throw new ValidationError(invalidParamsFromZod(parsed.error.issues))
      const results = await storeKioskAnswers(
        db,
        kiosk,
        parsed.data.answers.map((a) => ({
          id: a.id.toLowerCase(),
          answeredAt: new Date(a.answeredAt),
          smiley: a.smiley,
          reason: a.reason ?? null,
        })),
        { now: now(), requestId: c.get('requestId') },
      )
      await touchKiosk(db, kiosk, now())
      return c.json({ results }, 200, { 'cache-control': 'no-store' })
    } catch (error) {
      // Always problem+json here, whatever the Accept header: the only client is the kiosk script.
      if (!(error instanceof AppError)) c.get('log')?.error({ err: error }, 'kiosk answers failed')
      const problem = toProblem(error, c.req.path)
      return c.body(JSON.stringify(problem), problem.status as 400, {
        'content-type': 'application/problem+json',
        'cache-control': 'no-store',
      })
    }
  })

  app.get('/kiosk/:token{[A-Za-z0-9_-]{43}}', async (c) => {
    const r = await view(c)
    if (r.closed) return r.closed
    return c.html(<KioskPage {...r.v} key={crypto.randomUUID()} />)
  })

  app.post('/kiosk/:token{[A-Za-z0-9_-]{43}}', async (c) => {
    const r = await view(c)
    if (r.closed) return r.closed
    const body = await c.req.parseBody()
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '')
    // The key of the rendered form: posting the same form twice (a double tap) stores one response.
    const key = UUID.test(field('sleutel')) ? field('sleutel').toLowerCase() : crypto.randomUUID()
    const mood = field('gezicht') as Mood
    if (!MOODS.includes(mood))
      return c.html(<KioskPage {...r.v} key={key} error="Kies een van de gezichtjes." />, 400)
    if (field('stap') !== 'reden' && reasonsFor(r.v.question, mood).length > 0)
      return c.html(<KioskReasonsPage {...r.v} key={key} mood={mood} />)
    try {
      await storeKioskAnswers(
        db,
        r.kiosk,
        [{ id: key, answeredAt: now(), smiley: mood, reason: field('reden') || null }],
        { now: now(), requestId: c.get('requestId') },
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return c.html(
        <KioskPage
          {...r.v}
          key={crypto.randomUUID()}
          error="Dat antwoord konden wij niet opslaan. Kies opnieuw."
        />,
        400,
      )
    }
    // Back to the start for the next person; a header, not <meta refresh>: see decision 0015.
    c.header('refresh', `${r.v.resetSeconds}; url=/kiosk/${r.v.token}`)
    return c.html(<KioskThanksPage {...r.v} />)
  })

  return app
}

/** The Bearer token of the request, if any. */
function bearer(c: Context): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(c.req.header('authorization') ?? '')
  return m?.[1] ?? null
}

export type { DeviceKiosk }
