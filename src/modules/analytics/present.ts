/** Presenter of the overview: formats numbers the Dutch way and allowlists what the API returns. */
import type { Overview, OverviewRow } from './overview.ts'

const nl1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const nl2 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const nlInt = new Intl.NumberFormat('nl-NL')

/** "7,2" or "—". */
export function grade(v: number | null) {
  return v === null ? '—' : nl1.format(v)
}

/** "6,95 – 7,41" or "—". */
export function interval(lower: number | null, upper: number | null) {
  return lower === null || upper === null ? '—' : `${nl2.format(lower)} – ${nl2.format(upper)}`
}

/** "12.345". */
export function count(n: number) {
  return nlInt.format(n)
}

function round(v: number | null, digits = 4) {
  return v === null ? null : Number(v.toFixed(digits))
}

function row(r: OverviewRow) {
  return {
    key: r.key,
    label: r.label,
    n: r.n,
    mean: round(r.mean),
    lower: round(r.lower),
    upper: round(r.upper),
  }
}

/** The API representation of an overview. */
export function presentOverview(o: Overview) {
  return {
    from: o.from,
    to: o.to,
    responses: o.responses,
    grade: {
      n: o.grade.n,
      mean: round(o.grade.mean),
      lower: round(o.grade.lower),
      upper: round(o.grade.upper),
      level: 0.95,
    },
    byMonth: o.byMonth.map(row),
    byChannel: o.byChannel.map(row),
  }
}
