/**
 * One question of the public page, for every type of the definition format. Server-rendered, works
 * without JavaScript and with the keyboard only. A question with several controls (scales, choices,
 * smileys, yes/no, consent) is a fieldset whose legend is the question; a question with one control
 * (open text, date) is a label and its field, as NL Design System and GOV.UK advise (a fieldset
 * around one field makes screen readers announce the question twice). The fieldset, or the single
 * field, has the question code as id, so the error summary can link to it.
 *
 * Form field names: the question code; a smiley's reason is `<code>--reden` (value `<smiley>:<reason>`);
 * the "anders" text of a single choice is `<code>--anders`. routes.tsx reads them back.
 */
import type { Child } from 'hono/jsx'
import { type MessageKey, t } from '../../../platform/i18n/index.ts'
import { textIn } from '../definition/answers.ts'
import type { Question } from '../definition/schema.ts'

/** A value as the page shows it again after an error or when going back. */
export type FieldValue = string | string[] | { value?: string; reason?: string; other?: string } | undefined

interface FieldProps {
  q: Question
  lang: string
  value?: FieldValue
  error?: string
}

interface Choice {
  value: string
  label: string
}

function asString(v: FieldValue): string | undefined {
  if (typeof v === 'string') return v
  if (v && !Array.isArray(v)) return v.value
  return undefined
}

function Label(props: { q: Question; lang: string }) {
  return (
    <>
      {textIn(props.q.text, props.lang)}
      {props.q.required ? '' : t(props.lang, 'page.optional')}
    </>
  )
}

function Help(props: { id: string; text?: string }) {
  return props.text ? (
    <p class="utrecht-form-field-description kb-hint" id={props.id}>
      {props.text}
    </p>
  ) : null
}

function ErrorText(props: { id: string; text?: string }) {
  return props.text ? (
    <p class="kb-field-error" id={props.id}>
      {props.text}
    </p>
  ) : null
}

function Option(props: {
  type: 'radio' | 'checkbox'
  name: string
  id: string
  value: string
  label: Child
  checked: boolean
}) {
  const cls =
    props.type === 'radio'
      ? 'utrecht-radio-button utrecht-radio-button--html-input'
      : 'utrecht-checkbox utrecht-checkbox--html-input'
  return (
    <div class={`utrecht-form-field utrecht-form-field--${props.type} kb-choice`}>
      <div class="utrecht-form-field__input">
        <input
          class={cls}
          type={props.type}
          id={props.id}
          name={props.name}
          value={props.value}
          checked={props.checked}
        />
      </div>
      <div class={`utrecht-form-field__label utrecht-form-field__label--${props.type}`}>
        <label class={`utrecht-form-label utrecht-form-label--${props.type}`} for={props.id}>
          {props.label}
        </label>
      </div>
    </div>
  )
}

/** A fieldset with legend, help and error, around grouped controls. */
function Group(props: FieldProps & { children: Child; hint?: string; layout?: string }) {
  const { q, lang, error } = props
  const helpText = [q.help ? textIn(q.help, lang) : '', props.hint ?? ''].filter(Boolean).join(' ')
  const describedBy =
    [helpText ? `${q.code}-help` : null, error ? `${q.code}-error` : null].filter(Boolean).join(' ') ||
    undefined
  return (
    <fieldset
      class={`utrecht-form-fieldset kb-question ${error ? 'utrecht-form-fieldset--invalid kb-invalid' : ''}`}
      id={q.code}
      tabindex={-1}
      aria-describedby={describedBy}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--distanced">
        <Label q={q} lang={lang} />
      </legend>
      <Help id={`${q.code}-help`} text={helpText} />
      <ErrorText id={`${q.code}-error`} text={error} />
      <div class={props.layout ?? 'kb-options'}>{props.children}</div>
    </fieldset>
  )
}

