/**
 * Public endpoints of the website widget (docs/channels-widget.md):
 * - GET  /widget.js                     the script that webteams embed with one <script> tag
 * - GET  /widget/v1/:publicKey          what the widget shows: the question in the page's language
 * - POST /widget/v1/:publicKey/responses  the "Ja"/"Nee", stored at once (idempotent by `key`)
 * - POST /widget/v1/:publicKey/follow-up  the dialog's answers, added to the same response
 *
 * Other sites call these from the browser, so they answer CORS for any origin, without credentials:
 * they read and set no cookies, and carry nothing a foreign page could steal (decision 0014). The
 * origin guard lets exactly these two POST paths through. They are rate-limited like the other public
 * survey endpoints and always answer errors as application/problem+json, which the script reads.
 */
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { AppError, invalidParamsFromZod, toProblem, ValidationError } from '../../platform/errors.ts'
import { acceptsGzip } from '../../platform/http/gzip.ts'
import { requireJson } from '../../platform/http/openapi.ts'
import { rateLimit } from '../../platform/http/rate-limit.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { responseLanguage } from '../responses/index.ts'
import { loadPublicSurvey } from '../surveys/index.ts'
import { addWidgetFollowUp } from './add-follow-up.ts'
import { followUpAfter } from './calc/widget-shape.ts'
import { recordWidgetAnswer, requireWidgetSurvey } from './record-answer.ts'
import { widgetScript } from './script.ts'

/** Rate limits of the widget endpoints; the same settings as the other public survey endpoints. */
export interface WidgetLimits {
  /** GETs of the widget's question per client address per minute; 0: off. Default 600. */
  pageViewsPerMinute?: number
  /** Answers and follow-ups per client address per survey per minute; 0: off. Default 60. */
  submissionsPerMinute?: number
  trustProxy?: boolean | number
  now?: () => number
}

/** The widget's key: random per page view, made by the script (at least 128 bits). */
const Key = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, '22–64 characters: letters, digits, _ or -')
const Language = z.string().regex(/^[a-z]{2,3}$/, 'a two- or three-letter language code')

const AnswerBody = z
  .object({
    key: Key,
    useful: z.boolean(),
    page: z.string().min(1).max(2000),
    language: Language.optional(),
  })
  .strict()

const FollowUpBody = z
  .object({
    key: Key,
    answers: z.record(z.string().max(64), z.string().max(10_000)),
  })
  .strict()

const text = (t: Record<string, string> | undefined, lang: string) => (t ? (t[lang] ?? t.nl ?? null) : null)

/** Parses a JSON body against a schema; every problem at once as a 400. */
async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new ValidationError(
      [{ name: '(body)', reason: 'must be a JSON object' }],
      'The body is not valid JSON.',
    )
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new ValidationError(invalidParamsFromZod(parsed.error.issues))
  return parsed.data
}

/** Routes of the widget's public endpoints. */
export function widgetRoutes(db: Kysely<Database>, limits: WidgetLimits = {}) {
  const app = new Hono<AppEnv>()

  app.get('/widget.js', (c) => {
    const script = widgetScript()
    const headers = {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      etag: script.etag,
      vary: 'Accept-Encoding',
      // Also loadable with crossorigin="anonymous" (for Subresource Integrity on the host page).
      'access-control-allow-origin': '*',
    }
    if (c.req.header('if-none-match') === script.etag) return c.body(null, 304, headers)
    const gzip = acceptsGzip(c.req.header('accept-encoding'))
    return c.body(new Uint8Array(gzip ? script.gzipped : script.body), 200, {
      ...headers,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    })
  })

  // CORS first, so that refusals below (429, 400, 404) still reach the script as readable answers.
  app.use(
    '/widget/v1/*',
    cors({ origin: '*', allowMethods: ['GET', 'POST'], allowHeaders: ['Content-Type'], maxAge: 600 }),
  )
  const shared = { trustProxy: limits.trustProxy, now: limits.now }
  const views = limits.pageViewsPerMinute ?? 600
  const posts = limits.submissionsPerMinute ?? 60
  if (views > 0)
    app.use(
      '/widget/v1/*',
      rateLimit({ ...shared, limit: views, windowMs: 60_000, methods: ['GET', 'HEAD'] }),
    )
  if (posts > 0)
    app.use(
      '/widget/v1/*',
      rateLimit({
        ...shared,
        limit: posts,
        windowMs: 60_000,
        methods: ['POST'],
        scope: (c) => /^\/widget\/v1\/([^/]{1,64})/.exec(c.req.path)?.[1],
      }),
    )
  app.use('/widget/v1/*', requireJson())

  app.get('/widget/v1/:publicKey', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('publicKey'))
    const shape = requireWidgetSurvey(survey)
    const lang = responseLanguage(survey, c.req.query('lang'))
    return c.json(
      {
        language: lang,
        question: text(shape.question.text, lang),
        thanks: text(survey.definition.thanks, lang),
      },
      200,
      { 'cache-control': 'public, max-age=300' },
    )
  })

  app.post('/widget/v1/:publicKey/responses', async (c) => {
    const input = await body(c, AnswerBody)
    const survey = await loadPublicSurvey(db, c.req.param('publicKey'))
    const shape = requireWidgetSurvey(survey)
    const result = await recordWidgetAnswer(db, survey, { ...input, requestId: c.get('requestId') })
    const followUp = followUpAfter(survey.definition, shape, result.useful).map((q) => ({
      code: q.code,
      text: text(q.text, result.language),
      help: text(q.help, result.language),
      maxLength: q.maxLength,
      rows: q.rows,
    }))
    return c.json({ created: result.created, followUp }, result.created ? 201 : 200)
  })

  app.post('/widget/v1/:publicKey/follow-up', async (c) => {
    const input = await body(c, FollowUpBody)
    const survey = await loadPublicSurvey(db, c.req.param('publicKey'))
    const result = await addWidgetFollowUp(db, survey, { ...input, requestId: c.get('requestId') })
    return c.json(result, 200)
  })

  // The script reads every refusal as problem+json, whatever Accept header the browser sent.
  app.onError((error, c) => {
    if (!(error instanceof AppError)) c.get('log')?.error({ err: error }, 'unhandled error')
    const problem = toProblem(error, c.req.path)
    return c.body(JSON.stringify(problem), problem.status as 400, {
      'content-type': 'application/problem+json',
    })
  })
  return app
}
