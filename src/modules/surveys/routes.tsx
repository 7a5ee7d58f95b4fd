/**
 * Public pages of a survey: the form (GET/POST /s/:key) and the thank-you page, plus the abuse protection
 * of every public survey endpoint (rate limits, honeypot, minimum fill time; docs/abuse-protection.md).
 */
import type { Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { type RateLimiter, rateLimit } from '../../platform/http/rate-limit.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { droppedSubmissionCounts, type FormGuardOptions, formGuard } from './bot-guard.ts'
import { respondRoutes } from './respond-routes.tsx'

/** Options of the survey pages: the bot checks' secret, minimum fill time and clock. */
export type SurveyPageOptions = FormGuardOptions & {
  /** Days an unsent response is kept (PARTIAL_RESPONSE_RETENTION_DAYS), told on the "bewaard" page. */
  partialRetentionDays?: number
}

/** Routes of the public survey pages. */
export function surveyPageRoutes(db: Kysely<Database>, options: SurveyPageOptions = {}) {
  return respondRoutes(db, formGuard(options), { partialRetentionDays: options.partialRetentionDays })
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
