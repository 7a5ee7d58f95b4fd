/**
 * Staff page of invitations:
 * - GET /o/:slug/uitnodigingen?van=YYYY-MM-DD&tot=YYYY-MM-DD — counts per channel and product for the
 *   period (default: the last 30 days up to today, Amsterdam dates) and the newest invitations.
 * Every staff role may read it: it holds no personal data (stats.ts). Handlers: validate → load
 * (scoped to the organisation) → authorize → present.
 */
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { addDays, atLocalTime, localDateOf } from '../../platform/calendar/index.ts'
import type { FieldError } from '../../platform/web/layout.tsx'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { requireOrganisation, requireStaff } from '../organisations/index.ts'
import { InvitationsPage } from './pages/invitations-page.tsx'
import { invitationGroups, invitationLog } from './stats.ts'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date as typed, or null when it is not a real date. */
function validDate(s: string): string | null {
  if (!DATE.test(s)) return null
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null
}

/** Routes of the staff invitation page; `now` is the clock (tests inject one). */
export function invitationStaffPages(db: Kysely<Database>, options: { now?: () => Date } = {}) {
  const app = new Hono<AppEnv>()
  app.get('/o/:slug/uitnodigingen', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    const today = localDateOf(options.now?.() ?? new Date())
    const period = { from: c.req.query('van') ?? addDays(today, -29), to: c.req.query('tot') ?? today }
    const errors: FieldError[] = []
    const from = validDate(period.from)
    const to = validDate(period.to)
    if (!from) errors.push({ field: 'van', message: 'Vul een datum in, bijvoorbeeld 2026-11-01.' })
    if (!to) errors.push({ field: 'tot', message: 'Vul een datum in, bijvoorbeeld 2026-11-30.' })
    if (from && to && from > to)
      errors.push({ field: 'tot', message: 'Deze datum ligt vóór de datum bij "Van".' })
    const groups =
      from && to && errors.length === 0
        ? await invitationGroups(db, org.id, atLocalTime(from, '00:00'), atLocalTime(addDays(to, 1), '00:00'))
        : []
    return c.html(
      <InvitationsPage
        organisation={org}
        staff={staff}
        period={period}
        groups={groups}
        log={await invitationLog(db, org.id)}
        errors={errors}
      />,
      errors.length ? 400 : 200,
    )
  })
  return app
}