function scaleChoices(q: Question, lang: string): { choices: Choice[]; hint?: string; layout: string } {
  const numbers = (from: number, to: number, label?: (n: number) => string) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({
      value: String(from + i),
      label: label ? label(from + i) : String(from + i),
    }))
  switch (q.type) {
    case 'grade':
      return {
        choices: numbers(1, 10),
        hint: q.help ? undefined : t(lang, 'scale.grade.low'),
        layout: 'kb-scale',
      }
    case 'nps':
      return {
        choices: numbers(0, 10),
        hint: q.help ? undefined : t(lang, 'scale.nps.low'),
        layout: 'kb-scale',
      }
    case 'ces':
      return {
        choices: numbers(1, 7, (n) =>
          [1, 4, 7].includes(n) ? `${n} ${t(lang, `scale.ces.${n}` as MessageKey)}` : String(n),
        ),
        layout: 'kb-options',
      }
    case 'agreement':
      return {
        choices: [
          ...numbers(1, 5, (n) => t(lang, `scale.agreement.${n}` as MessageKey)),
          ...(q.dontKnow ? [{ value: 'dont_know', label: t(lang, 'scale.dont-know') }] : []),
        ],
        layout: 'kb-options',
      }
    case 'yes_no':
      return {
        choices: [
          { value: 'yes', label: t(lang, 'yes') },
          { value: 'no', label: t(lang, 'no') },
        ],
        layout: 'kb-options kb-options--inline',
      }
    default:
      return { choices: [], layout: 'kb-options' }
  }
}

/** A simple face drawn in SVG; decorative, the label says what it means. */
function Face(props: { mood: 'negative' | 'neutral' | 'positive' }) {
  const mouth = { negative: 'M8 17 Q12 13 16 17', neutral: 'M8 16 L16 16', positive: 'M8 15 Q12 19 16 15' }
  return (
    <svg class="kb-face" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.5" />
      <circle cx="9" cy="10" r="1.2" fill="currentColor" />
      <circle cx="15" cy="10" r="1.2" fill="currentColor" />
      <path d={mouth[props.mood]} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  )
}

function Smileys(props: FieldProps) {
  const { q, lang, value } = props
  if (q.type !== 'smileys') return null
  const chosen = asString(value)
  const reason = value && typeof value === 'object' && !Array.isArray(value) ? value.reason : undefined
  const moods = ['negative', 'neutral', 'positive'] as const
  return (
    <Group {...props} layout="kb-smileys">
      <div class="kb-options kb-options--inline">
        {moods.map((m) => (
          <Option
            type="radio"
            name={q.code}
            id={`${q.code}-${m}`}
            value={m}
            checked={chosen === m}
            label={
              <span class="kb-smiley">
                <Face mood={m} /> {t(lang, `smiley.${m}`)}
              </span>
            }
          />
        ))}
      </div>
      {moods.map((m) => {
        const reasons = q.reasons?.[m] ?? []
        if (reasons.length === 0) return null
        return (
          <fieldset class={`utrecht-form-fieldset kb-reasons kb-reasons--${m}`}>
            <legend class="utrecht-form-fieldset__legend">
              {t(lang, 'smiley.reason-for', { smiley: t(lang, `smiley.${m}`).toLowerCase() })}:{' '}
              {t(lang, 'smiley.reason').toLowerCase()}
            </legend>
            {reasons.map((r) => (
              <Option
                type="radio"
                name={`${q.code}--reden`}
                id={`${q.code}--reden-${m}-${r.code}`}
                value={`${m}:${r.code}`}
                checked={chosen === m && reason === r.code}
                label={textIn(r.text, lang)}
              />
            ))}
          </fieldset>
        )
      })}
    </Group>
  )
}

