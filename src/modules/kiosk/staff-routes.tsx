/**
 * Staff pages of kiosks (docs/channels-kiosk.md):
 * - GET  /o/:slug/kiosken                  the kiosks of the organisation and the form for a new one
 * - POST /o/:slug/kiosken                  make a kiosk; the answer shows its link ONCE
 * - POST /o/:slug/kiosken/:id/intrekken    turn a kiosk off
 * Handlers: validate → load (scoped to the organisation) → authorize → use case → present.
 */
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { ValidationError } from '../../platform/errors.ts'
import type { FieldError } from '../../platform/web/layout.tsx'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { checkCsrf, requireOrganisation, requireStaff } from '../organisations/index.ts'
import { createKiosk } from './create-kiosk.ts'
import { type KioskForm, KiosksPage } from './pages/kiosks-page.tsx'
import { authorizeKiosk, canKiosk } from './policy.ts'
import { revokeKiosk } from './revoke-kiosk.ts'
import { channelChoices, kioskSurveys, listKiosks } from './store.ts'

export const DEFAULT_RESET_SECONDS = 10

const Form = z.object({
  vragenlijst: z.string().min(1, 'Kies een vragenlijst.'),
  // Shown on the tablet and stored on every response: a place name, no control characters.
  plek: z
    .string()
    .trim()
    .min(1, 'Vul de plek in, bijvoorbeeld: Stadskantoor, balie 3.')
    .max(100, 'Gebruik hoogstens 100 tekens.')
    .regex(/^[^\p{Cc}]*$/u, 'Gebruik alleen gewone tekens.'),
  kanaal: z.string().min(1, 'Kies een kanaal.'),
  seconden: z.coerce
    .number({ error: 'Vul een getal in.' })
    .int('Vul een heel getal in.')
    .min(3, 'Kies minstens 3 seconden.')
    .max(300, 'Kies hoogstens 300 seconden.'),
})

/** Routes of the staff kiosk pages; `publicUrl` is where tablets reach Klankbord (PUBLIC_URL). */
export function kioskStaffPages(db: Kysely<Database>, publicUrl: string) {
  const app = new Hono<AppEnv>()

  async function render(
    c: Context<AppEnv>,
    extra: { form?: KioskForm; errors?: FieldError[]; created?: { url: string; place: string } },
    status: 200 | 400 = 200,
  ) {
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    const [kiosks, surveys, channels] = await Promise.all([
      listKiosks(db, org.id),
      kioskSurveys(db, org.id),
      channelChoices(db, org.id),
    ])
    if (extra.created) c.header('cache-control', 'no-store')
    return c.html(
      <KiosksPage
        organisation={org}
        staff={staff}
        kiosks={kiosks}
        surveys={surveys}
        channels={channels}
        canManage={canKiosk(org.role, 'kiosks.manage')}
        form={
          extra.form ?? {
            vragenlijst: surveys[0]?.id ?? '',
            plek: '',
            kanaal: channels.some((ch) => ch.code === 'balie') ? 'balie' : (channels[0]?.code ?? ''),
            seconden: String(DEFAULT_RESET_SECONDS),
          }
        }
        errors={extra.errors ?? []}
        created={extra.created}
        revoked={c.req.query('ingetrokken') === '1'}
      />,
      status,
    )
  }

  app.get('/o/:slug/kiosken', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    authorizeKiosk(requireOrganisation(c).role, 'kiosks.read')
    return render(c, {})
  })

  app.post('/o/:slug/kiosken', async (c) => {
    const staff = requireStaff(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, typeof body._csrf === 'string' ? body._csrf : undefined)
    const org = requireOrganisation(c)
    authorizeKiosk(org.role, 'kiosks.manage')
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
    // What was typed is shown back when something is wrong: bad input loses nothing.
    const form: KioskForm = {
      vragenlijst: str('vragenlijst'),
      plek: str('plek'),
      kanaal: str('kanaal'),
      seconden: str('seconden'),
    }
    const parsed = Form.safeParse(form)
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }))
      return render(c, { form, errors: firstPerField(errors) }, 400)
    }
    try {
      const { token } = await createKiosk(
        db,
        {
          organisationId: org.id,
          actor: { type: 'account', id: staff.accountId },
          requestId: c.get('requestId'),
        },
        {
          surveyId: parsed.data.vragenlijst,
          channelCode: parsed.data.kanaal,
          place: parsed.data.plek,
          resetSeconds: parsed.data.seconden,
        },
      )
      return render(c, {
        created: { url: `${publicUrl.replace(/\/$/, '')}/kiosk/${token}`, place: parsed.data.plek },
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const errors = error.invalidParams.map((p) => ({ field: p.name, message: p.reason }))
      return render(c, { form, errors }, 400)
    }
  })

  app.post('/o/:slug/kiosken/:id/intrekken', async (c) => {
    const staff = requireStaff(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, typeof body._csrf === 'string' ? body._csrf : undefined)
    const org = requireOrganisation(c)
    authorizeKiosk(org.role, 'kiosks.manage')
    await revokeKiosk(
      db,
      {
        organisationId: org.id,
        actor: { type: 'account', id: staff.accountId },
        requestId: c.get('requestId'),
      },
      c.req.param('id'),
    )
    return c.redirect(`/o/${org.slug}/kiosken?ingetrokken=1`, 303)
  })

  return app
}

/** One message per field (the first), in form order, so the summary does not repeat a field. */
function firstPerField(errors: FieldError[]): FieldError[] {
  const order = ['vragenlijst', 'plek', 'kanaal', 'seconden']
  return order.flatMap((f) => errors.find((e) => e.field === f) ?? [])
}
