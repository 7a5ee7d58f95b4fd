/**
 * A second anchor for intake: how many whole responses PostgreSQL itself stores per second, with
 * pgbench and no application in between. Each pgbench transaction is one statement that inserts
 * `batch` responses with exactly the answer rows and event the application wrote for a response it
 * stored earlier in the run (copied from the database, so the rows cannot drift from the real ones),
 * on the real tables with their indexes and foreign keys. `batch` responses per statement and a few
 * clients is what the application's group commit does (src/modules/responses/batch-writer.ts).
 *
 * The single-row pgbench anchor says what the server does with the smallest durable write; this one
 * says what it can do with the rows a response really is. The gap between the two is the cost of the
 * data model; the gap between this one and intake is the cost of HTTP, validation and the app.
 */
import type pg from 'pg'
import { runPgbench } from './pgbench.ts'
import { withClient } from './postgres.ts'

/** The pgbench script that inserts `batch` copies of the stored response `responseId`. */
export async function responseCeilingScript(
  url: string,
  organisationId: string,
  responseId: string,
  batch: number,
): Promise<string> {
  return withClient(url, async (c) => {
    const response = await one(
      c,
      'SELECT survey_id, survey_version, channel_id, language FROM response WHERE organisation_id = $1 AND id = $2',
      [organisationId, responseId],
    )
    const answers = await c.query(
      `SELECT question_id, item, numeric_value, option_code, text_value, detail_code, date_value
         FROM answer WHERE organisation_id = $1 AND response_id = $2`,
      [organisationId, responseId],
    )
    const event = await one(
      c,
      `SELECT type, actor_type, subject_type, data::text AS data FROM event
        WHERE organisation_id = $1 AND subject_type = 'response' AND subject_id = $2`,
      [organisationId, responseId],
    )
    const lit = (v: unknown) => (v === null || v === undefined ? 'NULL' : c.escapeLiteral(String(v)))
    const values = answers.rows
      .map(
        (a) =>
          `(${lit(a.question_id)}::uuid, ${lit(a.item)}::int, ${lit(a.numeric_value)}::numeric, ${lit(a.option_code)}::text, ` +
          `${lit(a.text_value)}::text, ${lit(a.detail_code)}::text, ${lit(a.date_value)}::date)`,
      )
      .join(', ')
    const org = lit(organisationId)
    // pgbench reads one line per command: the statement is written on one line.
    return `${[
      'WITH r AS (',
      'INSERT INTO response (organisation_id, id, survey_id, survey_version, channel_id, submission_key, language)',
      `SELECT ${org}, gen_random_uuid(), ${lit(response.survey_id)}, ${lit(response.survey_version)}, ${lit(response.channel_id)},`,
      `md5(random()::text || clock_timestamp()::text), ${lit(response.language)} FROM generate_series(1, ${batch})`,
      'RETURNING organisation_id, id',
      '), a AS (',
      'INSERT INTO answer (organisation_id, response_id, question_id, item, numeric_value, option_code, text_value, detail_code, date_value)',
      `SELECT r.organisation_id, r.id, x.q, x.item, x.n, x.o, x.t, x.d, x.dv FROM r CROSS JOIN (VALUES ${values}) AS x(q, item, n, o, t, d, dv)`,
      '), e AS (',
      'INSERT INTO event (organisation_id, id, type, actor_type, subject_type, subject_id, data)',
      `SELECT r.organisation_id, gen_random_uuid(), ${lit(event.type)}, ${lit(event.actor_type)}, ${lit(event.subject_type)}, r.id, ${lit(event.data)}::jsonb FROM r`,
      ')',
      'SELECT count(*) FROM r;',
    ].join(' ')}\n`
  })
}

/** Runs the script with pgbench; resolves with responses per second (transactions × batch). */
export async function measureResponseCeiling(run: {
  url: string
  script: string
  batch: number
  clients: number
  durationS: number
}) {
  const result = await runPgbench({
    databaseUrl: run.url,
    script: run.script,
    clients: run.clients,
    threads: Math.min(2, run.clients),
    durationS: run.durationS,
    env: { PGOPTIONS: '-c synchronous_commit=on' },
  })
  return { responsesPerS: result.tps * run.batch, result }
}

async function one(c: pg.Client, text: string, values: unknown[]) {
  const r = await c.query(text, values)
  const row = r.rows[0]
  if (!row) throw new Error(`no row for: ${text}`)
  return row
}
