/**
 * Staff request handling: resolves the session cookie, loads the organisation named in the URL and the
 * caller's role in it, and checks the CSRF token on cookie-authenticated writes.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'
import type { Kysely } from 'kysely'
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
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

/** The logged-in staff member or an UnauthenticatedError. */
export function requireStaff(c: Context): StaffIdentity {
  const staff = c.get('staff') as StaffIdentity | undefined
  if (!staff) throw new UnauthenticatedError()
  return staff
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
