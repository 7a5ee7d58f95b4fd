/**
 * Group commit for intake. Submissions that arrive while the database is busy are written together in
 * ONE statement (one round trip, one WAL flush), and every caller is answered only after that
 * statement committed — so "acknowledged means stored" holds for each response. One statement is
 * atomic: if it fails, the batch is retried one response at a time, so a bad response fails alone.
 *
 * Flow: a submission joins the queue; if fewer than `maxInFlight` batches are running, a flush starts
 * on the next turn of the event loop and takes up to `maxBatch` queued submissions. Under light load a
 * batch holds one response (no added wait); under load batches grow by themselves.
 */
import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { AnswerRow, ConsentRecord } from '../surveys/definition/answers.ts'

/** One response to write: ids are made by the caller, so answers and events can refer to them. */
export interface ResponseRow {
  organisationId: string
  id: string
  surveyId: string
  surveyVersion: number
  channelId: string | null
  submissionKey: string | null
  /** Reference of the zaak the response is about; linked to the zaak now or when it is imported. */
  caseReference: string | null
  productId: string | null
  language: string
  /** Hidden-field values without a column of their own, or null. */
  context: Record<string, string> | null
  /** How the answers were collected (decision 0016); default 'self'. */
  collectionMode?: 'self' | 'telephony'
  answers: AnswerRow[]
  consents: (ConsentRecord & { id: string })[]
  event: { id: string; requestId: string | null; data: string }
}

interface Pending {
  row: ResponseRow
  resolve: (r: { id: string; created: boolean }) => void
  reject: (e: unknown) => void
}

