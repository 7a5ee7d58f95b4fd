/**
 * Use case: doorlooptijd beside the rapportcijfer, for the overview. For the responses submitted in
 * [from, to) that are linked to a finished zaak, SQL groups by doorlooptijd in days (few distinct values,
 * whatever the number of responses) with the moments of their rapportcijfers; the pure calculator
 * (calc/lead-time.ts) puts the groups in buckets, takes medians and confidence intervals.
 * The SQL day count is the same rule as leadTimeDays: Amsterdam end date minus Amsterdam start date.
 * The rapportcijfer is read as the overview reads it (analytics' isOutcomeQuestion: the core link).
 */
import { type Kysely, sql } from 'kysely'
import { isOutcomeQuestion } from '../analytics/index.ts'
import type { Database } from '../database.ts'
import { type LeadTimeRow, summariseLeadTime } from './calc/lead-time.ts'

/** The summary: one row per bucket, and the responses that could not be placed in a bucket. */
export interface LeadTimeSummary {
  from: string
  to: string
  buckets: LeadTimeRow[]
  /** Responses in the period linked to a zaak that has no end yet. */
  openCases: number
  /** Responses in the period not linked to any zaak. */
  withoutCase: number
}

/** Responses per doorlooptijd bucket with their mean rapportcijfer (95% CI) and median doorlooptijd. */
export async function leadTimeBeside(
  db: Kysely<Database>,
  organisationId: string,
  from: Date,
  to: Date,
): Promise<LeadTimeSummary> {
  const rows = await sql<{
    linked: boolean
    days: number | null
    responses: number
    n: number
    s: number
    ss: number
  }>`
    SELECT r.case_id IS NOT NULL AS linked,
           ((sc.ended_at AT TIME ZONE 'Europe/Amsterdam')::date
             - (sc.started_at AT TIME ZONE 'Europe/Amsterdam')::date) AS days,
           count(*)::int AS responses,
           count(g.numeric_value)::int AS n,
           coalesce(sum(g.numeric_value), 0)::float8 AS s,
           coalesce(sum(g.numeric_value * g.numeric_value), 0)::float8 AS ss
      FROM response r
      LEFT JOIN service_case sc ON sc.organisation_id = r.organisation_id AND sc.id = r.case_id
      LEFT JOIN (answer g JOIN question q
                   ON q.organisation_id = g.organisation_id AND q.id = g.question_id AND ${isOutcomeQuestion('q')})
             ON g.organisation_id = r.organisation_id AND g.response_id = r.id
     WHERE r.organisation_id = ${organisationId}
       AND r.status = 'complete'
       AND r.submitted_at >= ${from}
       AND r.submitted_at < ${to}
     GROUP BY 1, 2`.execute(db)
  let openCases = 0
  let withoutCase = 0
  const groups = []
  for (const r of rows.rows) {
    if (!r.linked) withoutCase += r.responses
    else if (r.days === null) openCases += r.responses
    else groups.push({ days: r.days, responses: r.responses, grade: { n: r.n, sum: r.s, sumSquares: r.ss } })
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    buckets: summariseLeadTime(groups),
    openCases,
    withoutCase,
  }
}