function SingleField(props: FieldProps) {
  const { q, lang, value } = props
  if (q.type !== 'single') return null
  const chosen = asString(value)
  const other = value && typeof value === 'object' && !Array.isArray(value) ? value.other : undefined
  return (
    <Group {...props}>
      {q.options.map((o) => (
        <Option
          type="radio"
          name={q.code}
          id={`${q.code}-${o.code}`}
          value={o.code}
          checked={chosen === o.code}
          label={textIn(o.text, lang)}
        />
      ))}
      {q.other ? (
        <>
          <Option
            type="radio"
            name={q.code}
            id={`${q.code}-other`}
            value="other"
            checked={chosen === 'other'}
            label={t(lang, 'choice.other')}
          />
          <div class="utrecht-form-field utrecht-form-field--text kb-other">
            <label class="utrecht-form-label" for={`${q.code}--anders`}>
              {t(lang, 'choice.other-text')}
            </label>
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              type="text"
              id={`${q.code}--anders`}
              name={`${q.code}--anders`}
              maxlength={200}
              value={other ?? ''}
            />
          </div>
        </>
      ) : null}
    </Group>
  )
}

function MultipleField(props: FieldProps) {
  const { q, lang, value } = props
  if (q.type !== 'multiple') return null
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
  return (
    <Group {...props} hint={q.maxChoices ? t(lang, 'choice.max', { max: q.maxChoices }) : undefined}>
      {q.options.map((o) => (
        <Option
          type="checkbox"
          name={q.code}
          id={`${q.code}-${o.code}`}
          value={o.code}
          checked={chosen.includes(o.code)}
          label={textIn(o.text, lang)}
        />
      ))}
    </Group>
  )
}

function ConsentField(props: FieldProps) {
  const { q, lang, value } = props
  if (q.type !== 'consent') return null
  return (
    <Group {...props} hint={t(lang, 'consent.help')}>
      <input type="hidden" name={`${q.code}--gevraagd`} value="1" />
      <Option
        type="checkbox"
        name={q.code}
        id={`${q.code}-yes`}
        value="yes"
        checked={asString(value) === 'yes'}
        label={t(lang, 'consent.yes')}
      />
    </Group>
  )
}

/** A single-control question: open text or date. */
function SingleControl(props: FieldProps) {
  const { q, lang, value, error } = props
  const help = [
    q.help ? textIn(q.help, lang) : '',
    q.type === 'date' ? t(lang, 'date.hint') : '',
    q.type === 'open' ? t(lang, 'open.max', { max: q.maxLength }) : '',
  ]
    .filter(Boolean)
    .join(' ')
  const describedBy = [`${q.code}-help`, error ? `${q.code}-error` : null].filter(Boolean).join(' ')
  return (
    <div class={`utrecht-form-field kb-question ${error ? 'utrecht-form-field--invalid kb-invalid' : ''}`}>
      <label class="utrecht-form-label" for={q.code}>
        <Label q={q} lang={lang} />
      </label>
      <Help id={`${q.code}-help`} text={help} />
      <ErrorText id={`${q.code}-error`} text={error} />
      {q.type === 'open' ? (
        <textarea
          class="utrecht-textarea"
          id={q.code}
          name={q.code}
          rows={q.rows}
          maxlength={q.maxLength}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        >
          {asString(value) ?? ''}
        </textarea>
      ) : (
        <input
          class="utrecht-textbox utrecht-textbox--html-input kb-date"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          id={q.code}
          name={q.code}
          value={asString(value) ?? ''}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      )}
    </div>
  )
}

/** Renders one question of any type. */
export function QuestionField(props: FieldProps) {
  const { q, lang, value } = props
  switch (q.type) {
    case 'open':
    case 'date':
      return <SingleControl {...props} />
    case 'smileys':
      return <Smileys {...props} />
    case 'single':
      return <SingleField {...props} />
    case 'multiple':
      return <MultipleField {...props} />
    case 'consent':
      return <ConsentField {...props} />
    default: {
      const { choices, hint, layout } = scaleChoices(q, lang)
      return (
        <Group {...props} hint={hint} layout={layout}>
          {choices.map((c) => (
            <Option
              type="radio"
              name={q.code}
              id={`${q.code}-${c.value}`}
              value={c.value}
              checked={asString(value) === c.value}
              label={c.label}
            />
          ))}
        </Group>
      )
    }
  }
}
