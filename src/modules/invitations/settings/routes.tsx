/**
 * Staff settings of invitations (administrators: permission `organisation.manage`):
 * - GET        /o/:slug/uitnodigingen/instellingen            rules per survey, sender, opt-out count
 * - GET, POST  /o/:slug/uitnodigingen/instellingen/:survey    a survey's rule; with ?product=CODE the rule
 *                                                              for that product of the survey
 * - POST       /o/:slug/uitnodigingen/instellingen/:survey/product-verwijderen?product=CODE
 *                                                              remove a product rule (the survey's applies)
 * - GET, POST  /o/:slug/uitnodigingen/afzender                the mail sender name and Reply-To
 * - GET, POST  /o/:slug/uitnodigingen/afmeldingen             look up, opt out, withdraw an opt-out
 * Handlers: validate → load (scoped to the organisation) → authorize → use case → present. A save
 * redirects (303) to the overview; the opt-out page answers in place so the address never goes into a URL.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import { NotFoundError } from '../../../platform/errors.ts'
import type { FieldError } from '../../../platform/web/layout.tsx'
import type { AppEnv } from '../../app-env.ts'
import type { Database } from '../../database.ts'
import { authorize, checkCsrf, requireOrganisation, requireStaff } from '../../organisations/index.ts'
import { DEFAULT_RULE } from '../default-rule.ts'
import { invitationKey } from '../keys.ts'
import { loadMailSender, parseMailSender, saveMailSender } from './mail-sender.ts'
import { countOptOuts, lookUpPerson, optOutByStaff, personOf, withdrawOptOut } from './opt-outs.ts'
import { OptOutPage } from './pages/opt-out-page.tsx'
import { RulePage } from './pages/rule-page.tsx'
import { SenderPage } from './pages/sender-page.tsx'
import { SettingsPage } from './pages/settings-page.tsx'
import { parseRuleForm, readRuleForm, ruleToForm } from './rule-form.ts'
import {
  deleteProductRule,
  listProducts,
  listSurveyRules,
  loadSurveyRule,
  updateSurveyRule,
} from './rules.ts'

const SAVED: Record<string, string> = {
  regels: 'De regels zijn opgeslagen. Ze gelden voor nieuwe contactmomenten.',
  verwijderd: 'De regels voor het product zijn verwijderd. De regels van de vragenlijst gelden weer.',
  afzender: 'De afzender is opgeslagen. De volgende uitnodigingen gebruiken hem.',
}

/** Routes of the invitation settings; `secret` is SESSION_SECRET (the invitation key is derived from it). */
export function invitationSettingsPages(db: Kysely<Database>, options: { secret?: string } = {}) {
  const app = new Hono<AppEnv>()
  app.use('/o/:slug/uitnodigingen/instellingen', loginFirst)
  app.use('/o/:slug/uitnodigingen/instellingen/*', loginFirst)
  app.use('/o/:slug/uitnodigingen/afzender', loginFirst)
  app.use('/o/:slug/uitnodigingen/afmeldingen', loginFirst)

  const admin = (c: Context<AppEnv>) => {
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorize(org.role, 'organisation.manage')
    return {
      staff,
      org,
      ctx: {
        organisationId: org.id,
        actor: { type: 'account' as const, id: staff.accountId },
        requestId: c.get('requestId'),
      },
    }
  }
  const posted = async (c: Context<AppEnv>) => {
    const staff = requireStaff(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, typeof body._csrf === 'string' ? body._csrf : undefined)
    return { body, ...admin(c) }
  }

  app.get('/o/:slug/uitnodigingen/instellingen', async (c) => {
    const { staff, org } = admin(c)
    return c.html(
      <SettingsPage
        organisation={org}
        staff={staff}
        surveys={await listSurveyRules(db, org.id)}
        sender={await loadMailSender(db, org.id)}
        optOuts={await countOptOuts(db, org.id)}
        saved={SAVED[c.req.query('opgeslagen') ?? '']}
      />,
    )
  })

  /** The survey, the product of `?product=` (if any) and the rule to start the form from. */
  const target = async (c: Context<AppEnv>, organisationId: string) => {
    const found = await loadSurveyRule(db, organisationId, c.req.param('survey') ?? '')
    if (!found) throw new NotFoundError('Deze vragenlijst bestaat niet.')
    const products = await listProducts(db, organisationId)
    const code = c.req.query('product')
    const product = code ? products.find((p) => p.code === code) : undefined
    if (code && !product) throw new NotFoundError('Dit product bestaat niet.')
    const own = product ? found.productRules.find((r) => r.productId === product.id) : undefined
    return { found, products, product, own, start: own?.rule ?? found.rule ?? { ...DEFAULT_RULE } }
  }
  const rulePage = (
    c: Context<AppEnv>,
    a: ReturnType<typeof admin>,
    t: Awaited<ReturnType<typeof target>>,
    form: ReturnType<typeof ruleToForm>,
    errors: FieldError[],
  ) =>
    c.html(
      <RulePage
        organisation={a.org}
        staff={a.staff}
        survey={{ id: t.found.surveyId, title: t.found.title }}
        product={t.product ? { code: t.product.code, name: t.product.name, hasOwnRule: !!t.own } : undefined}
        products={t.products.map((p) => ({ code: p.code, name: p.name }))}
        form={form}
        errors={errors}
      />,
      errors.length ? 400 : 200,
    )

  app.get('/o/:slug/uitnodigingen/instellingen/:survey', async (c) => {
    const a = admin(c)
    const t = await target(c, a.org.id)
    return rulePage(c, a, t, ruleToForm(t.start), [])
  })

  app.post('/o/:slug/uitnodigingen/instellingen/:survey', async (c) => {
    const { body, ...a } = await posted(c)
    const form = readRuleForm(body)
    const parsed = parseRuleForm(form)
    const t = await target(c, a.org.id)
    if (!parsed.values) return rulePage(c, a, t, form, parsed.errors)
    await updateSurveyRule(db, a.ctx, t.found.surveyId, parsed.values, t.product?.id ?? null)
    return c.redirect(`/o/${a.org.slug}/uitnodigingen/instellingen?opgeslagen=regels`, 303)
  })

  app.post('/o/:slug/uitnodigingen/instellingen/:survey/product-verwijderen', async (c) => {
    const a = await posted(c)
    const t = await target(c, a.org.id)
    if (!t.product || !t.own) throw new NotFoundError('Dit product heeft geen eigen regels.')
    await deleteProductRule(db, a.ctx, t.found.surveyId, t.product.id)
    return c.redirect(`/o/${a.org.slug}/uitnodigingen/instellingen?opgeslagen=verwijderd`, 303)
  })

  app.get('/o/:slug/uitnodigingen/afzender', async (c) => {
    const { staff, org } = admin(c)
    const sender = await loadMailSender(db, org.id)
    return c.html(
      <SenderPage
        organisation={org}
        staff={staff}
        form={{ afzender: sender.senderName ?? '', antwoordadres: sender.replyTo ?? '' }}
        errors={[]}
      />,
    )
  })

  app.post('/o/:slug/uitnodigingen/afzender', async (c) => {
    const { body, staff, org, ctx } = await posted(c)
    const form = {
      afzender: typeof body.afzender === 'string' ? body.afzender : '',
      antwoordadres: typeof body.antwoordadres === 'string' ? body.antwoordadres : '',
    }
    const parsed = parseMailSender(form)
    if (!parsed.value)
      return c.html(<SenderPage organisation={org} staff={staff} form={form} errors={parsed.errors} />, 400)
    await saveMailSender(db, ctx, parsed.value)
    return c.redirect(`/o/${org.slug}/uitnodigingen/instellingen?opgeslagen=afzender`, 303)
  })

  app.get('/o/:slug/uitnodigingen/afmeldingen', async (c) => {
    const { staff, org } = admin(c)
    return c.html(
      <OptOutPage
        organisation={org}
        staff={staff}
        count={await countOptOuts(db, org.id)}
        address=""
        status={null}
        errors={[]}
      />,
    )
  })

  app.post('/o/:slug/uitnodigingen/afmeldingen', async (c) => {
    const { body, staff, org, ctx } = await posted(c)
    // The page shows what the person typed only in the field itself; the response must not be cached.
    c.header('cache-control', 'no-store')
    const address = typeof body.adres === 'string' ? body.adres.slice(0, 320) : ''
    const action = body.actie === 'afmelden' || body.actie === 'intrekken' ? body.actie : 'zoeken'
    const person = personOf(await invitationKey(db, options.secret), address)
    const page = async (
      status: Awaited<ReturnType<typeof lookUpPerson>> | null,
      errors: FieldError[],
      done?: string,
    ) =>
      c.html(
        <OptOutPage
          organisation={org}
          staff={staff}
          count={await countOptOuts(db, org.id)}
          address={address}
          status={status}
          errors={errors}
          done={done}
        />,
        errors.length ? 400 : 200,
      )
    if (!person)
      return page(null, [
        {
          field: 'adres',
          message: 'Vul een geldig e-mailadres of telefoonnummer in, bijvoorbeeld 06 12345678.',
        },
      ])
    let done: string | undefined
    if (action === 'afmelden') {
      await optOutByStaff(db, ctx, person)
      done = 'Deze persoon is afgemeld. Er gaan geen uitnodigingen meer naar toe.'
    } else if (action === 'intrekken') {
      await withdrawOptOut(db, ctx, person)
      done = 'De afmelding is ingetrokken. Deze persoon kan weer uitnodigingen krijgen.'
    }
    return page(await lookUpPerson(db, ctx, person), [], done)
  })
  return app
}

/** Staff pages send a visitor without a session to the login page, and back afterwards. */
const loginFirst: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('staff') && c.req.method === 'GET')
    return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
  await next()
}