const INSERT_BATCH = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::uuid[], $6::text[], $18::text[],
                       $19::uuid[], $20::text[], $21::text[], $32::text[])
    AS t(organisation_id, id, survey_id, survey_version, channel_id, submission_key, case_reference,
         product_id, language, context, collection_mode)
), r AS (
  INSERT INTO response (organisation_id, id, survey_id, survey_version, channel_id, submission_key, case_reference,
                        case_id, product_id, language, context, collection_mode)
  SELECT i.organisation_id, i.id, i.survey_id, i.survey_version, i.channel_id, i.submission_key, i.case_reference,
         (SELECT sc.id FROM service_case sc WHERE sc.organisation_id = i.organisation_id AND sc.reference = i.case_reference),
         i.product_id, i.language, i.context::jsonb, i.collection_mode
    FROM input i
  ON CONFLICT (organisation_id, submission_key) WHERE submission_key IS NOT NULL DO NOTHING
  RETURNING organisation_id, id
), a AS (
  INSERT INTO answer (organisation_id, response_id, question_id, item, numeric_value, option_code, text_value,
                      detail_code, date_value)
  SELECT x.org, x.rid, x.q, x.item, x.n, x.o, x.t, x.d, x.dv
    FROM unnest($7::uuid[], $8::uuid[], $9::uuid[], $10::numeric[], $11::text[], $12::text[], $22::int[],
                $23::text[], $24::date[]) AS x(org, rid, q, n, o, t, item, d, dv)
    JOIN r ON r.organisation_id = x.org AND r.id = x.rid
), c AS (
  INSERT INTO consent (organisation_id, id, response_id, purpose, given, statement, language)
  SELECT x.org, x.cid, x.rid, x.purpose, x.given, x.statement, x.lang
    FROM unnest($25::uuid[], $26::uuid[], $27::uuid[], $28::text[], $29::boolean[], $30::text[], $31::text[])
      AS x(org, cid, rid, purpose, given, statement, lang)
    JOIN r ON r.organisation_id = x.org AND r.id = x.rid
), e AS (
  INSERT INTO event (organisation_id, id, type, actor_type, actor_id, request_id, subject_type, subject_id, data)
  SELECT x.org, x.eid, 'response.submitted', 'public', NULL, x.req, 'response', x.rid, x.data::jsonb
    FROM unnest($13::uuid[], $14::uuid[], $15::uuid[], $16::text[], $17::text[]) AS x(org, rid, eid, req, data)
    JOIN r ON r.organisation_id = x.org AND r.id = x.rid
)
SELECT id FROM r`

/** Batches response writes for one database. */
export class ResponseBatchWriter {
  private queue: Pending[] = []
  private inFlight = 0
  private scheduled = false
  /** Statements written so far (batches, including single-response retries); for metrics and tests. */
  statements = 0

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { maxBatch: number; maxInFlight: number } = { maxBatch: 200, maxInFlight: 4 },
  ) {}

  /** Writes one response; resolves after its batch committed, with `created: false` for a replayed key. */
  write(row: ResponseRow): Promise<{ id: string; created: boolean }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject })
      this.schedule()
    })
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      void this.flush()
    })
  }

  private async flush() {
    if (this.queue.length === 0 || this.inFlight >= this.options.maxInFlight) return
    const batch = this.queue.splice(0, this.options.maxBatch)
    this.inFlight++
    try {
      await this.writeBatch(batch)
    } catch {
      // One statement is all or nothing: find the culprit by writing each response alone.
      for (const p of batch) await this.writeBatch([p]).catch((e) => p.reject(e))
    } finally {
      this.inFlight--
      this.schedule()
    }
  }

  private async writeBatch(batch: Pending[]) {
    this.statements++
    const rows = batch.map((p) => p.row)
    const answers = rows.flatMap((r) => r.answers.map((a) => ({ r, a })))
    const consents = rows.flatMap((r) => r.consents.map((c) => ({ r, c })))
    const result = await this.db.executeQuery<{ id: string }>(
      CompiledQuery.raw(INSERT_BATCH, [
        rows.map((r) => r.organisationId),
        rows.map((r) => r.id),
        rows.map((r) => r.surveyId),
        rows.map((r) => r.surveyVersion),
        rows.map((r) => r.channelId),
        rows.map((r) => r.submissionKey),
        answers.map((x) => x.r.organisationId),
        answers.map((x) => x.r.id),
        answers.map((x) => x.a.questionId),
        answers.map((x) => x.a.numericValue),
        answers.map((x) => x.a.optionCode),
        answers.map((x) => x.a.textValue),
        rows.map((r) => r.organisationId),
        rows.map((r) => r.id),
        rows.map((r) => r.event.id),
        rows.map((r) => r.event.requestId),
        rows.map((r) => r.event.data),
        rows.map((r) => r.caseReference),
        rows.map((r) => r.productId),
        rows.map((r) => r.language),
        rows.map((r) => (r.context ? JSON.stringify(r.context) : null)),
        answers.map((x) => x.a.item),
        answers.map((x) => x.a.detailCode),
        answers.map((x) => x.a.dateValue),
        consents.map((x) => x.r.organisationId),
        consents.map((x) => x.c.id),
        consents.map((x) => x.r.id),
        consents.map((x) => x.c.purpose),
        consents.map((x) => x.c.given),
        consents.map((x) => x.c.statement),
        consents.map((x) => x.c.language),
        rows.map((r) => r.collectionMode ?? 'self'),
      ]),
    )
    const created = new Set(result.rows.map((r) => r.id))
    const replayed = batch.filter((p) => !created.has(p.row.id))
    const existing = replayed.length
      ? await this.existingIds(replayed.map((p) => p.row))
      : new Map<string, string>()
    for (const p of batch) {
      if (created.has(p.row.id)) p.resolve({ id: p.row.id, created: true })
      else {
        const id = existing.get(`${p.row.organisationId}/${p.row.submissionKey}`)
        if (id) p.resolve({ id, created: false })
        else p.reject(new Error('response was neither stored nor found by its submission key'))
      }
    }
  }

  /** Ids already stored under the submission keys of `rows` (replays of earlier submissions). */
  private async existingIds(rows: ResponseRow[]) {
    const found = await this.db
      .selectFrom('response')
      .select(['organisation_id', 'submission_key', 'id'])
      .where((eb) =>
        eb.or(
          rows.map((r) =>
            eb.and([
              eb('organisation_id', '=', r.organisationId),
              eb('submission_key', '=', r.submissionKey ?? ''),
            ]),
          ),
        ),
      )
      .execute()
    return new Map(found.map((f) => [`${f.organisation_id}/${f.submission_key}`, f.id]))
  }
}

const writers = new WeakMap<Kysely<Database>, ResponseBatchWriter>()

/** The batch writer of a database handle (one per handle, so batches never mix databases). */
export function batchWriterFor(db: Kysely<Database>): ResponseBatchWriter {
  let w = writers.get(db)
  if (!w) {
    w = new ResponseBatchWriter(db)
    writers.set(db, w)
  }
  return w
}
