/**
 * Whole form fields for the staff pages: a text box (also for numbers, dates and times), a select and
 * a text area, each in the shared FormField markup (form-field.tsx) in one fixed order: label, inline
 * error, control, hint. The control's aria-describedby names the error and the hint that are shown,
 * and aria-invalid is set on an error, so every page announces a wrong field the same way.
 *
 * The control's `id` is also its `name` (the form posts what the error summary links to). Optional
 * attributes are left out of the HTML when not given, so a page gets only what it asks for. The order
 * id, name, maxlength, value is kept on purpose: tests match the rendered input with it.
 * Class names are written out whole for the CSS subset (see form-field.tsx).
 */
import { describedBy, FieldErrorText, FieldHint, FormField } from './form-field.tsx'

/** What every field takes. */
interface FieldProps {
  /** The control's id; also its name, and the prefix of `-error` and `-hint`. */
  id: string
  label: string
  error?: string
  hint?: string
  autofocus?: boolean
  required?: boolean
}

/** The input types a text box is used for. */
export type TextFieldType = 'text' | 'email' | 'url' | 'password' | 'tel' | 'number' | 'date' | 'time'

/** Props of {@link TextField}. */
export interface TextFieldProps extends FieldProps {
  value?: string
  /** Default `text`. A password is never shown back: its value is always empty. */
  type?: TextFieldType
  /** A short box for short values such as a count or a code (`kb-narrow`). */
  narrow?: boolean
  inputmode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel' | 'url'
  autocomplete?: string
  spellcheck?: boolean
  maxlength?: number
  min?: number | string
  max?: number | string
  step?: number | string
}

/** A one-line text box: text, e-mail, URL, password, number, date or time. */
export function TextField(props: TextFieldProps) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <input
        class={
          props.narrow
            ? 'utrecht-textbox utrecht-textbox--html-input kb-narrow'
            : 'utrecht-textbox utrecht-textbox--html-input'
        }
        type={props.type ?? 'text'}
        id={props.id}
        name={props.id}
        maxlength={props.maxlength}
        value={props.type === 'password' ? '' : (props.value ?? '')}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
        min={props.min}
        max={props.max}
        step={props.step}
        required={props.required}
        autofocus={props.autofocus}
        {...invalidAndDescribed(props)}
      />
      <FieldHint id={props.id} hint={props.hint} />
    </FormField>
  )
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps extends FieldProps {
  /** The value of the selected option; none selected (so the first) when it matches no option. */
  value?: string
  options: readonly { value: string; label: string }[]
  /** When given, a first option with an empty value and this text, e.g. "Geen kanaal". */
  none?: string
}

/** A select with fixed options. */
export function SelectField(props: SelectFieldProps) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <select
        class="utrecht-select utrecht-select--html-select"
        id={props.id}
        name={props.id}
        required={props.required}
        autofocus={props.autofocus}
        {...invalidAndDescribed(props)}
      >
        {props.none !== undefined ? <option value="">{props.none}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHint id={props.id} hint={props.hint} />
    </FormField>
  )
}

/** Props of {@link TextareaField}. */
export interface TextareaFieldProps extends FieldProps {
  value?: string
  rows?: number
  /**
   * A read-only box holds something to copy (an embed code, a new key): it has no name, so it is
   * never sent along with a form.
   */
  readonly?: boolean
  autocomplete?: string
  spellcheck?: boolean
  maxlength?: number
  /** Show the hint above the box, for a hint that says what to do before using it. */
  hintFirst?: boolean
}

/** A multi-line text area. */
export function TextareaField(props: TextareaFieldProps) {
  const hint = <FieldHint id={props.id} hint={props.hint} />
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      {props.hintFirst ? hint : null}
      <FieldErrorText id={props.id} error={props.error} />
      <textarea
        class="utrecht-textarea"
        id={props.id}
        name={props.readonly ? undefined : props.id}
        rows={props.rows}
        readonly={props.readonly}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
        maxlength={props.maxlength}
        required={props.required}
        autofocus={props.autofocus}
        {...invalidAndDescribed(props)}
      >
        {props.value ?? ''}
      </textarea>
      {props.hintFirst ? null : hint}
    </FormField>
  )
}

/** aria-invalid on an error, and aria-describedby for the error and hint that are shown. */
function invalidAndDescribed(props: { id: string; error?: string; hint?: string }) {
  return {
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props.id, props.error && 'error', props.hint && 'hint'),
  }
}
