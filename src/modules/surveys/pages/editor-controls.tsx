/**
 * Small form controls of the survey editor's conditions and settings (condition-fields.tsx,
 * survey-settings-fields.tsx): every control has a visible label, shows its error next to it and is
 * tied to the error and hint with aria-describedby, so the error summary can link to it.
 */
import type { Child } from 'hono/jsx'
import { describedBy, FieldErrorText, FieldHint, FormField } from '../../../platform/web/form-field.tsx'

/** Finds the error message of a field id, if any. */
export type ErrorFor = (field: string) => string | undefined

/** What a text field shows: its value, label, and the error and hint that describe it. */
interface FieldProps {
  id: string
  label: string
  value: string
  error?: string
  hint?: string
}

/** A one-line text field. */
export function TextInput(props: FieldProps) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <input
        class="utrecht-textbox"
        type="text"
        id={props.id}
        name={props.id}
        value={props.value}
        autocomplete="off"
        aria-describedby={describedBy(props.id, props.error && 'error', props.hint && 'hint')}
        aria-invalid={props.error ? 'true' : undefined}
      />
      <FieldHint id={props.id} hint={props.hint} />
    </FormField>
  )
}

/** A select; `options` are [value, label] pairs, optionally in groups. */
export function SelectField(props: {
  id: string
  label: string
  value: string
  options: { value: string; label: string }[]
  groups?: { label: string; options: { value: string; label: string }[] }[]
  error?: string
}) {
  const option = (o: { value: string; label: string }) => (
    <option value={o.value} selected={o.value === props.value}>
      {o.label}
    </option>
  )
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <select
        class="utrecht-select"
        id={props.id}
        name={props.id}
        aria-describedby={describedBy(props.id, props.error && 'error')}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.options.map(option)}
        {(props.groups ?? [])
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup label={g.label}>{g.options.map(option)}</optgroup>
          ))}
      </select>
    </FormField>
  )
}

/** A multi-line text field (for `code = tekst` lines). */
export function LinesField(props: FieldProps) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <textarea
        class="utrecht-textarea"
        id={props.id}
        name={props.id}
        rows={Math.max(3, props.value.split('\n').length + 1)}
        aria-describedby={describedBy(props.id, props.error && 'error', props.hint && 'hint')}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value}
      </textarea>
      <FieldHint id={props.id} hint={props.hint} />
    </FormField>
  )
}

/** A checkbox or radio button with its label after it. */
export function Choice(props: {
  type?: 'checkbox' | 'radio'
  id: string
  name?: string
  value?: string
  label: string
  checked: boolean
  disabled?: boolean
}) {
  const type = props.type ?? 'checkbox'
  // Class names are written out whole: the CSS subset (src/platform/web/css) keeps the rules of the
  // class names it finds in the source, and a class built from a variable would keep every rule.
  const classes =
    type === 'radio'
      ? {
          field: 'utrecht-form-field utrecht-form-field--radio kb-choice',
          input: 'utrecht-radio-button utrecht-radio-button--html-input',
        }
      : {
          field: 'utrecht-form-field utrecht-form-field--checkbox kb-choice',
          input: 'utrecht-checkbox utrecht-checkbox--html-input',
        }
  return (
    <div class={classes.field}>
      <div class="utrecht-form-field__input">
        <input
          class={classes.input}
          type={type}
          id={props.id}
          name={props.disabled ? undefined : (props.name ?? props.id)}
          value={props.value}
          checked={props.checked}
          disabled={props.disabled}
        />
      </div>
      <div class={`utrecht-form-field__label utrecht-form-field__label--${type}`}>
        <label class={`utrecht-form-label utrecht-form-label--${type}`} for={props.id}>
          {props.label}
        </label>
      </div>
    </div>
  )
}

/** A submit button of the editor form; `label` is the full name when the visible text is short. */
export function ActionButton(props: { value: string; label?: string; children: Child }) {
  return (
    <button
      type="submit"
      name="_action"
      value={props.value}
      aria-label={props.label}
      class="utrecht-button utrecht-button--secondary-action"
    >
      {props.children}
    </button>
  )
}
