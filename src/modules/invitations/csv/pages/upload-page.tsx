/**
 * Staff page "Contacten uploaden" (/o/:slug/uitnodigingen/contacten-uploaden): choose a survey and a CSV
 * file; a plain multipart form, so it works without JavaScript. Shows the columns, a link to the example
 * file, and after a refused upload an error summary with line, column and message (nothing was stored).
 */
import { describedBy, FieldErrorText, FieldHint, FormField } from '../../../../platform/web/form-field.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../../platform/web/layout.tsx'
import type { Role } from '../../../organisations/index.ts'
import { StaffHeader } from '../../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../../organisations/sessions.ts'
import { SelectInput } from '../../settings/pages/fields.tsx'
import type { RowProblem } from '../validate-row.ts'

/** The columns as the page and docs/invitations.md explain them. */
const COLUMNS: [string, string][] = [
  ['e-mail', 'E-mailadres. Vul e-mail of telefoon in, of allebei.'],
  ['telefoon', 'Mobiel nummer, bijvoorbeeld 06 12345678 of +31 6 12345678.'],
  ['zaak', 'Zaaknummer (mag leeg). Per zaak krijgt iemand één uitnodiging.'],
  ['product', 'Productcode (mag leeg), bijvoorbeeld paspoort.'],
  [
    'kanaal',
    'Kanaalcode van het contact (mag leeg): balie, telefoon, website, e-mail, chat, brief of huisbezoek.',
  ],
  [
    'moment',
    'Datum en tijd van het contact, bijvoorbeeld 2026-11-23 14:05 of 23-11-2026 14:05 (Nederlandse tijd).',
  ],
  ['taal', 'Taal van de uitnodiging: nl of en (mag leeg, dan nl).'],
  [
    'kenmerk',
    'Uw eigen nummer van het contact (mag leeg). Uploadt u het bestand nog een keer? Dan slaan we regels met hetzelfde kenmerk niet nog eens op.',
  ],
]

/** The upload form, with the problems of a refused file. */
export function UploadPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  surveys: { id: string; title: string }[]
  surveyId: string
  errors: FieldError[]
  problems: RowProblem[]
  problemCount: number
  maxBytes: number
}) {
  const base = `/o/${props.organisation.slug}/uitnodigingen`
  const errorFor = (f: string) => props.errors.find((e) => e.field === f)?.message
  const lineErrors: FieldError[] = props.problems.map((p) => ({
    field: 'bestand',
    message: `Regel ${p.line}${p.column ? `, kolom ${p.column}` : ''}: ${p.message}`,
  }))
  const rest = props.problemCount - props.problems.length
  const summary = [
    ...props.errors,
    ...lineErrors,
    ...(rest > 0 ? [{ field: 'bestand', message: `En nog ${rest} andere fouten.` }] : []),
  ]
  const fileError = errorFor('bestand') ?? (props.problemCount ? 'Het bestand heeft fouten.' : undefined)
  const megabytes = (props.maxBytes / 1_000_000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })
  return (
    <Layout
      title={`${summary.length ? 'Fout: ' : ''}Contacten uploaden – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          Terug naar Uitnodigingen
        </a>
      </p>
      <h1 class="utrecht-heading-1">Contacten uploaden</h1>
      <ErrorSummary
        errors={summary}
        heading={props.problemCount ? 'Er is niets opgeslagen: het bestand heeft fouten' : undefined}
      />
      <p class="utrecht-paragraph">
        Upload een CSV-bestand met contacten. Klankbord nodigt deze mensen uit voor de vragenlijst die u
        kiest, volgens de regels van die vragenlijst. Heeft één regel een fout? Dan slaan we niets op en ziet
        u welke regels u moet verbeteren.
      </p>
      <form method="post" action={`${base}/contacten-uploaden`} enctype="multipart/form-data" class="kb-form">
        <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
        <SelectInput
          id="vragenlijst"
          label="Vragenlijst"
          value={props.surveyId}
          options={props.surveys.map((s) => ({ value: s.id, label: s.title }))}
          error={errorFor('vragenlijst')}
        />
        <FormField id="bestand" label="CSV-bestand" error={fileError}>
          <FieldErrorText id="bestand" error={fileError} />
          <input
            type="file"
            id="bestand"
            name="bestand"
            accept=".csv,text/csv"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={describedBy('bestand', fileError && 'error', 'hint')}
          />
          <FieldHint
            id="bestand"
            hint={`Een CSV-bestand van hoogstens ${megabytes} MB (ongeveer 50.000 regels). Scheid de kolommen met ; of ,. In Excel: "Opslaan als" en dan "CSV UTF-8".`}
          />
        </FormField>
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Uploaden
          </button>
        </div>
      </form>
      <h2 class="utrecht-heading-2">Kolommen</h2>
      <p class="utrecht-paragraph">
        De eerste regel noemt de kolommen. De volgorde maakt niet uit.{' '}
        <a class="utrecht-link" href={`${base}/voorbeeld-contacten.csv`} download>
          Download een voorbeeldbestand
        </a>
        .
      </p>
      <div class="kb-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">De kolommen van het bestand</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Kolom
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Wat vult u in?
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {COLUMNS.map(([name, text]) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  <code>{name}</code>
                </th>
                <td class="utrecht-table__cell">{text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  )
}

/** What was decided per line of an accepted file. */
export function UploadResultPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  surveyTitle: string
  report: {
    lines: number
    planned: number
    notSampled: number
    duplicate: number
    optedOut: number
    suppressed: number
    repeated: number
  }
}) {
  const r = props.report
  const base = `/o/${props.organisation.slug}/uitnodigingen`
  const rows: [string, number][] = [
    ['Gepland', r.planned],
    ['Niet in de steekproef', r.notSampled],
    ['Dubbel (al uitgenodigd voor deze zaak)', r.duplicate],
    ['Afgemeld', r.optedOut],
    ['Onderdrukt (kort geleden al uitgenodigd)', r.suppressed],
    ['Al eerder ontvangen (zelfde kenmerk)', r.repeated],
  ]
  return (
    <Layout title={`Contacten opgeslagen – ${props.organisation.name}`} header={<StaffHeader {...props} />}>
      <h1 class="utrecht-heading-1">Contacten opgeslagen</h1>
      <p class="utrecht-alert utrecht-alert--ok" role="status">
        We hebben {r.lines} {r.lines === 1 ? 'regel' : 'regels'} verwerkt voor de vragenlijst "
        {props.surveyTitle}".
      </p>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Wat er met de regels gebeurt</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Besluit
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Regels
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map(([label, n]) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {label}
              </th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          Naar Uitnodigingen
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`${base}/contacten-uploaden`}>
          Nog een bestand uploaden
        </a>
      </p>
    </Layout>
  )
}
