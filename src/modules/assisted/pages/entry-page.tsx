/**
 * Staff form to type in a paper questionnaire ("Papieren formulier invoeren") or to fill in a survey
 * during a phone call or home visit ("Interview"). The questions are the online ones (the public page's
 * QuestionField), numbered like the paper form or worded for the interviewer, all on one page: radio
 * groups take the arrow keys and Tab moves to the next question, so entry needs no mouse. After a form is
 * stored the page comes back empty, with the focus on the first field, for the next form.
 */
import { SelectField, TextField } from '../../../platform/web/fields.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import type { Role } from '../../organisations/index.ts'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import { textIn } from '../../surveys/definition/answers.ts'
import type { Question } from '../../surveys/definition/schema.ts'
import type { PublicSurvey } from '../../surveys/index.ts'
import { type FieldValue, QuestionField } from '../../surveys/pages/question-field.tsx'
import { CHANNEL_FIELD, FORM_CODE_FIELD, TOUCHPOINT_FIELD } from '../calc/entry-fields.ts'
import type { AssistedMode } from '../record-assisted-response.ts'

/** Props of the entry page. */
export interface EntryPageProps {
  mode: AssistedMode
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  surveyId: string
  survey: PublicSurvey
  /** The questions as this mode shows them, page by page (entry-questions.ts). */
  pages: { title?: string; questions: Question[] }[]
  channels: { code: string; name: string }[]
  fields: { channel: string; touchpoint: string; formCode: string }
  values: Record<string, FieldValue>
  errors: FieldError[]
  /** Set after a stored form: the message to show. */
  saved?: string
  /** The survey has no hidden field for the touchpoint: say it is not stored. */
  touchpointMissing: boolean
  action: string
}

const TEXT = {
  paper: {
    title: 'Papieren formulier invoeren',
    intro:
      'Typ de antwoorden over zoals ze op het formulier staan. Is een vraag niet ingevuld? Laat die dan leeg. De vragen hebben dezelfde nummers als op het formulier.',
    submit: 'Opslaan en volgend formulier',
    channelHint: 'Hoe kwam het formulier binnen? Meestal: Brief.',
    touchpointHint: 'Bijvoorbeeld: Antwoordnummer, of Stadskantoor, balie 3.',
  },
  interview: {
    title: 'Interview: vragenlijst invullen voor iemand',
    intro:
      'U vult de vragenlijst in tijdens een telefoongesprek of een huisbezoek. Lees elke vraag en de keuzes voor zoals ze er staan. Vul in wat de persoon zegt. Zegt de persoon niets, of wil de persoon een vraag niet beantwoorden? Laat de vraag dan leeg.',
    submit: 'Opslaan en nieuw gesprek',
    channelHint: 'Telefoon of huisbezoek.',
    touchpointHint: 'Bijvoorbeeld: KCC, wachtrij Paspoort. Of: huisbezoek Wmo.',
  },
} as const

/** The entry form of a paper questionnaire or an interview. */
export function EntryPage(props: EntryPageProps) {
  const text = TEXT[props.mode]
  const errorFor = (f: string) => props.errors.find((e) => e.field === f)?.message
  const def = props.survey.definition
  const base = `/o/${props.organisation.slug}/vragenlijsten/${props.surveyId}`
  const focusFirst = Boolean(props.saved) && props.errors.length === 0
  return (
    <Layout
      title={`${props.errors.length ? 'Fout: ' : ''}${text.title} – ${props.survey.title} – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">
        {text.title}: {props.survey.title}
      </h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          Terug naar de vragenlijst
        </a>
        {props.mode === 'paper' ? (
          <>
            {' · '}
            <a class="utrecht-link" href={`${base}/papier`}>
              Formulieren afdrukken
            </a>
          </>
        ) : null}
      </p>
      {props.saved ? (
        <div class="utrecht-alert utrecht-alert--ok kb-saved" role="status">
          <p class="utrecht-paragraph">{props.saved}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`#${props.mode === 'paper' ? FORM_CODE_FIELD : CHANNEL_FIELD}`}>
              {props.mode === 'paper' ? 'Volgende formulier' : 'Nieuw gesprek'}
            </a>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={props.errors} />
      <p class="utrecht-paragraph">{text.intro}</p>
      <form method="post" action={props.action} class="kb-form" novalidate>
        <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
        {props.mode === 'paper' ? (
          <TextField
            id={FORM_CODE_FIELD}
            label="Formuliercode"
            narrow
            autocomplete="off"
            spellcheck={false}
            maxlength={12}
            value={props.fields.formCode}
            autofocus={focusFirst}
            error={errorFor(FORM_CODE_FIELD)}
            hint="Rechtsboven op het formulier, bijvoorbeeld K7M4-QX2N."
          />
        ) : null}
        <SelectField
          id={CHANNEL_FIELD}
          label="Kanaal"
          value={props.fields.channel}
          autofocus={focusFirst && props.mode === 'interview'}
          error={errorFor(CHANNEL_FIELD)}
          hint={text.channelHint}
          options={props.channels.map((ch) => ({ value: ch.code, label: ch.name }))}
        />
        <TextField
          id={TOUCHPOINT_FIELD}
          label="Plek (niet verplicht)"
          maxlength={100}
          value={props.fields.touchpoint}
          error={errorFor(TOUCHPOINT_FIELD)}
          hint={
            props.touchpointMissing
              ? `${text.touchpointHint} Let op: deze vragenlijst heeft geen verborgen veld voor de plek, dus de plek wordt niet opgeslagen.`
              : text.touchpointHint
          }
        />
        {props.mode === 'interview' && def.intro ? (
          <div class="kb-read-aloud">
            <h2 class="utrecht-heading-2">Lees voor bij het begin</h2>
            <p class="utrecht-paragraph">
              Ik stel u een paar vragen van {props.organisation.name}. {textIn(def.intro, 'nl')} U mag altijd
              stoppen, en u hoeft geen vraag te beantwoorden die u niet wilt.
            </p>
          </div>
        ) : null}
        {props.pages.map((page) => (
          <section class="kb-entry-page">
            {page.title ? <h2 class="utrecht-heading-2">{page.title}</h2> : null}
            {page.questions.map((q) => (
              <QuestionField q={q} lang="nl" value={props.values[q.code]} error={errorFor(q.code)} />
            ))}
          </section>
        ))}
        {props.mode === 'interview' ? (
          <div class="kb-read-aloud">
            <h2 class="utrecht-heading-2">Lees voor aan het einde</h2>
            <p class="utrecht-paragraph">
              {def.thanks
                ? textIn(def.thanks, 'nl')
                : 'Dank u wel voor uw antwoorden. Wij gebruiken ze om onze dienstverlening beter te maken.'}
            </p>
          </div>
        ) : null}
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {text.submit}
        </button>
      </form>
    </Layout>
  )
}
