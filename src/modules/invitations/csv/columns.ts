/**
 * The columns of a contact-moment CSV file (docs/invitations.md, "CSV upload"). Headers are Dutch and
 * matched case-insensitively, ignoring spaces, '_', '-' and '.', so `E-mail`, `email` and `e_mail` are
 * one column. An unknown header is an error rather than ignored: a typo in `zaak` would otherwise drop
 * the dedupe per case without anyone noticing. Pure: no I/O.
 */

/** A column of the file, by its English name in the code. */
export type ContactColumn =
  | 'email'
  | 'phone'
  | 'caseReference'
  | 'product'
  | 'channel'
  | 'occurredAt'
  | 'language'
  | 'externalId'

/** The header to write for each column (the example file and the error messages use these). */
export const COLUMN_HEADER: Record<ContactColumn, string> = {
  email: 'e-mail',
  phone: 'telefoon',
  caseReference: 'zaak',
  product: 'product',
  channel: 'kanaal',
  occurredAt: 'moment',
  language: 'taal',
  externalId: 'kenmerk',
}

/** Accepted header names per column, after normalising. */
const ALIASES: Record<ContactColumn, readonly string[]> = {
  email: ['email', 'emailadres', 'mail'],
  phone: ['telefoon', 'telefoonnummer', 'mobiel', 'mobielnummer', 'phone'],
  caseReference: ['zaak', 'zaaknummer', 'zaakreferentie'],
  product: ['product', 'productcode'],
  channel: ['kanaal', 'kanaalcode'],
  occurredAt: ['moment', 'datumtijd', 'contactmoment'],
  language: ['taal'],
  externalId: ['kenmerk', 'id', 'extern', 'externkenmerk'],
}

/** The column positions found in a header. */
export type ColumnMap = Partial<Record<ContactColumn, number>>

/** A problem with the header line (line 1). */
export interface HeaderProblem {
  column: string
  message: string
}

function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]/g, '')
}

/**
 * Maps the header fields to columns. Problems: an unknown or repeated column, no `moment`, or neither
 * `e-mail` nor `telefoon`. Empty trailing header cells (Excel adds them) are ignored.
 */
export function mapContactHeader(header: readonly string[]): { map: ColumnMap; problems: HeaderProblem[] } {
  const map: ColumnMap = {}
  const problems: HeaderProblem[] = []
  const known = Object.values(COLUMN_HEADER).join(', ')
  header.forEach((raw, index) => {
    const name = normalise(raw)
    if (name === '') return
    const column = (Object.keys(ALIASES) as ContactColumn[]).find((c) => ALIASES[c].includes(name))
    if (!column)
      problems.push({ column: raw.trim(), message: `Deze kolom kennen we niet. Gebruik: ${known}.` })
    else if (map[column] !== undefined)
      problems.push({ column: raw.trim(), message: 'Deze kolom staat twee keer in het bestand.' })
    else map[column] = index
  })
  if (map.occurredAt === undefined)
    problems.push({ column: 'moment', message: 'De kolom "moment" ontbreekt.' })
  if (map.email === undefined && map.phone === undefined)
    problems.push({ column: 'e-mail', message: 'Geef een kolom "e-mail" of "telefoon" (of allebei).' })
  return { map, problems }
}
