/**
 * Staff pages of the CSV upload (roles admin and analyst, as the contact-moments API: policy.ts):
 * - GET  /o/:slug/uitnodigingen/contacten-uploaden       the form
 * - POST /o/:slug/uitnodigingen/contacten-uploaden       multipart: vragenlijst, bestand → result or 400
 * - GET  /o/:slug/uitnodigingen/voorbeeld-contacten.csv  the example file
 * The POST path is one of the large-body paths in src/main/http.ts (MAX_IMPORT_BODY_BYTES).
 * Handlers: validate → load (scoped to the organisation) → authorize → use case → present.
 */
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { dutchWorkingDays } from '../../../platform/calendar/index.ts'
import type { FieldError } from '../../../platform/web/layout.tsx'
import type { AppEnv } from '../../app-env.ts'
import type { Database } from '../../database.ts'
import { checkCsrf, requireOrganisation, requireStaff } from '../../organisations/index.ts'
import { invitationKey } from '../keys.ts'
import { authorizeInvitations } from '../policy.ts'
import { exampleContactCsv } from './example.ts'
import { UploadPage, UploadResultPage } from './pages/upload-page.tsx'
import { surveyAcceptsContacts, uploadContacts } from './upload-contacts.ts'
import type { RowProblem } from './validate-row.ts'

/** The path the large-body limit applies to (src/main/http.ts). */
export const CSV_UPLOAD_PATH = /^\/o\/[^/]+\/uitnodigingen\/contacten-uploaden$/

/** Options: SESSION_SECRET (for the invitation key), the body limit shown on the page, the clock. */
export interface CsvPageOptions {
  secret?: string
  maxBytes: number
  now?: () => Date
}

/** Routes of the CSV upload. */
export function invitationCsvPages(db: Kysely<Database>, options: CsvPageOptions) {
  const app = new Hono<AppEnv>()
  const calendar = dutchWorkingDays()
  const surveysOf = (organisationId: string) =>
    db
      .selectFrom('survey')
      .select(['id', 'title'])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .execute()

  app.get('/o/:slug/uitnodigingen/contacten-uploaden', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorizeInvitations(org.role, 'contact-moments.create')
    const surveys = await surveysOf(org.id)
    return c.html(
      <UploadPage
        organisation={org}
        staff={staff}
        surveys={surveys}
        surveyId={surveys[0]?.id ?? ''}
        errors={[]}
        problems={[]}
        problemCount={0}
        maxBytes={options.maxBytes}
      />,
    )
  })

  app.get('/o/:slug/uitnodigingen/voorbeeld-contacten.csv', (c) => {
    requireStaff(c)
    const org = requireOrganisation(c)
    authorizeInvitations(org.role, 'contact-moments.create')
    c.header('content-type', 'text/csv; charset=utf-8')
    c.header('content-disposition', 'attachment; filename="voorbeeld-contacten.csv"')
    return c.body(exampleContactCsv())
  })

  app.post('/o/:slug/uitnodigingen/contacten-uploaden', async (c) => {
    const staff = requireStaff(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, typeof body._csrf === 'string' ? body._csrf : undefined)
    const org = requireOrganisation(c)
    authorizeInvitations(org.role, 'contact-moments.create')
    const surveyId = typeof body.vragenlijst === 'string' ? body.vragenlijst : ''
    const file = body.bestand instanceof File && body.bestand.size > 0 ? body.bestand : null
    const errors: FieldError[] = []
    const surveys = await surveysOf(org.id)
    const survey = surveys.find((s) => s.id === surveyId)
    if (!survey || !(await surveyAcceptsContacts(db, org.id, surveyId)))
      errors.push({ field: 'vragenlijst', message: 'Kies een vragenlijst met regels voor uitnodigingen.' })
    if (!file) errors.push({ field: 'bestand', message: 'Kies een CSV-bestand.' })
    const page = (fieldErrors: FieldError[], problems: RowProblem[] = [], problemCount = 0) =>
      c.html(
        <UploadPage
          organisation={org}
          staff={staff}
          surveys={surveys}
          surveyId={surveyId}
          errors={fieldErrors}
          problems={problems}
          problemCount={problemCount}
          maxBytes={options.maxBytes}
        />,
        400,
      )
    if (errors.length || !file || !survey) return page(errors)
    const outcome = await uploadContacts(
      db,
      {
        organisationId: org.id,
        actor: { type: 'account', id: staff.accountId },
        requestId: c.get('requestId'),
      },
      surveyId,
      new Uint8Array(await file.arrayBuffer()),
      {
        key: await invitationKey(db, options.secret),
        calendar,
        now: options.now?.() ?? new Date(),
      },
    )
    if (!outcome.ok) return page([], outcome.problems, outcome.problemCount)
    return c.html(
      <UploadResultPage
        organisation={org}
        staff={staff}
        surveyTitle={survey.title}
        report={outcome.report}
      />,
    )
  })
  return app
}
