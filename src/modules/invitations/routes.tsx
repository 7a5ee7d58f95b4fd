/**
 * Public routes of invitations:
 * - GET /i/{token} — the survey link: valid → 303 to the survey with the invitation context; used or
 *   expired → 410 with a friendly page; unknown → 404;
 * - GET /afmelden/{token} — the opt-out question (one button);
 * - POST /afmelden/{token} — opt out: the button, or a mail program's one-click POST with the body
 *   `List-Unsubscribe=One-Click` (RFC 8058), which never asks anything else.
 */
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { invitationKey } from './keys.ts'
import { openInvitationLink } from './open-link.ts'
import { findOptOut, optOut } from './opt-out.ts'
import { LinkGonePage, LinkUnknownPage, OptOutDonePage, OptOutPage } from './pages/link-pages.tsx'

/** Options: SESSION_SECRET (the instance key derives from it) and a clock for tests. */
export interface InvitationPageOptions {
  secret?: string
  now?: () => Date
}

/** Routes of the public invitation pages. */
export function invitationPages(db: Kysely<Database>, options: InvitationPageOptions = {}) {
  const app = new Hono<AppEnv>()
  const now = () => options.now?.() ?? new Date()
  // Links in mails must not leak to third parties through Referer, nor be cached by proxies.
  app.use('/i/*', async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
  })
  // The opt-out page keeps the default same-origin policy: under no-referrer Chromium sends `Origin: null`
  // with the form post, which the origin guard refuses. Same-origin never sends the token to other sites.
  app.use('/afmelden/*', async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })

  app.get('/i/:token', async (c) => {
    const outcome = await openInvitationLink(db, c.req.param('token'), now())
    if (outcome.kind === 'unknown') return c.html(<LinkUnknownPage />, 404)
    if (outcome.kind !== 'open')
      return c.html(<LinkGonePage kind={outcome.kind} organisationName={outcome.organisationName} />, 410)
    return c.redirect(`/s/${outcome.publicKey}?${new URLSearchParams(outcome.query).toString()}`, 303)
  })

  app.get('/afmelden/:token', async (c) => {
    const token = c.req.param('token')
    const found = await findOptOut(db, await invitationKey(db, options.secret), token)
    if (!found) return c.html(<LinkUnknownPage />, 404)
    return c.html(<OptOutPage organisationName={found.organisationName} action={`/afmelden/${token}`} />)
  })

  app.post('/afmelden/:token', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const oneClick = form['List-Unsubscribe'] === 'One-Click'
    const done = await optOut(
      db,
      await invitationKey(db, options.secret),
      c.req.param('token'),
      oneClick ? 'one_click' : 'link',
      now(),
    )
    if (!done) return c.html(<LinkUnknownPage />, 404)
    return c.html(<OptOutDonePage organisationName={done.organisationName} />)
  })
  return app
}
