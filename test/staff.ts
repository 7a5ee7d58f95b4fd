/** Staff over HTTP in tests: a logged-in session with its CSRF token, and posting a form as a browser does. */
import assert from 'node:assert/strict'
import { login } from './factories.ts'

/** A logged-in staff member's session cookie and the CSRF token that every staff form must carry. */
export interface StaffSession {
  cookie: string
  csrf: string
}

/** Logs in over HTTP and reads the session's CSRF token from the form on a staff page (`csrfPage`). */
export async function staffSession(baseUrl: string, email: string, csrfPage: string): Promise<StaffSession> {
  const { cookie } = await login(baseUrl, email)
  const html = await (await fetch(`${baseUrl}${csrfPage}`, { headers: { cookie } })).text()
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  assert.ok(csrf, `no CSRF token on ${csrfPage}`)
  return { cookie, csrf }
}

/**
 * Posts form fields to `path` as `who` (with the session's CSRF token), or anonymously for null, and
 * does not follow a redirect, so a test sees the 303 and where it points.
 */
export async function postForm(
  baseUrl: string,
  path: string,
  who: StaffSession | null,
  fields: Record<string, string>,
) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: who ? { cookie: who.cookie } : {},
    body: new URLSearchParams({ ...(who ? { _csrf: who.csrf } : {}), ...fields }),
    redirect: 'manual',
  })
  return { status: res.status, location: res.headers.get('location') ?? '', html: await res.text() }
}

const apiCookies = new Map<string, string>()

/**
 * GETs `/api/v1/organisations/${path}` as the staff member with `email`, logged in on first use and
 * the session kept for later calls, or without a session for null.
 */
export async function getOrganisationApi(baseUrl: string, path: string, email: string | null) {
  const headers: Record<string, string> = {}
  if (email) {
    let cookie = apiCookies.get(`${baseUrl} ${email}`)
    if (!cookie) {
      cookie = (await login(baseUrl, email)).cookie
      apiCookies.set(`${baseUrl} ${email}`, cookie)
    }
    headers.cookie = cookie
  }
  return fetch(`${baseUrl}/api/v1/organisations/${path}`, { headers })
}

/** Asserts that an API answer has this status and is an application/problem+json error. */
export function assertProblem(res: Response, status: number) {
  assert.equal(res.status, status)
  assert.equal(res.headers.get('content-type'), 'application/problem+json')
}
