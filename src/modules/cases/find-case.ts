/**
 * Looking zaken up by their reference: for intake (a survey link that carries `?zaak=REFERENCE` links the
 * response to the zaak) and for the API. Served by the unique (organisation_id, reference) index.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { leadTimeDays } from './calc/lead-time.ts'

/** The id of the organisation's zaak with this reference, or null (unknown references are not an error). */
export async function findCaseId(
  db: Kysely<Database>,
  organisationId: string,
  reference: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('service_case')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('reference', '=', reference.trim())
    .executeTakeFirst()
  return row?.id ?? null
}

/** A zaak as the API shows it. */
export interface CaseView {
  reference: string
  product: { code: string; name: string }
  channel: { code: string; name: string }
  startedAt: string
  endedAt: string | null
  contacts: number
  /** Calendar days in Amsterdam (calc/lead-time.ts); null while the zaak is open. */
  leadTimeDays: number | null
  responseIds: string[]
}

/** Loads a zaak with the ids of its responses (oldest first), or null when the organisation has none. */
export async function loadCase(
  db: Kysely<Database>,
  organisationId: string,
  reference: string,
): Promise<CaseView | null> {
  const row = await db
    .selectFrom('service_case as sc')
    .innerJoin('product as p', (j) =>
      j.onRef('p.organisation_id', '=', 'sc.organisation_id').onRef('p.id', '=', 'sc.product_id'),
    )
    .innerJoin('channel as c', (j) =>
      j.onRef('c.organisation_id', '=', 'sc.organisation_id').onRef('c.id', '=', 'sc.channel_id'),
    )
    .select([
      'sc.id',
      'sc.reference',
      'sc.started_at',
      'sc.ended_at',
      'sc.contact_count',
      'p.code as product_code',
      'p.name as product_name',
      'c.code as channel_code',
      'c.name as channel_name',
    ])
    .where('sc.organisation_id', '=', organisationId)
    .where('sc.reference', '=', reference)
    .executeTakeFirst()
  if (!row) return null
  // Served by response_case_idx (migrations/20261123010000_index_response_case.sql).
  const responses = await db
    .selectFrom('response')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', row.id)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute()
  const startedAt = new Date(row.started_at)
  const endedAt = row.ended_at === null ? null : new Date(row.ended_at)
  return {
    reference: row.reference,
    product: { code: row.product_code, name: row.product_name },
    channel: { code: row.channel_code, name: row.channel_name },
    startedAt: startedAt.toISOString(),
    endedAt: endedAt?.toISOString() ?? null,
    contacts: row.contact_count,
    leadTimeDays: endedAt ? leadTimeDays(startedAt, endedAt) : null,
    responseIds: responses.map((r) => r.id),
  }
}
