/**
 * Staff pages of surveys:
 * - GET  /o/:slug/vragenlijsten                    the list, "new" and "import"
 * - POST /o/:slug/vragenlijsten/nieuw              a new survey from the standard questions (a draft)
 * - POST /o/:slug/vragenlijsten/importeren         import a file (multipart) as a new draft, with the report
 * - GET  /o/:slug/vragenlijsten/:id                versions and the editor of the draft
 * - POST /o/:slug/vragenlijsten/:id/concept        open | save | up:i | down:i | delete:i | add | add-core |
 *                                                  json | publish; core links dropped by the save come back
 *                                                  to the GET as ?lokaal=… notices (editor/core-notice-query.ts)
 * - GET  /o/:slug/vragenlijsten/:id/voorbeeld      the draft as a respondent sees it (?scherm=, ?taal=)
 * Handlers: validate → load (scoped to the organisation) → authorize → use case → present.
 */
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { WriteContext } from '../../platform/db/audit.ts'
import { NotFoundError, ValidationError } from '../../platform/errors.ts'
import type { FieldError } from '../../platform/web/layout.tsx'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { checkCsrf, requireOrganisation, requireStaff } from '../organisations/index.ts'
import type { CoreLinkNotice } from './definition/core-links.ts'
import { visibleQuestions } from './definition/logic.ts'
import { SurveyDefinition } from './definition/schema.ts'
import { nextScreen, previousScreen, progressOf, screensOf } from './definition/screens.ts'
import { standardDefinition } from './definition/standard.ts'
import { applyEditorForm } from './editor/apply-form.ts'
import { coreNoticesFromQuery, coreNoticesToQuery } from './editor/core-notice-query.ts'
import { logicFieldFor } from './editor/logic-field-for.ts'
import { previewCarry, previewLogic } from './editor/preview-answers.ts'
import { SurveyFileError } from './import/report.ts'
import { previewSurvey } from './load-public-survey.ts'
import { SurveyEditorPage, SurveyListPage } from './pages/editor-page.tsx'
import { ImportReportPage } from './pages/import-report-page.tsx'
import { SurveyPage, ThankYouPage } from './pages/survey-page.tsx'
import { authorizeSurvey, canSurvey } from './policy.ts'
import { isLastScreen } from './respond-state.ts'
import { createSurvey } from './versions/create-survey.ts'
import { importSurvey } from './versions/import-survey.ts'
import { publishSurveyDraft } from './versions/publish-draft.ts'
import { openDraft, saveDraft } from './versions/save-draft.ts'
import { findDraft, findSurvey, listSurveys, listVersions } from './versions/store.ts'

/** Maps a definition path (pages.0.questions.3.text.nl) to the editor field that shows it. */
function fieldFor(def: SurveyDefinition | null, path: string): string {
  const logic = logicFieldFor(def, path)
  if (logic) return logic
  const m = /^pages\.(\d+)\.questions\.(\d+)\.(\w+)/.exec(path)
  if (m && def) {
    const before = def.pages.slice(0, Number(m[1])).reduce((n, p) => n + p.questions.length, 0)
    const i = before + Number(m[2])
    return m[3] === 'options' ? `q${i}-options` : `q${i}-text`
  }
  if (path.startsWith('title')) return 'title'
  return 'json'
}

/** The CSRF field of a parsed body (a file upload field is never a token). */
function csrfOf(body: Record<string, unknown>): string | undefined {
  return typeof body._csrf === 'string' ? body._csrf : undefined
}

