/**
 * Cross-site request forgery guard for every unsafe method, whatever the content type (Hono's `csrf()`
 * only checks form posts). A browser always sends `Sec-Fetch-Site` or `Origin` on cross-site writes;
 * when either says the request came from another site it is refused. Requests without those headers
 * come from non-browser clients (curl, integrations), which cannot carry a victim's cookies anyway.
 * Cookie-authenticated writes are additionally bound to the session's CSRF token (see sessions).
 */
import type { MiddlewareHandler } from 'hono'
import { ForbiddenError } from '../errors.ts'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The one exception: the website widget posts from the sites that embed it (src/modules/widget). These two
 * JSON endpoints read no cookies and no session, so a cross-site post cannot act for anyone.
 */
const CROSS_SITE_POSTS = /^\/widget\/v1\/[A-Za-z0-9_-]{1,64}\/(?:responses|follow-up)$/

/** Middleware that refuses cross-site unsafe requests. */
export function originGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method) && !(c.req.method === 'POST' && CROSS_SITE_POSTS.test(c.req.path))) {
      const site = c.req.header('sec-fetch-site')
      if (site && site !== 'same-origin' && site !== 'none')
        throw new ForbiddenError('Cross-site request refused.')
      const origin = c.req.header('origin')
      if (origin && origin !== 'null') {
        const host = c.req.header('host')
        let originHost = ''
        try {
          originHost = new URL(origin).host
        } catch {
          throw new ForbiddenError('Malformed Origin header.')
        }
        if (host && originHost !== host) throw new ForbiddenError('Cross-site request refused.')
      } else if (origin === 'null') {
        throw new ForbiddenError('Cross-site request refused.')
      }
    }
    await next()
  }
}
