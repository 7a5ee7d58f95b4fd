/**
 * Staff request handling: resolves the session cookie, loads the organisation named in the URL and the
 * caller's role in it, and checks the CSRF token on cookie-authenticated writes. On the JSON API the
 * caller may instead be a system client with an API key (api-keys/middleware.ts sets `c.var.apiKey`);
 * the helpers below then answer for the key, so API handlers work unchanged for both.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'
import type { Kysely } from 'kysely'
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import type { ApiKeyIdentity } from './api-keys/identity.ts'
import type { Role } from './schema.ts'
import { resolveSession, type StaffIdentity } from './sessions.ts'

export const SESSION_COOKIE = 'kb_session'

/** What staff routes need. */
export interface StaffDeps {
  db: Kysely<Database>
  secret: () => Promise<string>
  ttlHours: number
  secureCookies: boolean
}

/** The organisation a staff request works in, with the caller's role. */
export interface OrganisationScope {
  id: string
  slug: string
  name: string
  role: Role
}

/** Sets the session cookie (HttpOnly, SameSite=Lax, signed). */
export async function setSessionCookie(c: Context, deps: StaffDeps, token: string) {
  await setSignedCookie(c, SESSION_COOKIE, token, await deps.secret(), {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    path: '/',
    maxAge: deps.ttlHours * 3600,
  })
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

/** Reads the session, if any, into `c.var.staff`. */
export function loadStaff(deps: StaffDeps): MiddlewareHandler {
  return async (c, next) => {
    const token = await getSignedCookie(c, await deps.secret(), SESSION_COOKIE)
    if (token) {
      const staff = await resolveSession(deps.db, token, deps.ttlHours)
      if (staff) c.set('staff', staff)
    }
    await next()
  }
}

/**
 * The role an API key acts with in its organisation. The key's scopes narrow it further: the key
 * middleware lets a key call only the operations its scopes name (api-keys/scopes.ts).
 */
export const API_KEY_ROLE: Role = 'analyst'

/**
 * The caller as handlers see it: an API key is a system actor with one membership (its organisation,
 * API_KEY_ROLE) and no session or CSRF token. Its `accountId` is the key's id: handlers that write must
 * take the audit actor from `requestActor`, which says `api_key`, not from `accountId`.
 */
function apiKeyCaller(key: ApiKeyIdentity): StaffIdentity {
  return {
    sessionId: '',
    accountId: key.id,
    email: '',
    displayName: key.name,
    csrfToken: '',
    memberships: [
      { organisationId: key.organisationId, slug: key.slug, name: key.organisationName, role: API_KEY_ROLE },
    ],
  }
}

/** The logged-in staff member (or, on the API, the API key acting as a system caller) or an UnauthenticatedError. */
export function requireStaff(c: Context): StaffIdentity {
  const staff = c.get('staff') as StaffIdentity | undefined
  if (staff) return staff
  const key = c.get('apiKey') as ApiKeyIdentity | undefined
  if (key) return apiKeyCaller(key)
  throw new UnauthenticatedError()
}

/** The audit actor of a request: the API key (`api_key`, its id) or the staff member's account. */
export function requestActor(c: Context): { type: 'account' | 'api_key'; id: string } {
  const key = c.get('apiKey') as ApiKeyIdentity | undefined
  if (key) return { type: 'api_key', id: key.id }
  return { type: 'account', id: requireStaff(c).accountId }
}

/**
 * The organisation from the `:slug` route parameter, scoped to the caller's memberships. An unknown
 * slug and a slug of an organisation the caller is not a member of both answer 404 (no enumeration).
 */
export function requireOrganisation(c: Context): OrganisationScope {
  const staff = requireStaff(c)
  const slug = c.req.param('slug')
  const m = staff.memberships.find((x) => x.slug === slug)
  if (!m) throw new NotFoundError('Organisation not found.')
  return { id: m.organisationId, slug: m.slug, name: m.name, role: m.role }
}

/** Checks the session's CSRF token from a form field `_csrf` or the `x-csrf-token` header. */
export function checkCsrf(staff: StaffIdentity, provided: string | undefined | null) {
  if (!provided || provided !== staff.csrfToken)
    throw new ForbiddenError('The form has expired. Reload the page and try again.')
}
