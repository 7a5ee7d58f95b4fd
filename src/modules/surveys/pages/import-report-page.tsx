/** The result of importing a survey file: the report per question, or what is wrong with the file. */
import { Layout } from '../../../platform/web/layout.tsx'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import type { SurveyImport } from '../versions/import-survey.ts'

const OUTCOME = { imported: 'overgenomen', mapped: 'aangepast', skipped: 'niet overgenomen' } as const

/** Renders the import result page. */
export function ImportReportPage(props: {
  organisation: { slug: string; name: string }
  staff: StaffIdentity
  error: string | null
  result?: SurveyImport
}) {
  const base = `/o/${props.organisation.slug}/vragenlijsten`
  const r = props.result
  return (
    <Layout
      title={`${props.error ? 'Fout: ' : ''}Vragenlijst importeren – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">Vragenlijst importeren</h1>
      {props.error ? (
        <div class="utrecht-alert utrecht-alert--error kb-error-summary" role="alert">
          <p class="utrecht-paragraph">{props.error}</p>
          <p class="utrecht-paragraph">Er is niets aangemaakt.</p>
        </div>
      ) : null}
      {r?.survey ? (
        <>
          <p class="utrecht-paragraph">
            “{r.title}” is geïmporteerd als concept: {r.questions.imported} vragen overgenomen,{' '}
            {r.questions.mapped} aangepast en {r.questions.skipped} niet overgenomen.{' '}
            <a class="utrecht-link" href={`${base}/${r.survey.id}`}>
              Bekijk en publiceer het concept
            </a>
            .
          </p>
          {r.warnings.length ? (
            <ul class="utrecht-unordered-list">
              {r.warnings.map((w) => (
                <li>{w}</li>
              ))}
            </ul>
          ) : null}
          <div class="kb-table-wrap">
            <table class="utrecht-table">
              <caption class="utrecht-table__caption">Wat er met elke vraag is gebeurd</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    Vraag
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Resultaat
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Toelichting
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {r.report.map((item) => (
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">
                      {item.source}: {item.title}
                    </td>
                    <td class="utrecht-table__cell">
                      {OUTCOME[item.outcome]}
                      {item.type ? ` (${item.type})` : ''}
                    </td>
                    <td class="utrecht-table__cell">{item.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          Terug naar de vragenlijsten
        </a>
      </p>
    </Layout>
  )
}
