/**
 * Staff pages of the Common Ground link (administrators only, permission `organisation.manage`):
 * - GET  /o/:slug/koppelingen                               settings, abonnement, mappings, notifications
 * - POST /o/:slug/koppelingen                               save the settings
 * - POST /o/:slug/koppelingen/abonneren                     create (or renew) the abonnement
 * - POST /o/:slug/koppelingen/zaaktypen                     add a zaaktype → vragenlijst mapping
 * - POST /o/:slug/koppelingen/zaaktypen/:id/verwijderen     remove one
 * Forms work without JavaScript: a POST answers 303 back to the page, or the page with an error summary.
 * Handlers: validate (CSRF) → load (scoped to the organisation) → authorize → use case → present.
 */
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { WriteContext } from '../../platform/db/audit.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { FieldError } from '../../platform/web/layout.tsx'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import {
  authorize,
  checkCsrf,
  type OrganisationScope,
  requireOrganisation,
  requireStaff,
} from '../organisations/index.ts'
import type { StaffIdentity } from '../organisations/sessions.ts'
import { addMapping, removeMapping } from './mappings.ts'
import { LinksPage } from './pages/links-page.tsx'
import { subscribeErrorText } from './present.ts'
import { saveLink } from './save-link.ts'
import { sealingKey } from './secret-box.ts'
import { findLinkView, listMappings, mappingChoices, recentNotifications } from './store.ts'
import { callbackPath, SubscribeError, subscribe } from './subscribe.ts'

/** What the pages need besides the database. */
export interface CommonGroundPageOptions {
  /** PUBLIC_URL: the callback URL given to the Notificaties API is built on it. */
  publicUrl: string
  /** SESSION_SECRET (the sealing key is derived from the instance secret). */
  secret?: string
  fetch?: typeof fetch
}

const NOTICES: Record<string, string> = {
  opgeslagen: 'De instellingen zijn opgeslagen.',
  geabonneerd: 'Het abonnement is aangemaakt. Nieuwe statussen komen nu binnen.',
  toegevoegd: 'Het zaaktype is toegevoegd.',
  verwijderd: 'Het zaaktype is verwijderd.',
}

/** Routes of the Koppelingen page. */
export function commonGroundPages(db: Kysely<Database>, options: CommonGroundPageOptions) {
  const app = new Hono<AppEnv>()
  const key = () => sealingKey(db, options.secret)

  const render = async (
    c: Context<AppEnv>,
    org: OrganisationScope,
    staff: StaffIdentity,
    extra: { errors?: FieldError[]; form?: Record<string, string>; notice?: string; status?: 400 | 502 } = {},
  ) => {
    const [link, mappings, choices, notifications] = await Promise.all([
      findLinkView(db, org.id),
      listMappings(db, org.id),
      mappingChoices(db, org.id),
      recentNotifications(db, org.id),
    ])
    return c.html(
      <LinksPage
        organisation={org}
        staff={staff}
        link={link}
        callbackUrl={`${options.publicUrl}${callbackPath(org.slug)}`}
        mappings={mappings}
        choices={choices}
        notifications={notifications}
        errors={extra.errors}
        form={extra.form}
        notice={extra.notice}
      />,
      extra.status ?? 200,
    )
  }

  /** The staff member, CSRF-checked form fields, organisation and write context of an admin POST. */
  const adminPost = async (c: Context<AppEnv>) => {
    const staff = requireStaff(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, typeof body._csrf === 'string' ? body._csrf : undefined)
    const org = requireOrganisation(c)
    authorize(org.role, 'organisation.manage')
    const form: Record<string, string> = {}
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') form[k] = v
    const ctx: WriteContext = {
      organisationId: org.id,
      actor: { type: 'account', id: staff.accountId },
      requestId: c.get('requestId'),
    }
    return { staff, org, form, ctx }
  }

  const fieldErrors = (error: ValidationError): FieldError[] =>
    error.invalidParams.map((p) => ({ field: p.name, message: p.reason }))

  app.get('/o/:slug/koppelingen', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorize(org.role, 'organisation.manage')
    return render(c, org, staff, { notice: NOTICES[c.req.query('melding') ?? ''] })
  })

  app.post('/o/:slug/koppelingen', async (c) => {
    const { staff, org, form, ctx } = await adminPost(c)
    try {
      await saveLink(
        db,
        ctx,
        {
          notificatiesUrl: form.notificatiesUrl ?? '',
          zakenUrl: form.zakenUrl ?? '',
          clientId: form.clientId ?? '',
          clientSecret: form.clientSecret ?? '',
        },
        await key(),
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return render(c, org, staff, { errors: fieldErrors(error), form, status: 400 })
    }
    return c.redirect(`/o/${org.slug}/koppelingen?melding=opgeslagen`, 303)
  })

  app.post('/o/:slug/koppelingen/abonneren', async (c) => {
    const { staff, org, ctx } = await adminPost(c)
    if (!(await findLinkView(db, org.id))) {
      const errors = [{ field: 'notificatiesUrl', message: 'Sla eerst de instellingen op.' }]
      return render(c, org, staff, { errors, status: 400 })
    }
    try {
      await subscribe(db, ctx, {
        key: await key(),
        publicUrl: options.publicUrl,
        slug: org.slug,
        fetch: options.fetch,
      })
    } catch (error) {
      if (!(error instanceof SubscribeError)) throw error
      // The remote API refused or was down: 502, with the reason and a link to the settings.
      const errors = [{ field: 'notificatiesUrl', message: subscribeErrorText(error.code) }]
      return render(c, org, staff, { errors, status: 502 })
    }
    return c.redirect(`/o/${org.slug}/koppelingen?melding=geabonneerd`, 303)
  })

  app.post('/o/:slug/koppelingen/zaaktypen', async (c) => {
    const { staff, org, form, ctx } = await adminPost(c)
    try {
      await addMapping(db, ctx, {
        zaaktypeUrl: form.zaaktypeUrl ?? '',
        surveyId: form.surveyId ?? '',
        productId: form.productId ?? '',
        channelId: form.channelId ?? '',
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return render(c, org, staff, { errors: fieldErrors(error), form, status: 400 })
    }
    return c.redirect(`/o/${org.slug}/koppelingen?melding=toegevoegd`, 303)
  })

  app.post('/o/:slug/koppelingen/zaaktypen/:id/verwijderen', async (c) => {
    const { org, ctx } = await adminPost(c)
    await removeMapping(db, ctx, c.req.param('id'))
    return c.redirect(`/o/${org.slug}/koppelingen?melding=verwijderd`, 303)
  })

  return app
}
