/**
 * Use case: import zaken (case records) for one organisation — from CSV or the API.
 *
 * Every row is validated first (validate-cases.ts). With `allOrNothing` (the default) one invalid row
 * means nothing is written; otherwise the valid rows are written and the invalid ones reported. Writing is
 * one transaction: products to create, then upserts by (organisation_id, reference) in batches of
 * `batchSize` rows per statement (INSERT … SELECT FROM unnest, so a batch is one round trip with a fixed
 * number of parameters), then one `cases.imported` event with the counts. A dry run does all of this and
 * rolls back, so its report says exactly what a real run would do.
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import type { Database } from '../database.ts'
import { type CaseRecordInput, type RowError, type ValidCase, validateCaseRows } from './validate-cases.ts'

/** How to import. */
export interface ImportOptions {
  /** Write nothing when any row is invalid (default true). */
  allOrNothing?: boolean
  /** Create products for unknown product codes instead of reporting them (default false). */
  createProducts?: boolean
  /** Validate and write inside a transaction that is rolled back (default false). */
  dryRun?: boolean
  /** Rows per INSERT statement (default 1,000). */
  batchSize?: number
}

/** What an import did (or, in a dry run or when refused, would have done). */
export interface ImportReport {
  /** New zaken. */
  imported: number
  /** Existing zaken (same reference) whose data changed. */
  updated: number
  /** Existing zaken that already had exactly this data. */
  unchanged: number
  /** Rows with at least one error (not written). */
  rejected: number
  /** Responses that named one of these zaken by reference before it existed, now linked to it. */
  linkedResponses: number
  /** Codes of products created by the import. */
  createdProducts: string[]
  errors: RowError[]
  /** Whether the writes were committed (false for a dry run and for a refused all-or-nothing import). */
  committed: boolean
  dryRun: boolean
}

export const DEFAULT_BATCH_SIZE = 1000

class DryRunRollback extends Error {}

/** Validates and imports case records; see the module comment for the rules. */
export async function importCases(
  db: Kysely<Database>,
  ctx: WriteContext,
  rows: readonly CaseRecordInput[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const allOrNothing = options.allOrNothing ?? true
  const dryRun = options.dryRun ?? false
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  const organisationId = ctx.organisationId
  const [products, channels] = await Promise.all([
    db
      .selectFrom('product')
      .select(['id', 'code', 'name'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('channel')
      .select(['id', 'code', 'name'])
      .where('organisation_id', '=', organisationId)
      .execute(),
  ])
  const { valid, errors } = validateCaseRows(rows, { products, channels }, options)
  const report: ImportReport = {
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: new Set(errors.map((e) => e.row)).size,
    createdProducts: [],
    linkedResponses: 0,
    errors,
    committed: false,
    dryRun,
  }
  if (errors.length > 0 && allOrNothing) return report

  try {
    await db.transaction().execute(async (trx) => {
      report.createdProducts = await createMissingProducts(trx, organisationId, valid)
      for (let i = 0; i < valid.length; i += batchSize) {
        const counts = await upsertBatch(trx, organisationId, valid.slice(i, i + batchSize))
        report.imported += counts.inserted
        report.updated += counts.updated
        report.unchanged += counts.unchanged
      }
      report.linkedResponses = await linkWaitingResponses(
        trx,
        organisationId,
        valid.map((v) => v.reference),
      )
      await recordEvent(trx, ctx, {
        type: 'cases.imported',
        subjectType: 'organisation',
        subjectId: organisationId,
        data: {
          imported: report.imported,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected,
          linkedResponses: report.linkedResponses,
          createdProducts: report.createdProducts,
        },
      })
      if (dryRun) throw new DryRunRollback()
    })
    report.committed = true
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error
  }
  return report
}

/** Links responses that named a zaak by reference before the zaak was imported. */
async function linkWaitingResponses(
  trx: Transaction<Database>,
  organisationId: string,
  references: string[],
) {
  if (references.length === 0) return 0
  const r = await sql`
    UPDATE response r SET case_id = sc.id
      FROM service_case sc
     WHERE r.organisation_id = ${organisationId} AND r.case_id IS NULL AND r.case_reference IS NOT NULL
       AND sc.organisation_id = r.organisation_id AND sc.reference = r.case_reference
       AND sc.reference = ANY(${references}::text[])`.execute(trx)
  return Number(r.numAffectedRows ?? 0)
}

/** Creates the products the valid rows need but the organisation lacks; fills in their ids. */
async function createMissingProducts(
  trx: Transaction<Database>,
  organisationId: string,
  valid: ValidCase[],
): Promise<string[]> {
  const wanted = new Map<string, string>()
  for (const v of valid)
    if (v.productId === null && !wanted.has(v.productCode)) wanted.set(v.productCode, v.productName)
  if (wanted.size === 0) return []
  const inserted = await trx
    .insertInto('product')
    .values([...wanted].map(([code, name]) => ({ organisation_id: organisationId, id: newId(), code, name })))
    // Another import may have created the same product a moment ago: use that one.
    .onConflict((oc) => oc.columns(['organisation_id', 'code']).doNothing())
    .returning('code')
    .execute()
  const ids = await trx
    .selectFrom('product')
    .select(['id', 'code'])
    .where('organisation_id', '=', organisationId)
    .where('code', 'in', [...wanted.keys()])
    .execute()
  const byCode = new Map(ids.map((p) => [p.code, p.id]))
  for (const v of valid) if (v.productId === null) v.productId = byCode.get(v.productCode) ?? null
  return inserted.map((p) => p.code).sort()
}

/** Inserts or updates one batch in one statement; unchanged rows are not touched (no new row version). */
async function upsertBatch(trx: Transaction<Database>, organisationId: string, batch: ValidCase[]) {
  const result = await sql<{ inserted: boolean }>`
    INSERT INTO service_case (organisation_id, id, reference, product_id, channel_id, started_at, ended_at, contact_count)
    SELECT ${organisationId}::uuid, t.id, t.reference, t.product_id, t.channel_id, t.started_at, t.ended_at, t.contact_count
      FROM unnest(${batch.map(() => newId())}::uuid[], ${batch.map((v) => v.reference)}::text[],
                  ${batch.map((v) => v.productId)}::uuid[], ${batch.map((v) => v.channelId)}::uuid[],
                  ${batch.map((v) => v.startedAt.toISOString())}::timestamptz[],
                  ${batch.map((v) => v.endedAt?.toISOString() ?? null)}::timestamptz[],
                  ${batch.map((v) => v.contactCount)}::int4[])
           AS t(id, reference, product_id, channel_id, started_at, ended_at, contact_count)
    ON CONFLICT (organisation_id, reference) DO UPDATE
       SET product_id = EXCLUDED.product_id, channel_id = EXCLUDED.channel_id,
           started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at, contact_count = EXCLUDED.contact_count
     WHERE (service_case.product_id, service_case.channel_id, service_case.started_at, service_case.ended_at,
            service_case.contact_count)
           IS DISTINCT FROM
           (EXCLUDED.product_id, EXCLUDED.channel_id, EXCLUDED.started_at, EXCLUDED.ended_at, EXCLUDED.contact_count)
    RETURNING (xmax = 0) AS inserted`.execute(trx)
  // xmax is 0 for a row version created by an INSERT and set for one created by the UPDATE branch.
  const inserted = result.rows.filter((r) => r.inserted).length
  const updated = result.rows.length - inserted
  return { inserted, updated, unchanged: batch.length - result.rows.length }
}
