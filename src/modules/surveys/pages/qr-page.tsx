/**
 * Staff page "QR-code": the QR code of a survey's public link for one channel and place, to print on a
 * letter, a poster or the balie. A plain GET form (no JavaScript): choose the channel, type the place,
 * and the page shows the code with download links for SVG (print) and PNG.
 */
import { SelectField, TextField } from '../../../platform/web/fields.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import type { Role } from '../../organisations/index.ts'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import type { LinkContext, SurveyLink } from '../qr/survey-link.ts'
import type { SurveySummary } from '../versions/store.ts'

const MISSING_TEXT: Record<keyof LinkContext, string> = {
  channel: 'Deze vragenlijst heeft geen verborgen veld voor het kanaal: het kanaal wordt niet opgeslagen.',
  touchpoint:
    'Deze vragenlijst heeft geen verborgen veld voor de plek (soort "Contactmoment"): de plek wordt niet opgeslagen. Voeg het veld toe in de vragenlijst.',
}

/** The QR page; `link` is null until the form was sent without errors, or when nothing is published. */
export function QrPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  survey: SurveySummary
  channels: { code: string; name: string }[]
  values: LinkContext
  link: SurveyLink | null
  query: string
  errors: FieldError[]
}) {
  const base = `/o/${props.organisation.slug}/vragenlijsten/${props.survey.id}`
  const errorFor = (f: string) => props.errors.find((e) => e.field === f)?.message
  const published = props.survey.publishedVersion > 0
  return (
    <Layout
      title={`${props.errors.length ? 'Fout: ' : ''}QR-code – ${props.survey.title} – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">QR-code voor {props.survey.title}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          Terug naar de vragenlijst
        </a>
      </p>
      <ErrorSummary errors={props.errors} />
      {published ? (
        <>
          <p class="utrecht-paragraph">
            Zet de code op een brief, een poster of bij de balie. Kies het kanaal en de plek: die worden bij
            elk antwoord opgeslagen.
          </p>
          <form method="get" action={`${base}/qr`}>
            <SelectField
              id="kanaal"
              label="Kanaal"
              value={props.values.channel}
              error={errorFor('kanaal')}
              none="Geen kanaal"
              options={props.channels.map((ch) => ({ value: ch.code, label: ch.name }))}
            />
            <TextField
              id="locatie"
              label="Plek (niet verplicht)"
              maxlength={100}
              value={props.values.touchpoint}
              error={errorFor('locatie')}
              hint="Bijvoorbeeld: Stadskantoor, balie 3."
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Maak QR-code
            </button>
          </form>
          {props.link ? <QrResult base={base} link={props.link} query={props.query} /> : null}
        </>
      ) : (
        <p class="utrecht-paragraph">
          Deze vragenlijst is nog niet gepubliceerd. Publiceer haar eerst: de QR-code wijst naar de
          gepubliceerde versie.
        </p>
      )}
    </Layout>
  )
}

function QrResult(props: { base: string; link: SurveyLink; query: string }) {
  return (
    <section aria-labelledby="qr-title">
      <h2 class="utrecht-heading-2" id="qr-title">
        Uw QR-code
      </h2>
      {props.link.missing.map((m) => (
        <p class="utrecht-alert" role="status">
          {MISSING_TEXT[m]}
        </p>
      ))}
      <p class="utrecht-paragraph">
        <img
          class="kb-qr"
          src={`${props.base}/qr.svg?${props.query}`}
          alt={`QR-code met de link ${props.link.url}`}
          width={240}
          height={240}
        />
      </p>
      <p class="utrecht-paragraph">
        De code opent deze link: <code>{props.link.url}</code>
      </p>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={`${props.base}/qr.svg?${props.query}`} download="qr-code.svg">
            Download als SVG (voor drukwerk)
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${props.base}/qr.png?${props.query}`} download="qr-code.png">
            Download als PNG
          </a>
        </li>
      </ul>
    </section>
  )
}
