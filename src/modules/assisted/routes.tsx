/**
 * Staff pages of the assisted channels (docs/channels-paper-and-interview.md):
 * - GET  /o/:slug/vragenlijsten/:id/papier            printable paper questionnaire (?aantal=&kanaal=&locatie=)
 * - GET  /o/:slug/vragenlijsten/:id/papier/invoeren   type in a paper form (?kanaal=&locatie=&opgeslagen=)
 * - POST /o/:slug/vragenlijsten/:id/papier/invoeren   store it (paper, refused for a form code entered before)
 * - GET  /o/:slug/vragenlijsten/:id/interview         fill in during a phone call or home visit
 * - POST /o/:slug/vragenlijsten/:id/interview         store it (interview)
 * - GET  /assets/assisted/:hash/paper.css             the screen and print style of the paper form
 * Handlers: validate → load (scoped to the organisation) → authorize → use case → present.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { type WriteContext } from '../../platform/db/audit.ts'
import { NotFoundError } from '../../platform/errors.ts'
import type { FieldError } from '../../platform/web/layout.tsx'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { checkCsrf, requireOrganisation, requireStaff } from '../organisations/index.ts'
import { answersFromForm, type FormBody } from '../surveys/form-values.ts'
import { findSurvey, loadPublicSurvey, type PublicSurvey } from '../surveys/index.ts'
import type { FieldValue } from '../surveys/pages/question-field.tsx'
import { surveyLink } from '../surveys/qr/survey-link.ts'
import { FORM_CODE_FIELD, readEntryFields } from './calc/entry-fields.ts'
import { entryPages } from './calc/entry-questions.ts'
import { formatFormCode, newFormCode, parseFormCode } from './calc/form-code.ts'
import { EntryPage } from './pages/entry-page.tsx'
import { PaperPage } from './pages/paper-page.tsx'
import { authorizeAssist, canAssist } from './policy.ts'
import {
  type AssistedMode,
  checkAssistedEntry,
  FormAlreadyEnteredError,
  recordAssistedResponse,
  touchpointField,
} from './record-assisted-response.ts'

const CSS = fs.readFileSync(new URL('./pages/paper.css', import.meta.url))
const CSS_HASH = createHash('sha256').update(CSS).digest('hex').slice(0, 12)
const CSS_HREF = `/assets/assisted/${CSS_HASH}/paper.css`

/** The channel a mode starts with, when the organisation has it. */
const DEFAULT_CHANNEL: Record<AssistedMode, string> = { paper: 'brief', interview: 'telefoon' }
const MAX_COPIES = 50
const CONTROL = /\p{Cc}/u

const amsterdam = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
})

