/**
 * Staff pages of a survey's QR code (docs/channels-qr.md):
 * - GET /o/:slug/vragenlijsten/:id/qr        the page: choose channel and place, see and download the code
 * - GET /o/:slug/vragenlijsten/:id/qr.svg    the code as SVG (?kanaal=&locatie=)
 * - GET /o/:slug/vragenlijsten/:id/qr.png    the code as PNG
 * The code always points at the published version's public link. Handlers: validate → load (scoped to
 * the organisation) → authorize → build → present.
 */
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { NotFoundError, ValidationError } from '../../platform/errors.ts'
import type { FieldError } from '../../platform/web/layout.tsx'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { requireOrganisation, requireStaff } from '../organisations/index.ts'
import { QrPage } from './pages/qr-page.tsx'
import { authorizeSurvey } from './policy.ts'
import { qrPng, qrSvg } from './qr/qr-code.ts'
import { type LinkContext, surveyLink } from './qr/survey-link.ts'
import { findSurvey, findVersion } from './versions/store.ts'

const Query = z.object({
  kanaal: z.string().trim().max(40).optional(),
  // Printed on paper and read by a phone: a place name, no control characters.
  locatie: z
    .string()
    .trim()
    .max(100, 'Gebruik hoogstens 100 tekens.')
    .regex(/^[^\p{Cc}]*$/u, 'Gebruik alleen gewone tekens.')
    .optional(),
})

/** Routes of the QR pages; `publicUrl` is where people reach Klankbord (PUBLIC_URL). */
export function surveyQrPages(db: Kysely<Database>, publicUrl: string) {
  const app = new Hono<AppEnv>()

  /** Loads the survey and checks the query; `errors` instead of an exception, so the page can show them. */
  async function load(c: Context<AppEnv>) {
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorizeSurvey(org.role, 'surveys.read')
    const survey = await findSurvey(db, org.id, c.req.param('id') ?? '')
    if (!survey) throw new NotFoundError()
    const channels = await db
      .selectFrom('channel')
      .select(['code', 'name'])
      .where('organisation_id', '=', org.id)
      .orderBy('name')
      .execute()
    // What was typed is always shown back, also when it is wrong: bad input loses nothing.
    const values: LinkContext = {
      channel: c.req.query('kanaal')?.trim() || undefined,
      touchpoint: c.req.query('locatie')?.trim() || undefined,
    }
    const parsed = Query.safeParse(c.req.query())
    const errors: FieldError[] = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }))
    if (values.channel && !channels.some((ch) => ch.code === values.channel))
      errors.push({ field: 'kanaal', message: 'Kies een kanaal uit de lijst.' })
    const version = survey.publishedVersion
      ? await findVersion(db, org.id, survey.id, survey.publishedVersion)
      : null
    const link =
      version && errors.length === 0
        ? surveyLink(publicUrl, survey.publicKey, version.definition.hidden, values)
        : null
    return { staff, org, survey, channels, values, link, errors }
  }

  app.get('/o/:slug/vragenlijsten/:id/qr', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const page = await load(c)
    const asked = c.req.query('kanaal') !== undefined || c.req.query('locatie') !== undefined
    const query = new URLSearchParams({
      ...(page.values.channel ? { kanaal: page.values.channel } : {}),
      ...(page.values.touchpoint ? { locatie: page.values.touchpoint } : {}),
    }).toString()
    return c.html(
      <QrPage
        organisation={page.org}
        staff={page.staff}
        survey={page.survey}
        channels={page.channels}
        values={page.values}
        link={asked ? page.link : null}
        query={query}
        errors={page.errors}
      />,
      page.errors.length ? 400 : 200,
    )
  })

  for (const format of ['svg', 'png'] as const) {
    app.get(`/o/:slug/vragenlijsten/:id/qr.${format}`, async (c) => {
      const page = await load(c)
      if (page.errors.length)
        throw new ValidationError(page.errors.map((e) => ({ name: e.field, reason: e.message })))
      if (!page.link) throw new NotFoundError('This survey has no published version yet.')
      const headers = { 'cache-control': 'private, max-age=300' }
      if (format === 'svg')
        return c.body(await qrSvg(page.link.url), 200, { ...headers, 'content-type': 'image/svg+xml' })
      return c.body(new Uint8Array(await qrPng(page.link.url)), 200, {
        ...headers,
        'content-type': 'image/png',
      })
    })
  }
  return app
}
