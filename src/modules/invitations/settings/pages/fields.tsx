/**
 * Form controls of the invitation staff screens (settings, opt-outs, CSV upload): the shared fields of
 * platform/web/fields.tsx under the names these screens import.
 */
import { SelectField, TextField, type TextFieldProps } from '../../../../platform/web/fields.tsx'

/**
 * A one-line text box. Settings are no values the browser should remember and suggest again, so
 * autocomplete is off unless a screen asks for something else.
 */
export function TextInput(props: TextFieldProps) {
  return <TextField {...props} autocomplete={props.autocomplete ?? 'off'} />
}

/** A select with fixed options; `value` is the selected option's value. */
export const SelectInput = SelectField
