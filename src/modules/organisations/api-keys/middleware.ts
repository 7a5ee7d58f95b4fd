/**
 * Authentication of system clients on /api/v1/organisations/*: `Authorization: Bearer kb_live_…`
 * (any bearer token that starts with `kb_` is taken as a Klankbord key).
 * A request with a key is judged by the key alone (a session cookie that came along is ignored, so no
 * CSRF token is needed either); it acts as the key, a system actor of the key's organisation, with only
 * the key's scopes:
 * - missing, malformed, unknown, revoked or expired token → 401 with `WWW-Authenticate: Bearer …`;
 * - the path names another organisation → 404, as for staff who are not a member (no enumeration);
 * - the operation needs a scope the key lacks, or is not open to keys at all → 403.
 * Every other 401 under this path (no session, no key) also gets the challenge, as RFC 9110 asks.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { AppError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../platform/errors.ts'
import { respondError } from '../../../platform/http/problem.ts'
import type { AppEnv } from '../../app-env.ts'
import type { OrganisationTables } from '../schema.ts'
import { authenticateApiKey } from './authenticate-api-key.ts'
import type { ApiKeyTables } from './schema.ts'
import { requiredScope } from './scopes.ts'

const REALM = 'Bearer realm="klankbord"'

const REASONS = {
  malformed: 'The bearer token is not a well-formed Klankbord API key.',
  unknown: 'The API key is not valid.',
  revoked: 'The API key has been revoked.',
  expired: 'The API key has expired.',
} as const

/** An error answer with a WWW-Authenticate header (RFC 6750 section 3). */
async function refuse(c: Context, error: AppError, challenge: string) {
  const res = await respondError(c, error)
  res.headers.set('WWW-Authenticate', challenge)
  return res
}

/** The slug in /api/v1/organisations/{slug}/…, or undefined. */
function pathSlug(path: string) {
  return /^\/api\/v1\/organisations\/([^/]+)/.exec(path)?.[1]
}

/** Middleware for /api/v1/organisations/*, after loadStaff and before the CSRF check. */
export function loadApiKey(db: Kysely<ApiKeyTables & OrganisationTables>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    // Only Klankbord keys are judged here: other bearer tokens (the ZGW notification callback checks its
    // own abonnement token) pass on to their route, and without any credentials the route answers 401.
    if (!/^Bearer\s+kb_/i.test(header)) {
      await next()
      if (c.res.status === 401 && !c.res.headers.has('WWW-Authenticate'))
        c.res.headers.set('WWW-Authenticate', REALM)
      return
    }
    c.set('staff', undefined)
    const token = /^Bearer +(\S+) *$/i.exec(header)?.[1]
    const check = token ? await authenticateApiKey(db, token) : ({ ok: false, reason: 'malformed' } as const)
    if (!check.ok) {
      c.get('log')?.info({ reason: check.reason }, 'api key refused')
      const description = REASONS[check.reason]
      return refuse(
        c,
        new UnauthenticatedError(description),
        `${REALM}, error="invalid_token", error_description="${description.replaceAll('"', "'")}"`,
      )
    }
    const key = check.key
    if (pathSlug(c.req.path) !== key.slug)
      return respondError(c, new NotFoundError('Organisation not found.'))
    const scope = requiredScope(c.req.method, c.req.path.slice('/api/v1'.length))
    if (!scope) return respondError(c, new ForbiddenError('API keys cannot be used for this operation.'))
    if (!key.scopes.includes(scope))
      return refuse(
        c,
        new ForbiddenError(`This API key lacks the scope ${scope}.`),
        `${REALM}, error="insufficient_scope", scope="${scope}"`,
      )
    c.get('log')?.info({ apiKey: key.id, scope }, 'api key accepted')
    c.set('apiKey', key)
    await next()
  }
}
