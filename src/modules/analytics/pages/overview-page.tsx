/** The staff overview page: KPIs, a chart of the mean grade per month with its CI, and data tables. */
import { renderChart } from '../../../platform/web/chart.ts'
import { Layout } from '../../../platform/web/layout.tsx'
import type { LeadTimeSummary } from '../../cases/index.ts'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import type { Overview, OverviewRow } from '../overview.ts'
import { count, grade, interval } from '../present.ts'

/** Props of the page. */
export interface OverviewPageProps {
  organisation: { slug: string; name: string }
  staff: StaffIdentity
  overview: Overview
  surveyLink: string | null
  /** Rapportcijfer by doorlooptijd of the linked zaak (process data beside perception). */
  leadTime?: LeadTimeSummary
  /** The SVG of monthChart(overview.byMonth), rendered before the page. */
  chart: string | null
}

function LeadTimeSection(props: { leadTime: LeadTimeSummary }) {
  const { buckets, openCases, withoutCase } = props.leadTime
  if (!buckets.some((b) => b.responses > 0)) return null
  const rows = buckets.map((b) => ({
    label: b.label,
    n: b.responses,
    mean: b.grade.mean,
    lower: b.grade.lower,
    upper: b.grade.upper,
    extra: b.medianDays === null ? '—' : count(b.medianDays),
  }))
  return (
    <>
      <h2 class="utrecht-heading-2">Rapportcijfer naar doorlooptijd</h2>
      <p class="utrecht-paragraph">
        Doorlooptijd is het aantal dagen van het begin tot het einde van de zaak waar de reactie bij hoort.
      </p>
      <BreakdownTable
        caption="Rapportcijfer naar doorlooptijd"
        first="Doorlooptijd"
        rows={rows}
        extraHeading="Mediaan (dagen)"
      />
      <p class="utrecht-paragraph kb-hint">
        Niet in de tabel: {count(openCases)} reacties bij een zaak die nog loopt en {count(withoutCase)}{' '}
        reacties zonder zaak.
      </p>
    </>
  )
}

/** One row of a breakdown table: a label, a count, the mean grade with its interval, and an optional extra cell. */
interface BreakdownRow {
  label: string
  n: number
  mean: number | null
  lower: number | null
  upper: number | null
  extra?: string
}

function BreakdownTable(props: {
  caption: string
  first: string
  rows: BreakdownRow[]
  extraHeading?: string
}) {
  return (
    <div class="kb-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {props.first}
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              Reacties
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              Gemiddeld cijfer
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              95%-betrouwbaarheidsinterval
            </th>
            {props.extraHeading ? (
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {props.extraHeading}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((r) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {r.label}
              </th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{count(r.n)}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{grade(r.mean)}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{interval(r.lower, r.upper)}</td>
              {props.extraHeading ? (
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{r.extra}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The SVG chart of the mean grade per month with its CI, or null without data. */
export async function monthChart(rows: OverviewRow[]): Promise<string | null> {
  const data = rows
    .filter((r) => r.mean !== null)
    .map((r) => ({ month: r.label, mean: r.mean, lower: r.lower ?? r.mean, upper: r.upper ?? r.mean }))
  if (data.length === 0) return null
  const order = rows.map((r) => r.label)
  return renderChart(
    (Plot) => ({
      width: 720,
      height: 340,
      marginLeft: 48,
      marginBottom: 64,
      x: { type: 'point', domain: order, label: null, tickRotate: -35 },
      y: { domain: [1, 10], grid: true, label: 'Gemiddeld cijfer (1–10)' },
      marks: [
        Plot.ruleX(data, {
          x: 'month',
          y1: 'lower',
          y2: 'upper',
          stroke: '#5a6c85',
          strokeWidth: 6,
          strokeOpacity: 0.5,
        }),
        Plot.lineY(data, { x: 'month', y: 'mean', stroke: '#154273', strokeWidth: 2 }),
        Plot.dot(data, { x: 'month', y: 'mean', fill: '#154273', r: 4 }),
      ],
    }),
    'Gemiddeld rapportcijfer per maand met 95%-betrouwbaarheidsinterval. De cijfers staan in de tabel eronder.',
  )
}

/** Renders the overview page. */
export function OverviewPage(props: OverviewPageProps) {
  const o = props.overview
  const chart = props.chart
  return (
    <Layout
      title={`Overzicht – ${props.organisation.name}`}
      header={<StaffHeader staff={props.staff} organisation={props.organisation} />}
    >
      <h1 class="utrecht-heading-1">Overzicht {props.organisation.name}</h1>
      <p class="utrecht-paragraph">De afgelopen 12 maanden.</p>
      <ul class="kb-kpis" aria-label="Kerncijfers">
        <li>
          <span class="kb-kpi-value">{count(o.responses)}</span> reacties
        </li>
        <li>
          <span class="kb-kpi-value">{grade(o.grade.mean)}</span> gemiddeld rapportcijfer
          <span class="kb-hint">
            {' '}
            (95%-betrouwbaarheidsinterval {interval(o.grade.lower, o.grade.upper)})
          </span>
        </li>
      </ul>
      <h2 class="utrecht-heading-2">Rapportcijfer per maand</h2>
      {chart ? (
        <figure class="kb-figure" dangerouslySetInnerHTML={{ __html: chart }} />
      ) : (
        <p class="utrecht-paragraph">Er zijn nog geen reacties.</p>
      )}
      <BreakdownTable caption="Rapportcijfer per maand" first="Maand" rows={o.byMonth} />
      <h2 class="utrecht-heading-2">Rapportcijfer per kanaal</h2>
      <BreakdownTable caption="Rapportcijfer per kanaal" first="Kanaal" rows={o.byChannel} />
      {props.leadTime ? <LeadTimeSection leadTime={props.leadTime} /> : null}
      {props.surveyLink ? (
        <p class="utrecht-paragraph">
          Openbare link van de standaardvragenlijst:{' '}
          <a class="utrecht-link" href={props.surveyLink}>
            {props.surveyLink}
          </a>
        </p>
      ) : null}
    </Layout>
  )
}