/** Routes of the staff survey pages. */
export function surveyEditorPages(db: Kysely<Database>) {
  const app = new Hono<AppEnv>()

  function staffContext(c: Context<AppEnv>) {
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    const ctx: WriteContext = {
      organisationId: org.id,
      actor: { type: 'account', id: staff.accountId },
      requestId: c.get('requestId'),
    }
    return { staff, org, ctx }
  }

  async function editorPage(
    c: Context<AppEnv>,
    surveyId: string,
    extra: {
      errors?: FieldError[]
      definition?: SurveyDefinition | null
      notice?: string
      coreNotices?: CoreLinkNotice[]
    } = {},
    status: 200 | 400 = 200,
  ) {
    const { staff, org } = staffContext(c)
    const survey = await findSurvey(db, org.id, surveyId)
    if (!survey) throw new NotFoundError()
    const [versions, draft] = await Promise.all([
      listVersions(db, org.id, survey.id),
      findDraft(db, org.id, survey.id),
    ])
    return c.html(
      <SurveyEditorPage
        organisation={org}
        staff={staff}
        survey={survey}
        versions={versions}
        draft={draft}
        definition={extra.definition ?? draft?.definition ?? null}
        csrf={staff.csrfToken}
        canEdit={canSurvey(org.role, 'surveys.edit')}
        errors={extra.errors}
        notice={extra.notice}
        coreNotices={extra.coreNotices}
      />,
      status,
    )
  }

  app.get('/o/:slug/vragenlijsten', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const { staff, org } = staffContext(c)
    authorizeSurvey(org.role, 'surveys.read')
    return c.html(
      <SurveyListPage
        organisation={org}
        staff={staff}
        surveys={await listSurveys(db, org.id)}
        csrf={staff.csrfToken}
        canEdit={canSurvey(org.role, 'surveys.edit')}
      />,
    )
  })

  app.post('/o/:slug/vragenlijsten/nieuw', async (c) => {
    const { staff, org, ctx } = staffContext(c)
    checkCsrf(staff, csrfOf(await c.req.parseBody()))
    authorizeSurvey(org.role, 'surveys.edit')
    const def = { ...standardDefinition(), title: { nl: 'Nieuwe vragenlijst' } }
    const created = await createSurvey(db, ctx, { definition: def, origin: 'template:standard' })
    return c.redirect(`/o/${org.slug}/vragenlijsten/${created.id}`, 303)
  })

  app.post('/o/:slug/vragenlijsten/importeren', async (c) => {
    const { staff, org, ctx } = staffContext(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, csrfOf(body))
    authorizeSurvey(org.role, 'surveys.edit')
    const file = body.bestand
    const render = (error: string | null, result?: Awaited<ReturnType<typeof importSurvey>>) =>
      c.html(
        <ImportReportPage organisation={org} staff={staff} error={error} result={result} />,
        error ? 400 : 200,
      )
    if (!(file instanceof File) || file.size === 0) return render('Kies een bestand om te importeren.')
    try {
      const result = await importSurvey(db, ctx, {
        bytes: Buffer.from(await file.arrayBuffer()),
        name: file.name,
      })
      return render(null, result)
    } catch (error) {
      if (error instanceof SurveyFileError)
        return render(`Dit bestand kan niet worden geïmporteerd: ${error.message}`)
      throw error
    }
  })

  app.get('/o/:slug/vragenlijsten/:id', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    authorizeSurvey(requireOrganisation(c).role, 'surveys.read')
    const notice =
      c.req.query('gepubliceerd') === '1'
        ? 'De vragenlijst is gepubliceerd.'
        : c.req.query('opgeslagen') === '1'
          ? 'Het concept is opgeslagen.'
          : undefined
    const coreNotices = coreNoticesFromQuery(c.req.queries('lokaal'))
    return editorPage(c, c.req.param('id'), { notice, coreNotices })
  })

  app.post('/o/:slug/vragenlijsten/:id/concept', async (c) => {
    const { staff, org, ctx } = staffContext(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, csrfOf(body))
    authorizeSurvey(org.role, 'surveys.edit')
    const survey = await findSurvey(db, org.id, c.req.param('id'))
    if (!survey) throw new NotFoundError()
    const form: Record<string, string> = {}
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') form[k] = v
    const base = `/o/${org.slug}/vragenlijsten/${survey.id}`
    const draft = await openDraft(db, ctx, survey.id)
    if (form._action === 'open') return c.redirect(base, 303)
    const publish = form._action === 'publish'
    const edited = applyEditorForm(draft.definition, publish ? { ...form, _action: 'save' } : form)
    let coreNotices: CoreLinkNotice[] = []
    try {
      if (edited && typeof edited === 'object' && '__invalidJson' in edited)
        throw new ValidationError([
          { name: 'json', reason: `Dit is geen geldige JSON: ${String(edited.__invalidJson)}` },
        ])
      coreNotices = (await saveDraft(db, ctx, survey.id, edited)).coreNotices
      if (publish) await publishSurveyDraft(db, ctx, survey.id)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const parsed = SurveyDefinition.safeParse(edited)
      const shown = parsed.success ? parsed.data : draft.definition
      const errors = error.invalidParams.map((p) => ({
        field: fieldFor(shown, p.name),
        message: `${p.name}: ${p.reason}`,
      }))
      return editorPage(c, survey.id, { errors, definition: shown }, 400)
    }
    const lokaal = coreNoticesToQuery(coreNotices)
    return c.redirect(`${base}?${publish ? 'gepubliceerd' : 'opgeslagen'}=1${lokaal}`, 303)
  })

  app.get('/o/:slug/vragenlijsten/:id/voorbeeld', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const { org } = staffContext(c)
    authorizeSurvey(org.role, 'surveys.read')
    const survey = await findSurvey(db, org.id, c.req.param('id'))
    const version = survey?.draftVersion ?? survey?.publishedVersion
    if (!survey || !version) throw new NotFoundError()
    const preview = await previewSurvey(db, org.id, survey.id, version)
    const lang = preview.definition.languages.includes(c.req.query('taal') ?? '')
      ? (c.req.query('taal') as string)
      : 'nl'
    const screens = screensOf(preview.definition, 'voorbeeld')
    // Logic works on the answers typed in the preview itself, as for a respondent (preview-answers.ts).
    const query = c.req.queries()
    const visible = visibleQuestions(preview.definition, previewLogic(preview.definition, query))
    const asked = Math.min(Math.max(Number(c.req.query('scherm')) || 0, 0), screens.length - 1)
    const shows = (i: number) => screens[i]?.questions.some((q) => visible.has(q.code)) ?? false
    const index = shows(asked) ? asked : nextScreen(screens, asked, visible)
    // Nothing left to show with these answers: a respondent would have sent the survey here.
    if (index === null) return c.html(<ThankYouPage survey={preview} lang={lang} />)
    const screen = screens[index]
    if (!screen) throw new NotFoundError()
    const hasNext = !isLastScreen(screens, index, visible)
    const path = `/o/${org.slug}/vragenlijsten/${survey.id}/voorbeeld`
    return c.html(
      <SurveyPage
        survey={preview}
        lang={lang}
        screen={screen}
        visible={visible}
        progress={progressOf(screens, index, visible)}
        action={path}
        isFirst={index === 0}
        isLast={!hasNext}
        previewNav={{
          prev: previousScreen(screens, index, visible),
          next: hasNext ? index + 1 : null,
          carry: previewCarry(preview.definition, query, screen.questions),
        }}
        languageLinks={preview.definition.languages.map((l) => ({
          lang: l,
          href: `${path}?scherm=${index}&taal=${l}`,
        }))}
      />,
    )
  })

  return app
}