/** Routes of the assisted channels; `publicUrl` is where people reach Klankbord (for the QR link). */
export function assistedPages(db: Kysely<Database>, publicUrl: string) {
  const app = new Hono<AppEnv>()

  app.get('/assets/assisted/:hash/paper.css', (c) =>
    c.body(new Uint8Array(CSS), 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    }),
  )

  /** The staff member, the organisation, the survey (published version or null) and the channels. */
  async function load(c: Context<AppEnv>) {
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    const summary = await findSurvey(db, org.id, c.req.param('id') ?? '')
    if (!summary) throw new NotFoundError()
    const survey: PublicSurvey | null =
      summary.publishedVersion > 0 ? await loadPublicSurvey(db, summary.publicKey) : null
    const channels = await db
      .selectFrom('channel')
      .select(['code', 'name'])
      .where('organisation_id', '=', org.id)
      .orderBy('name')
      .execute()
    return { staff, org, summary, survey, channels }
  }

  const loginFirst = (c: Context<AppEnv>) =>
    c.get('staff') ? null : c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)

  app.get('/o/:slug/vragenlijsten/:id/papier', async (c) => {
    const toLogin = loginFirst(c)
    if (toLogin) return toLogin
    const page = await load(c)
    authorizeAssist(page.org.role, 'assisted.print')
    const q = c.req.query()
    const values = {
      copies: q.aantal?.trim() ?? '1',
      channel: q.kanaal?.trim() || (page.channels.some((ch) => ch.code === 'brief') ? 'brief' : ''),
      touchpoint: q.locatie?.trim() ?? '',
    }
    const errors: FieldError[] = []
    const copies = Number(values.copies)
    if (!/^\d{1,2}$/.test(values.copies) || copies < 1 || copies > MAX_COPIES)
      errors.push({
        field: 'aantal',
        message: `Vul bij "Aantal formulieren" een getal in van 1 tot en met ${MAX_COPIES}.`,
      })
    if (values.channel && !page.channels.some((ch) => ch.code === values.channel))
      errors.push({ field: 'kanaal', message: 'Kies een kanaal uit de lijst.' })
    if (values.touchpoint.length > 100)
      errors.push({ field: 'locatie', message: 'Gebruik bij "Plek" hoogstens 100 tekens.' })
    else if (CONTROL.test(values.touchpoint))
      errors.push({ field: 'locatie', message: 'Gebruik bij "Plek" alleen gewone tekens.' })
    const ok = page.survey !== null && errors.length === 0
    const link = ok
      ? surveyLink(publicUrl, page.summary.publicKey, page.survey?.definition.hidden ?? [], {
          channel: values.channel,
          touchpoint: values.touchpoint,
        })
      : null
    const qrQuery = new URLSearchParams({
      ...(values.channel ? { kanaal: values.channel } : {}),
      ...(values.touchpoint ? { locatie: values.touchpoint } : {}),
    }).toString()
    return c.html(
      <PaperPage
        organisation={page.org}
        staff={page.staff}
        summary={page.summary}
        survey={page.survey}
        channels={page.channels}
        values={values}
        errors={errors}
        codes={ok ? Array.from({ length: copies }, () => newFormCode()) : []}
        qr={
          link
            ? { src: `/o/${page.org.slug}/vragenlijsten/${page.summary.id}/qr.svg?${qrQuery}`, url: link.url }
            : null
        }
        cssHref={CSS_HREF}
        canEnter={canAssist(page.org.role, 'assisted.enter')}
      />,
      errors.length ? 400 : 200,
    )
  })

  for (const mode of ['paper', 'interview'] as const) {
    const path =
      mode === 'paper' ? '/o/:slug/vragenlijsten/:id/papier/invoeren' : '/o/:slug/vragenlijsten/:id/interview'

    /** Renders the entry form, empty or with what was typed and the errors. */
    const render = (
      c: Context<AppEnv>,
      page: Awaited<ReturnType<typeof load>> & { survey: PublicSurvey },
      o: {
        fields: { channel: string; touchpoint: string; formCode: string }
        values?: Record<string, FieldValue>
        errors?: FieldError[]
        saved?: string
      },
    ) =>
      c.html(
        <EntryPage
          mode={mode}
          organisation={page.org}
          staff={page.staff}
          surveyId={page.summary.id}
          survey={page.survey}
          pages={entryPages(page.survey.definition, mode)}
          channels={page.channels}
          fields={o.fields}
          values={o.values ?? {}}
          errors={o.errors ?? []}
          saved={o.saved}
          touchpointMissing={!touchpointField(page.survey)}
          action={c.req.path}
        />,
        o.errors?.length ? 400 : 200,
      )

    /** The survey must be published: entry stores answers to the published version. */
    const published = (page: Awaited<ReturnType<typeof load>>) => {
      if (!page.survey) throw new NotFoundError('This survey has no published version yet.')
      return page as typeof page & { survey: PublicSurvey }
    }

    app.get(path, async (c) => {
      const toLogin = loginFirst(c)
      if (toLogin) return toLogin
      const page = published(await load(c))
      authorizeAssist(page.org.role, 'assisted.enter')
      const q = c.req.query()
      const channel = page.channels.some((ch) => ch.code === q.kanaal)
        ? (q.kanaal as string)
        : DEFAULT_CHANNEL[mode]
      // Only a valid code is echoed back: the link cannot be used to show made-up text on the page.
      const savedCode = q.opgeslagen ? parseFormCode(q.opgeslagen) : null
      const saved =
        q.opgeslagen === undefined
          ? undefined
          : mode === 'paper'
            ? `Formulier ${savedCode ? `${formatFormCode(savedCode)} ` : ''}is opgeslagen. U kunt het volgende formulier invoeren.`
            : 'Het gesprek is opgeslagen. U kunt een nieuw gesprek beginnen.'
      return render(c, page, {
        fields: { channel, touchpoint: (q.locatie ?? '').slice(0, 100), formCode: '' },
        saved,
      })
    })

    app.post(path, async (c) => {
      const page = published(await load(c))
      const body = (await c.req.parseBody({ all: true })) as FormBody
      checkCsrf(page.staff, typeof body._csrf === 'string' ? body._csrf : undefined)
      authorizeAssist(page.org.role, 'assisted.enter')
      const { fields, errors } = readEntryFields(
        body,
        page.channels.map((ch) => ch.code),
        mode === 'paper',
      )
      const { raw, shown } = answersFromForm(page.survey.questions, body)
      const shownFields = {
        channel: fields.channel,
        touchpoint: fields.touchpoint,
        formCode: fields.formCodeTyped,
      }
      const ctx: WriteContext = {
        organisationId: page.org.id,
        actor: { type: 'account', id: page.staff.accountId },
        requestId: c.get('requestId'),
      }
      const entry = {
        mode,
        answers: raw,
        channel: fields.channel,
        touchpoint: fields.touchpoint,
        formCode: fields.formCode ?? undefined,
      }
      // Staff fields and answers are checked together, so the summary lists every problem at once; the
      // channel is already checked against the organisation's list by readEntryFields.
      const answerErrors = checkAssistedEntry(page.survey, entry)
        .errors.filter((e) => e.field !== 'channel')
        .map((e) => ({ field: e.field, message: e.nl }))
      if (errors.length || answerErrors.length)
        return render(c, page, { fields: shownFields, values: shown, errors: [...errors, ...answerErrors] })
      try {
        await recordAssistedResponse(db, ctx, page.survey, entry)
      } catch (error) {
        if (!(error instanceof FormAlreadyEnteredError)) throw error
        return render(c, page, {
          fields: shownFields,
          values: shown,
          errors: [
            {
              field: FORM_CODE_FIELD,
              message: `Formulier ${formatFormCode(fields.formCode ?? '')} is al ingevoerd op ${amsterdam.format(error.enteredAt)}. Voer het niet nog een keer in.`,
            },
          ],
        })
      }
      const next = new URLSearchParams({
        kanaal: fields.channel,
        ...(fields.touchpoint ? { locatie: fields.touchpoint } : {}),
        opgeslagen: mode === 'paper' ? formatFormCode(fields.formCode ?? '') : '1',
      })
      return c.redirect(`${c.req.path}?${next.toString()}`, 303)
    })
  }
  return app
}
