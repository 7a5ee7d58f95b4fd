/**
 * The public response page: server-rendered, works without JavaScript and with the keyboard only.
 * Every closed question is a fieldset with a legend; invalid answers are listed in an error summary
 * that links to each question. A hidden submission key makes a double submit harmless.
 *
 * Two bot checks are invisible to people: a signed start time (hidden field) and a honeypot text field.
 * The honeypot is moved off-screen with CSS rather than `display: none` (bots skip fields they can tell
 * are hidden), is out of the Tab order and hidden from screen readers, and is labelled in case CSS is off.
 */
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import type { PublicQuestion, PublicSurvey } from '../load-public-survey.ts'
import { AGREEMENT_OPTIONS } from '../standard-survey.ts'

/** Props of the page. */
export interface SurveyPageProps {
  survey: PublicSurvey
  submissionKey: string
  /** Signed start time for the minimum fill time check (see bot-guard.ts). */
  started?: string
  /** Name of the honeypot field; default "website". */
  honeypot?: string
  channel?: string
  /** Zaak reference from ?zaak=, carried to the submission. */
  caseReference?: string
  values?: Record<string, string>
  errors?: FieldError[]
}

function Question(props: { q: PublicQuestion; value?: string; error?: string }) {
  const { q, value, error } = props
  const errorId = `${q.code}-error`
  const helpId = `${q.code}-help`
  const describedBy = [q.help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  const message = error ? (
    <span class="kb-field-error" id={errorId}>
      {error}
    </span>
  ) : null
  if (q.kind === 'open') {
    return (
      <div class={`utrecht-form-field ${error ? 'utrecht-form-field--invalid' : ''}`}>
        <label class="utrecht-form-label" for={q.code}>
          {q.text}
          {q.required ? '' : ' (niet verplicht)'}
        </label>
        {q.help ? (
          <p class="utrecht-form-field-description kb-hint" id={helpId}>
            {q.help}
          </p>
        ) : null}
        {message}
        <textarea
          class="utrecht-textarea"
          id={q.code}
          name={q.code}
          rows={4}
          maxlength={q.maxLength ?? 2000}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        >
          {value ?? ''}
        </textarea>
      </div>
    )
  }
  const options =
    q.kind === 'grade'
      ? Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))
      : AGREEMENT_OPTIONS.map((o) => ({ value: o.value, label: o.label }))
  return (
    <fieldset
      class={`utrecht-form-fieldset ${error ? 'utrecht-form-fieldset--invalid kb-invalid' : ''}`}
      id={q.code}
      tabindex={-1}
      aria-describedby={describedBy}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--distanced">
        {q.text}
        {q.required ? '' : ' (niet verplicht)'}
      </legend>
      {q.help ? (
        <p class="utrecht-form-field-description kb-hint" id={helpId}>
          {q.help}
        </p>
      ) : null}
      {message}
      <div class={q.kind === 'grade' ? 'kb-scale' : 'kb-options'}>
        {options.map((o) => (
          <div class="utrecht-form-field utrecht-form-field--radio kb-choice">
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={`${q.code}-${o.value}`}
                name={q.code}
                value={o.value}
                checked={value === o.value}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--radio">
              <label class="utrecht-form-label utrecht-form-label--radio" for={`${q.code}-${o.value}`}>
                {o.label}
              </label>
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  )
}

/**
 * A field only bots fill. `utrecht-skip-link--hidden` is the design system's off-screen position (fixed,
 * far above the viewport; it has no :focus variant), usable because the CSP forbids inline styles.
 * `kb-honeypot` lets app.css take over later. aria-hidden on the wrapper plus tabindex -1 on the input
 * keep it away from screen readers and the keyboard (axe accepts aria-hidden content that is not tabbable).
 */
function Honeypot(props: { name: string }) {
  const id = `kb-hp-${props.name}`
  return (
    <div class="kb-honeypot utrecht-skip-link--hidden" aria-hidden="true">
      <label for={id}>Laat dit veld leeg</label>
      <input type="text" id={id} name={props.name} value="" tabindex={-1} autocomplete="off" />
    </div>
  )
}

/** Renders the survey page. */
export function SurveyPage(props: SurveyPageProps) {
  const errors = props.errors ?? []
  const errorFor = (code: string) => errors.find((e) => e.field === code)?.message
  return (
    <Layout
      title={`${errors.length ? 'Fout: ' : ''}${props.survey.title} – ${props.survey.organisationName}`}
      header={<span class="kb-brand">{props.survey.organisationName}</span>}
    >
      <h1 class="utrecht-heading-1">{props.survey.title}</h1>
      <p class="utrecht-paragraph">
        Wij willen graag weten wat u van ons vindt. Het invullen duurt ongeveer 2 minuten. Alleen de eerste
        vraag is verplicht.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/s/${props.survey.publicKey}`} class="kb-form" novalidate>
        <input type="hidden" name="_submission" value={props.submissionKey} />
        {props.channel ? <input type="hidden" name="_channel" value={props.channel} /> : null}
        {props.caseReference ? <input type="hidden" name="_zaak" value={props.caseReference} /> : null}
        {props.started ? <input type="hidden" name="_started" value={props.started} /> : null}
        <Honeypot name={props.honeypot ?? 'website'} />
        {props.survey.questions.map((q) => (
          <Question q={q} value={props.values?.[q.code]} error={errorFor(q.code)} />
        ))}
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Versturen
          </button>
        </div>
      </form>
    </Layout>
  )
}

/** Renders the thank-you page: what happens with the answers, in plain language. */
export function ThankYouPage(props: { organisationName: string }) {
  return (
    <Layout
      title={`Bedankt – ${props.organisationName}`}
      header={<span class="kb-brand">{props.organisationName}</span>}
    >
      <h1 class="utrecht-heading-1">Bedankt voor uw mening</h1>
      <p class="utrecht-paragraph">Wij hebben uw antwoorden goed ontvangen.</p>
      <h2 class="utrecht-heading-2">Wat doen wij met uw antwoorden?</h2>
      <ul class="utrecht-unordered-list">
        <li>Wij lezen alle antwoorden. Zo zien wij wat goed gaat en wat beter kan.</li>
        <li>Wij gebruiken uw antwoorden om onze dienstverlening te verbeteren.</li>
        <li>
          Wij bewaren uw antwoorden niet langer dan nodig. Persoonlijke gegevens in uw tekst halen wij weg.
        </li>
      </ul>
      <p class="utrecht-paragraph">
        Heeft u een klacht of wilt u dat wij contact met u opnemen? Neem dan contact op met{' '}
        {props.organisationName}.
      </p>
    </Layout>
  )
}
