/** One text box of the settings forms, with its label, inline error and hint (platform/web/form-field.tsx). */
import { describedBy, FieldErrorText, FieldHint, FormField } from '../../../platform/web/form-field.tsx'

/** Renders the field; `type` password never gets a value back. */
export function TextField(props: {
  id: string
  label: string
  value?: string
  error?: string
  hint?: string
  type?: 'url' | 'text' | 'password'
  autocomplete?: string
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type={props.type ?? 'text'}
        id={props.id}
        name={props.id}
        value={props.type === 'password' ? '' : (props.value ?? '')}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.error && 'error', props.hint && 'hint')}
      />
      <FieldHint id={props.id} hint={props.hint} />
    </FormField>
  )
}

/** A select box with an optional "none" choice. */
export function SelectField(props: {
  id: string
  label: string
  value?: string
  error?: string
  none?: string
  options: { value: string; label: string }[]
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <select
        class="utrecht-select utrecht-select--html-select"
        id={props.id}
        name={props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.error && 'error')}
      >
        {props.none !== undefined ? <option value="">{props.none}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormField>
  )
}
