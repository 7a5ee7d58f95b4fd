/**
 * Public pages of a survey: the form (GET/POST /s/:key) and the thank-you page, plus the abuse protection
 * of every public survey endpoint (rate limits, honeypot, minimum fill time; docs/abuse-protection.md).
 */
import { randomBytes } from 'node:crypto'
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { type RateLimiter, rateLimit } from '../../platform/http/rate-limit.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { AnswersInvalidError, CASE_REFERENCE, submitResponse, validateAnswers } from '../responses/index.ts'
import {
  countDropped,
  droppedSubmissionCounts,
  type FormGuardOptions,
  formGuard,
  honeypotName,
  STARTED_FIELD,
} from './bot-guard.ts'
import { loadPublicSurvey } from './load-public-survey.ts'
import { SurveyPage, ThankYouPage } from './pages/survey-page.tsx'

const CHANNEL = /^[a-z0-9-]{1,40}$/

/** Options of the survey pages: the bot checks' secret, minimum fill time and clock. */
export type SurveyPageOptions = FormGuardOptions

/** Routes of the public survey pages. */
export function surveyPageRoutes(db: Kysely<Database>, options: SurveyPageOptions = {}) {
  const app = new Hono<AppEnv>()
  const guard = formGuard(options)
  const newSubmissionKey = () => randomBytes(16).toString('base64url')

  app.get('/s/:key', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const channel = c.req.query('kanaal')
    const zaak = c.req.query('zaak')
    return c.html(
      <SurveyPage
        survey={survey}
        submissionKey={newSubmissionKey()}
        started={await guard.issue(survey.surveyId)}
        honeypot={honeypotName(survey.questions.map((q) => q.code))}
        channel={channel && CHANNEL.test(channel) ? channel : undefined}
        caseReference={zaak && CASE_REFERENCE.test(zaak) ? zaak : undefined}
      />,
    )
  })

  app.post('/s/:key', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const form = await c.req.parseBody()
    const thanks = () => c.redirect(`/s/${survey.publicKey}/bedankt`, 303)
    const honeypot = honeypotName(survey.questions.map((q) => q.code))
    const trap = form[honeypot]
    if (typeof trap === 'string' && trap.trim() !== '') {
      // Only bots fill a field nobody can see or reach; answer like a success so they learn nothing.
      countDropped('honeypot')
      c.get('log')?.info({ reason: 'honeypot' }, 'public form post dropped')
      return thanks()
    }
    const answers: Record<string, string> = {}
    for (const q of survey.questions) {
      const v = form[q.code]
      if (typeof v === 'string') answers[q.code] = v
    }
    const key =
      typeof form._submission === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(form._submission)
        ? form._submission
        : null
    const channel =
      typeof form._channel === 'string' && CHANNEL.test(form._channel) ? form._channel : 'website'
    const caseReference =
      typeof form._zaak === 'string' && CASE_REFERENCE.test(form._zaak) ? form._zaak : null
    const started = form[STARTED_FIELD]
    // Only a post that would be stored is checked for speed: a person who presses "Versturen" at once on
    // an empty form must see the error summary, not a thank-you page.
    const valid = validateAnswers(survey.questions, answers, { rejectUnknown: false }).errors.length === 0
    if (valid && (await guard.tooFast(survey.surveyId, started))) {
      countDropped('too-fast')
      c.get('log')?.info({ reason: 'too-fast' }, 'public form post dropped')
      return thanks()
    }
    try {
      await submitResponse(db, survey, {
        answers,
        channel,
        submissionKey: key,
        caseReference,
        strict: false,
        requestId: c.get('requestId'),
      })
    } catch (error) {
      if (!(error instanceof AnswersInvalidError)) throw error
      // Keep the original start time: the person has been filling in since then, and fixing one answer
      // after the error summary can be quicker than the minimum fill time.
      const keepStarted =
        typeof started === 'string' && (await guard.elapsed(survey.surveyId, started)) !== null
      return c.html(
        <SurveyPage
          survey={survey}
          submissionKey={key ?? newSubmissionKey()}
          started={keepStarted ? started : await guard.issue(survey.surveyId)}
          honeypot={honeypot}
          channel={channel}
          caseReference={caseReference ?? undefined}
          values={answers}
          errors={error.answerErrors.map((e) => ({ field: e.field, message: e.nl }))}
        />,
        400,
      )
    }
    return thanks()
  })

  app.get('/s/:key/bedankt', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    return c.html(<ThankYouPage organisationName={survey.organisationName} />)
  })

  return app
}

/** Settings of the public endpoints' rate limits (all optional; defaults in docs/abuse-protection.md). */
export interface PublicLimitOptions {
  /** Page views (GET/HEAD under /s/) per client address per minute. Default 600; 0 turns the limit off. */
  pageViewsPerMinute?: number
  /** Submissions (form and API) per client address per survey per minute. Default 60; 0: off. */
  submissionsPerMinute?: number
  /** Believe X-Forwarded-For from this many reverse proxies of ours (0/false: never). */
  trustProxy?: boolean | number
  /** Buckets kept in memory per limiter. Default 10,000. */
  maxKeys?: number
  /** Clock in milliseconds; tests inject one. */
  now?: () => number
}

const limitedCounts = { pageViews: 0, submissions: 0 }

/** The survey key in /s/:key… and /api/v1/surveys/:publicKey/…, so each survey has its own budget. */
function surveyKeyOf(c: Context): string | undefined {
  return /^\/(?:s|api\/v1\/surveys)\/([^/]{1,64})/.exec(c.req.path)?.[1]
}

/**
 * Mounts the rate limits in front of the public survey endpoints. Call it on the root app BEFORE the
 * routes are mounted (Hono runs handlers in registration order). Returns the limiters for their stats.
 */
export function limitPublicSurveyEndpoints(
  app: Pick<Hono<AppEnv>, 'use'>,
  options: PublicLimitOptions = {},
): { pageViews: RateLimiter | null; submissions: RateLimiter | null } {
  const shared = { trustProxy: options.trustProxy, maxKeys: options.maxKeys, now: options.now }
  const pageViewLimit = options.pageViewsPerMinute ?? 600
  const submissionLimit = options.submissionsPerMinute ?? 60
  const pageViews =
    pageViewLimit > 0
      ? rateLimit({
          ...shared,
          limit: pageViewLimit,
          windowMs: 60_000,
          methods: ['GET', 'HEAD'],
          onLimited: () => {
            limitedCounts.pageViews += 1
          },
        })
      : null
  // One limiter for the form and the API: both are "submissions to this survey from this address".
  const submissions =
    submissionLimit > 0
      ? rateLimit({
          ...shared,
          limit: submissionLimit,
          windowMs: 60_000,
          methods: ['POST'],
          scope: surveyKeyOf,
          onLimited: () => {
            limitedCounts.submissions += 1
          },
        })
      : null
  if (pageViews) app.use('/s/*', pageViews)
  if (submissions) {
    app.use('/s/*', submissions)
    app.use('/api/v1/surveys/*', submissions)
  }
  return { pageViews, submissions }
}

/**
 * Counters of the abuse protection since the process started, for /metrics: requests refused by a rate
 * limit, and form posts answered as a success but dropped (honeypot filled, or posted too fast).
 */
export function publicAbuseCounts() {
  return { rateLimited: { ...limitedCounts }, dropped: droppedSubmissionCounts() }
}
