/** Staff login and logout pages, and the start page that sends staff to their organisation. */
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { authenticate } from './authenticate.ts'
import {
  checkCsrf,
  clearSessionCookie,
  requireStaff,
  type StaffDeps,
  setSessionCookie,
} from './middleware.ts'
import { LoginPage } from './pages/login-page.tsx'
import { createSession, destroySession } from './sessions.ts'

/** Only same-site relative paths are valid return addresses after login (no open redirect). */
function safeNext(next: unknown): string | undefined {
  return typeof next === 'string' && /^\/[a-z0-9/_-]*$/i.test(next) && !next.startsWith('//')
    ? next
    : undefined
}

/** Routes of the organisations capability. */
export function organisationRoutes(deps: StaffDeps) {
  const app = new Hono<AppEnv>()

  app.get('/', (c) => {
    const staff = c.get('staff')
    if (!staff) return c.redirect('/login', 303)
    const first = staff.memberships[0]
    return first
      ? c.redirect(`/o/${first.slug}`, 303)
      : c.html(
          <LoginPage
            errors={[{ field: 'email', message: 'Uw account hoort bij geen enkele organisatie.' }]}
          />,
          403,
        )
  })

  app.get('/login', (c) => c.html(<LoginPage next={safeNext(c.req.query('next'))} />))

  app.post('/login', async (c) => {
    const form = await c.req.parseBody()
    const email = typeof form.email === 'string' ? form.email.trim() : ''
    const password = typeof form.password === 'string' ? form.password : ''
    const next = safeNext(form.next)
    const errors = []
    if (!email) errors.push({ field: 'email', message: 'Vul uw e-mailadres in.' })
    if (!password) errors.push({ field: 'password', message: 'Vul uw wachtwoord in.' })
    if (errors.length) return c.html(<LoginPage errors={errors} email={email} next={next} />, 400)
    const accountId = await authenticate(deps.db, email, password)
    if (!accountId) {
      return c.html(
        <LoginPage
          errors={[{ field: 'email', message: 'Het e-mailadres of het wachtwoord klopt niet.' }]}
          email={email}
          next={next}
        />,
        401,
      )
    }
    const token = await createSession(
      deps.db,
      accountId,
      deps.ttlHours,
      c.req.header('user-agent'),
      c.get('requestId'),
    )
    await setSessionCookie(c, deps, token)
    return c.redirect(next ?? '/', 303)
  })

  app.post('/logout', async (c) => {
    const staff = requireStaff(c)
    const form = await c.req.parseBody()
    checkCsrf(staff, typeof form._csrf === 'string' ? form._csrf : null)
    await destroySession(deps.db, staff, c.get('requestId'))
    clearSessionCookie(c)
    return c.redirect('/login', 303)
  })

  return app
}
