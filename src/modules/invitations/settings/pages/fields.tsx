/**
 * Form controls of the invitation staff screens (settings, opt-outs, CSV upload): a text box and a
 * select in the shared FormField markup, with the inline error and hint tied to the control by
 * aria-describedby, so every screen announces errors the same way.
 */
import { describedBy, FieldErrorText, FieldHint, FormField } from '../../../../platform/web/form-field.tsx'

/** A one-line text box. */
export function TextInput(props: {
  id: string
  label: string
  value: string
  error?: string
  hint?: string
  type?: 'text' | 'email' | 'time' | 'number'
  inputmode?: 'numeric' | 'text'
  autocomplete?: string
  width?: 'short'
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type={props.type ?? 'text'}
        id={props.id}
        name={props.id}
        value={props.value}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.error && 'error', props.hint && 'hint')}
      />
      <FieldHint id={props.id} hint={props.hint} />
    </FormField>
  )
}

/** A select with fixed options; `value` is the selected option's value. */
export function SelectInput(props: {
  id: string
  label: string
  value: string
  options: { value: string; label: string }[]
  error?: string
  hint?: string
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <select
        class="utrecht-select utrecht-select--html-select"
        id={props.id}
        name={props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.error && 'error', props.hint && 'hint')}
      >
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
