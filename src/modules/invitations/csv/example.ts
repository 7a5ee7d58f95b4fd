/**
 * The example file offered on the upload page: the Dutch headers in the order of the documentation,
 * separated by ';' as Dutch Excel writes it, with a byte order mark so Excel opens it as UTF-8.
 * The addresses use example.nl (RFC 2606-style reserved for examples by SIDN) so nobody is mailed.
 */
import { COLUMN_HEADER } from './columns.ts'

/** The example CSV text (with BOM). */
export function exampleContactCsv(): string {
  const header = [
    COLUMN_HEADER.email,
    COLUMN_HEADER.phone,
    COLUMN_HEADER.caseReference,
    COLUMN_HEADER.product,
    COLUMN_HEADER.channel,
    COLUMN_HEADER.occurredAt,
    COLUMN_HEADER.language,
    COLUMN_HEADER.externalId,
  ]
  const lines = [
    header,
    ['inwoner@example.nl', '', 'Z-2026-000123', '', 'balie', '2026-11-23 14:05', 'nl', 'crm-4711'],
    ['', '06 12345678', 'Z-2026-000124', '', 'telefoon', '23-11-2026 15:30', 'nl', 'crm-4712'],
    ['resident@example.nl', '', '', '', '', '2026-11-23T16:00:00+01:00', 'en', 'crm-4713'],
  ]
  return `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`
}
