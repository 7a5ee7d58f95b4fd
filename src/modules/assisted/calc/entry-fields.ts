/**
 * The staff fields of an entry form (pure): channel, touchpoint and, for paper, the form code. Their
 * names contain a dash, which a question code never does (surveys/definition/schema.ts: Code), so they
 * can never collide with an answer field. Every problem is reported at once, in Dutch, per field.
 */
import type { FieldError } from '../../../platform/web/layout.tsx'
import { parseFormCode } from './form-code.ts'

export const CHANNEL_FIELD = 'kb-kanaal'
export const TOUCHPOINT_FIELD = 'kb-locatie'
export const FORM_CODE_FIELD = 'kb-formuliercode'

/** What was typed, as typed (shown again on an error), and the parsed form code. */
export interface EntryFields {
  channel: string
  touchpoint: string
  formCodeTyped: string
  formCode: string | null
}

const CONTROL = /\p{Cc}/u

/** Reads and checks the staff fields; `channels` are the organisation's channel codes. */
export function readEntryFields(
  body: Record<string, unknown>,
  channels: readonly string[],
  needsFormCode: boolean,
): { fields: EntryFields; errors: FieldError[] } {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '')
  const fields: EntryFields = {
    channel: text(CHANNEL_FIELD),
    touchpoint: text(TOUCHPOINT_FIELD),
    formCodeTyped: text(FORM_CODE_FIELD),
    formCode: null,
  }
  const errors: FieldError[] = []
  if (needsFormCode) {
    fields.formCode = parseFormCode(fields.formCodeTyped)
    if (!fields.formCodeTyped)
      errors.push({
        field: FORM_CODE_FIELD,
        message: 'Vul de formuliercode in. Die staat rechtsboven op het formulier.',
      })
    else if (!fields.formCode)
      errors.push({
        field: FORM_CODE_FIELD,
        message: 'Deze formuliercode klopt niet. Controleer de 8 tekens, bijvoorbeeld K7M4-QX2N.',
      })
  }
  if (!channels.includes(fields.channel))
    errors.push({ field: CHANNEL_FIELD, message: 'Kies een kanaal uit de lijst.' })
  if (fields.touchpoint.length > 100)
    errors.push({ field: TOUCHPOINT_FIELD, message: 'Gebruik bij "Plek" hoogstens 100 tekens.' })
  else if (CONTROL.test(fields.touchpoint))
    errors.push({ field: TOUCHPOINT_FIELD, message: 'Gebruik bij "Plek" alleen gewone tekens.' })
  return { fields, errors }
}
