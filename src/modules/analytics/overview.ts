/**
 * Use case: the organisation overview — number of responses and the mean rapportcijfer with its 95%
 * confidence interval, per month (Europe/Amsterdam) and per channel, over the last 12 months.
 * SQL returns sufficient statistics per (month, channel); totals are combined in code. The rapportcijfer
 * is the question linked to the kern rapportcijfer bouwblok, whatever its code (outcome-question.ts).
 */
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../database.ts'
import { addMoments, EMPTY_MOMENTS, type MeanEstimate, type Moments, meanWithCi } from './calc/mean-ci.ts'
import { isOutcomeQuestion } from './outcome-question.ts'

/** One row of a breakdown. */
export interface OverviewRow extends MeanEstimate {
  key: string
  label: string
}

/** The whole overview. */
export interface Overview {
  from: string
  to: string
  responses: number
  grade: MeanEstimate
  byMonth: OverviewRow[]
  byChannel: OverviewRow[]
}

/** Computes the overview of an organisation for the 12 months up to `now`. */
export async function loadOverview(
  db: Kysely<Database>,
  organisationId: string,
  now = new Date(),
): Promise<Overview> {
  // The window starts at midnight (Amsterdam) on the first day of the month 11 months back.
  const bounds = await sql<{ from_ts: Date; first_month: string }>`
    SELECT (date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam') - interval '11 months')
             AT TIME ZONE 'Europe/Amsterdam' AS from_ts,
           to_char(date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam') - interval '11 months',
             'YYYY-MM') AS first_month`.execute(db)
  const from = new Date(bounds.rows[0]?.from_ts ?? now)
  const firstMonth = bounds.rows[0]?.first_month ?? '2000-01'
  const rows = await sql<{
    month: string
    channel: string | null
    channel_name: string | null
    n: number
    s: number
    ss: number
  }>`
    SELECT to_char(date_trunc('month', r.submitted_at AT TIME ZONE 'Europe/Amsterdam'), 'YYYY-MM') AS month,
           c.code AS channel, c.name AS channel_name,
           count(*)::int AS n, sum(a.numeric_value)::float8 AS s, sum(a.numeric_value * a.numeric_value)::float8 AS ss
      FROM answer a
      JOIN question q ON q.organisation_id = a.organisation_id AND q.id = a.question_id AND ${isOutcomeQuestion('q')}
      JOIN response r ON r.organisation_id = a.organisation_id AND r.id = a.response_id
      LEFT JOIN channel c ON c.organisation_id = r.organisation_id AND c.id = r.channel_id
     WHERE a.organisation_id = ${organisationId}
       AND a.numeric_value IS NOT NULL
       AND r.status = 'complete'
       AND r.submitted_at >= ${from}
       AND r.submitted_at <= ${now}
     GROUP BY 1, 2, 3`.execute(db)
  const responses = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM response
     WHERE organisation_id = ${organisationId} AND status = 'complete'
       AND submitted_at >= ${from} AND submitted_at <= ${now}`.execute(db)

  const months = new Map<string, Moments>()
  const channels = new Map<string, { label: string; m: Moments }>()
  let total = EMPTY_MOMENTS
  for (const r of rows.rows) {
    const m = { n: r.n, sum: r.s, sumSquares: r.ss }
    total = addMoments(total, m)
    months.set(r.month, addMoments(months.get(r.month) ?? EMPTY_MOMENTS, m))
    const key = r.channel ?? 'onbekend'
    const prev = channels.get(key)
    channels.set(key, { label: r.channel_name ?? 'Onbekend', m: addMoments(prev?.m ?? EMPTY_MOMENTS, m) })
  }
  const byMonth = monthKeys(firstMonth, 12).map((key) => ({
    key,
    label: monthLabel(key),
    ...meanWithCi(months.get(key) ?? EMPTY_MOMENTS),
  }))
  const byChannel = [...channels.entries()]
    .map(([key, v]) => ({ key, label: v.label, ...meanWithCi(v.m) }))
    .sort((a, b) => b.n - a.n)
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    responses: responses.rows[0]?.n ?? 0,
    grade: meanWithCi(total),
    byMonth,
    byChannel,
  }
}

const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']

/** "2026-03" → "mrt 2026". */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-')
  return `${MONTHS_NL[Number(m) - 1]} ${y}`
}

function monthKeys(first: string, count: number): string[] {
  const [fy, fm] = first.split('-').map(Number)
  const keys: string[] = []
  for (let i = 0; i < count; i++) {
    const idx = (fm ?? 1) - 1 + i
    const y = (fy ?? 2000) + Math.floor(idx / 12)
    const m = (idx % 12) + 1
    keys.push(`${y}-${String(m).padStart(2, '0')}`)
  }
  return keys
}
