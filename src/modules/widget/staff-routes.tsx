/**
 * Staff pages of the website widget:
 * - GET  /o/:slug/widget                   surveys and whether the widget can show them
 * - POST /o/:slug/widget/paginafeedback    create and publish the survey "Paginafeedback"
 * - GET  /o/:slug/widget/:id               the embed code of one survey
 * Every staff role may read (like the QR page); creating a survey needs `surveys.edit`.
 */
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { WriteContext } from '../../platform/db/audit.ts'
import { NotFoundError } from '../../platform/errors.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { checkCsrf, requireOrganisation, requireStaff } from '../organisations/index.ts'
import {
  authorizeSurvey,
  canSurvey,
  findSurvey,
  findVersion,
  listSurveys,
  type SurveySummary,
} from '../surveys/index.ts'
import { widgetShape } from './calc/widget-shape.ts'
import { createPageFeedbackSurvey } from './create-page-feedback-survey.ts'
import { type WidgetCandidate, WidgetEmbedPage, WidgetListPage } from './pages/widget-pages.tsx'
import { WIDGET_CHANNEL } from './record-answer.ts'

const NO_CHANNEL = 'Uw organisatie heeft geen kanaal met de code "website". De widget slaat dat kanaal op.'

/** Routes of the staff widget pages; `publicUrl` is where people reach Klankbord (PUBLIC_URL). */
export function widgetStaffPages(db: Kysely<Database>, publicUrl: string) {
  const app = new Hono<AppEnv>()

  function scope(c: Context<AppEnv>) {
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorizeSurvey(org.role, 'surveys.read')
    return { staff, org }
  }

  /** Whether the widget can show a survey: its published definition and the organisation's channel. */
  async function candidate(organisationId: string, s: SurveySummary, hasChannel: boolean) {
    const version = s.publishedVersion
      ? await findVersion(db, organisationId, s.id, s.publishedVersion)
      : null
    const shape = version ? widgetShape(version.definition) : null
    const problems = shape && !shape.ok ? [...shape.problems] : []
    if (!hasChannel) problems.push(NO_CHANNEL)
    const c: WidgetCandidate = {
      id: s.id,
      title: s.title,
      publicKey: s.publicKey,
      published: !!version,
      problems,
    }
    return c
  }

  async function hasWebsiteChannel(organisationId: string) {
    const row = await db
      .selectFrom('channel')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('code', '=', WIDGET_CHANNEL)
      .executeTakeFirst()
    return !!row
  }

  app.get('/o/:slug/widget', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const { staff, org } = scope(c)
    const [surveys, channel] = await Promise.all([listSurveys(db, org.id), hasWebsiteChannel(org.id)])
    const candidates = await Promise.all(surveys.map((s) => candidate(org.id, s, channel)))
    return c.html(
      <WidgetListPage
        organisation={org}
        staff={staff}
        surveys={candidates}
        canCreate={canSurvey(org.role, 'surveys.edit')}
      />,
    )
  })

  app.post('/o/:slug/widget/paginafeedback', async (c) => {
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    const form = await c.req.parseBody()
    checkCsrf(staff, typeof form._csrf === 'string' ? form._csrf : undefined)
    authorizeSurvey(org.role, 'surveys.edit')
    const ctx: WriteContext = {
      organisationId: org.id,
      actor: { type: 'account', id: staff.accountId },
      requestId: c.get('requestId'),
    }
    const id = await createPageFeedbackSurvey(db, ctx)
    return c.redirect(`/o/${org.slug}/widget/${id}`, 303)
  })

  app.get('/o/:slug/widget/:id', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const { staff, org } = scope(c)
    const survey = await findSurvey(db, org.id, c.req.param('id'))
    if (!survey) throw new NotFoundError()
    const s = await candidate(org.id, survey, await hasWebsiteChannel(org.id))
    return c.html(<WidgetEmbedPage organisation={org} staff={staff} survey={s} publicUrl={publicUrl} />)
  })
  return app
}
