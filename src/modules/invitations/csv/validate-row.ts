/**
 * Checks one line of a contact-moment CSV file and turns it into the use case's input. Pure: the codes
 * of the organisation's products and channels are looked up once per file by the caller. The rules are
 * the API's (api.ts, record-contact-moment.ts), with Dutch messages for the error summary:
 * - at least one of e-mail and telefoon, each valid when given (normalised as calc/person.ts does);
 * - zaak: letters, digits and . _ / - (at most 100), as the API's caseReference;
 * - product and kanaal: an existing code of the organisation, when given;
 * - moment: a date with a time, ISO 8601 (`2026-11-23T14:05`, with or without offset) or Dutch
 *   (`23-11-2026 14:05`); without an offset it is Amsterdam time (cases/calc/dates.ts);
 * - taal: two or three lower-case letters (default nl);
 * - kenmerk: at most 200 characters; the caller checks it is not repeated within the file.
 */
import { parseCaseDate } from '../../cases/index.ts'
import { normaliseEmail, normalisePhone } from '../calc/person.ts'
import type { ContactMomentInput } from '../record-contact-moment.ts'
import { COLUMN_HEADER, type ColumnMap, type ContactColumn } from './columns.ts'

/** One problem on one line, for the error summary. */
export interface RowProblem {
  line: number
  column: string
  message: string
}

/** What the caller knows about the organisation. */
export interface RowLookups {
  products: ReadonlySet<string>
  channels: ReadonlySet<string>
}

/** A valid line: the use case's input without survey and source. */
export type ContactRow = Omit<ContactMomentInput, 'surveyId' | 'source'>

const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/
const LANGUAGE = /^[a-z]{2,3}$/
const MAX_EXTERNAL_ID = 200

/** Validates the fields of line `line`; answers the row or every problem on it. */
export function validateContactRow(
  fields: readonly string[],
  line: number,
  map: ColumnMap,
  lookups: RowLookups,
): { row: ContactRow; problems: [] } | { row: null; problems: RowProblem[] } {
  const value = (c: ContactColumn) => {
    const i = map[c]
    return i === undefined ? '' : (fields[i] ?? '').trim()
  }
  const problems: RowProblem[] = []
  const problem = (c: ContactColumn, message: string) =>
    problems.push({ line, column: COLUMN_HEADER[c], message })

  const email = value('email')
  const phone = value('phone')
  if (email && !normaliseEmail(email)) problem('email', 'Dit is geen geldig e-mailadres.')
  if (phone && !normalisePhone(phone))
    problem('phone', 'Dit is geen geldig telefoonnummer. Schrijf bijvoorbeeld 06 12345678.')
  if (!email && !phone)
    problem(map.email !== undefined ? 'email' : 'phone', 'Vul een e-mailadres of telefoonnummer in.')

  const caseReference = value('caseReference')
  if (caseReference && !CASE_REFERENCE.test(caseReference))
    problem(
      'caseReference',
      'Een zaaknummer heeft alleen letters, cijfers en . _ / - (hoogstens 100 tekens).',
    )
  const product = value('product')
  if (product && !lookups.products.has(product)) problem('product', 'Deze productcode kennen we niet.')
  const channel = value('channel')
  if (channel && !lookups.channels.has(channel)) problem('channel', 'Deze kanaalcode kennen we niet.')

  const moment = value('occurredAt')
  const parsed = moment ? parseCaseDate(moment) : null
  if (!moment) problem('occurredAt', 'Vul de datum en tijd van het contact in.')
  else if (!parsed)
    problem(
      'occurredAt',
      'Dit is geen datum en tijd. Schrijf bijvoorbeeld 2026-11-23 14:05 of 23-11-2026 14:05.',
    )
  else if (parsed.dateOnly) problem('occurredAt', 'Vul ook de tijd in, bijvoorbeeld 2026-11-23 14:05.')

  const language = value('language').toLowerCase()
  if (language && !LANGUAGE.test(language))
    problem('language', 'Schrijf de taal als code van 2 of 3 letters, bijvoorbeeld nl of en.')
  const externalId = value('externalId')
  if (externalId.length > MAX_EXTERNAL_ID)
    problem('externalId', `Een kenmerk is hoogstens ${MAX_EXTERNAL_ID} tekens.`)

  if (problems.length || !parsed) return { row: null, problems }
  return {
    row: {
      contact: { email: email || null, phone: phone || null },
      caseReference: caseReference || null,
      product: product || null,
      channel: channel || null,
      occurredAt: parsed.at,
      language: language || null,
      externalId: externalId || null,
    },
    problems: [],
  }
}
