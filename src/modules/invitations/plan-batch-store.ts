/**
 * The set-based statements of planning a batch of contact moments (record-contact-moment.ts): a few
 * queries for the whole batch with `= ANY(array)` instead of a few per contact moment, and multi-row
 * inserts. Each array is one bind parameter, so a batch of any size stays far below PostgreSQL's limit
 * of 65,535 parameters per statement; the inserts are chunked for the same reason.
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../database.ts'
import type { DecisionState } from './calc/decide-batch.ts'
import type { InvitationStatus } from './schema.ts'

/** Bind parameters per insert statement at most: a third of PostgreSQL's 65,535. */
const MAX_PARAMS = 20_000

/** What an earlier call with the same external id stored. */
export interface StoredMoment {
  id: string
  invitation: { id: string; status: InvitationStatus; sendAt: Date | null }
}

/** The contact moments already stored under these external ids, by external id. */
export async function findByExternalIds(
  db: Kysely<Database>,
  org: string,
  externalIds: readonly string[],
): Promise<Map<string, StoredMoment>> {
  const found = new Map<string, StoredMoment>()
  if (externalIds.length === 0) return found
  // Served by contact_moment_external_idx.
  const rows = await db
    .selectFrom('contact_moment as m')
    .innerJoin('invitation as i', (j) =>
      j.onRef('i.organisation_id', '=', 'm.organisation_id').onRef('i.contact_moment_id', '=', 'm.id'),
    )
    .select(['m.id', 'm.external_id', 'i.id as invitationId', 'i.status', 'i.send_at'])
    .where('m.organisation_id', '=', org)
    .where(sql<boolean>`m.external_id = ANY(${[...externalIds]}::text[])`)
    .execute()
  for (const r of rows)
    found.set(r.external_id as string, {
      id: r.id,
      invitation: { id: r.invitationId, status: r.status, sendAt: r.send_at },
    })
  return found
}

/**
 * Transaction-scoped advisory locks on text keys, taken in the order of their lock numbers. Every
 * caller takes its locks in that one order, so two batches that share persons or cases wait for each
 * other instead of deadlocking. PostgreSQL evaluates a volatile function in the select list after the
 * sort, so the locks are taken in sorted order.
 */
export async function lockKeys(trx: Transaction<Database>, keys: readonly string[]) {
  if (keys.length === 0) return
  await sql`SELECT pg_advisory_xact_lock(h)
    FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest(${[...keys]}::text[]) AS k) AS l
    ORDER BY h`.execute(trx)
}

/** What the batch's decision needs from the database, read after the locks. */
export async function loadDecisionState(
  trx: Transaction<Database>,
  org: string,
  q: {
    invited: readonly InvitationStatus[]
    surveyIds: readonly string[]
    caseReferences: readonly string[]
    personHashes: readonly string[]
    /** The earliest start of a suppression window in the batch; null when no row suppresses. */
    since: Date | null
  },
): Promise<DecisionState> {
  const invited = [...q.invited]
  const invitedCases = new Set<string>()
  if (q.caseReferences.length) {
    // Served by contact_moment_case_idx and the invitation's unique (organisation_id, contact_moment_id).
    const rows = await trx
      .selectFrom('contact_moment as m')
      .innerJoin('invitation as i', (j) =>
        j.onRef('i.organisation_id', '=', 'm.organisation_id').onRef('i.contact_moment_id', '=', 'm.id'),
      )
      .select(['m.survey_id', 'm.case_reference'])
      .distinct()
      .where('m.organisation_id', '=', org)
      .where(sql<boolean>`m.survey_id = ANY(${[...q.surveyIds]}::uuid[])`)
      .where(sql<boolean>`m.case_reference = ANY(${[...q.caseReferences]}::text[])`)
      .where(sql<boolean>`i.status = ANY(${invited}::text[])`)
      .execute()
    for (const r of rows) invitedCases.add(caseKey(r.survey_id, r.case_reference as string))
  }
  const hashes = [...q.personHashes]
  const optedOut = new Set(
    (
      await trx
        .selectFrom('opt_out')
        .select('person_hash')
        .where('organisation_id', '=', org)
        .where(sql<boolean>`person_hash = ANY(${hashes}::text[])`)
        .execute()
    ).map((r) => r.person_hash),
  )
  const latestSendAt = new Map<string, number>()
  if (q.since) {
    // Served by invitation_person_idx; only sends inside some row's window can suppress.
    const rows = await sql<{ person_hash: string; latest: Date }>`
      SELECT person_hash, max(send_at) AS latest FROM invitation
       WHERE organisation_id = ${org} AND person_hash = ANY(${hashes}::text[])
         AND send_at > ${q.since} AND status = ANY(${invited}::text[])
       GROUP BY person_hash`.execute(trx)
    for (const r of rows.rows) latestSendAt.set(r.person_hash, new Date(r.latest).getTime())
  }
  return { invitedCases, optedOut, latestSendAt }
}

/** The key of dedupe per case: one survey, one case reference. */
export function caseKey(surveyId: string, caseReference: string): string {
  return `${surveyId}\u0000${caseReference}`
}

/** Inserts `rows` into `table` in as few statements as the parameter limit allows. */
export async function insertChunked<T extends 'contact_moment' | 'invitation' | 'event'>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
) {
  const first = rows[0]
  if (!first) return
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first).length))
  for (let i = 0; i < rows.length; i += perChunk)
    await trx
      .insertInto(table)
      // One helper for three tables; the callers build the rows of their table.
      .values(rows.slice(i, i + perChunk) as any)
      .execute()
}
