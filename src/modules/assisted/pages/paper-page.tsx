/**
 * Staff page "Papieren vragenlijst": the published version of a survey ready to print on A4, one copy
 * per form code, each with the QR code to the online survey, the return instructions and a privacy line.
 * The part above the copies (choose how many, channel and place of the QR code) is for the screen only
 * and disappears in print (paper.css), as do the header and navigation. Works without JavaScript:
 * printing is the browser's own "Afdrukken".
 */
import { SelectField, TextField } from '../../../platform/web/fields.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import type { Role } from '../../organisations/index.ts'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import { textIn } from '../../surveys/definition/answers.ts'
import type { PublicSurvey, SurveySummary } from '../../surveys/index.ts'
import { formatFormCode } from '../calc/form-code.ts'
import { PaperQuestion } from './paper-question.tsx'

/** What the screen form asked for, as typed. */
export interface PaperValues {
  copies: string
  channel: string
  touchpoint: string
}

/** Props of the paper page; `survey` is null when nothing is published yet. */
export interface PaperPageProps {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  summary: SurveySummary
  survey: PublicSurvey | null
  channels: { code: string; name: string }[]
  values: PaperValues
  errors: FieldError[]
  /** One form code per copy (none while there are errors). */
  codes: string[]
  /** The QR image and the link it opens. */
  qr: { src: string; url: string } | null
  cssHref: string
  canEnter: boolean
}

/** The printable paper questionnaire with its screen-only settings. */
export function PaperPage(props: PaperPageProps) {
  const base = `/o/${props.organisation.slug}/vragenlijsten/${props.summary.id}`
  const errorFor = (f: string) => props.errors.find((e) => e.field === f)?.message
  return (
    <Layout
      title={`${props.errors.length ? 'Fout: ' : ''}Papieren vragenlijst – ${props.summary.title} – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <link rel="stylesheet" href={props.cssHref} />
      <div class="kb-screen-only">
        <h1 class="utrecht-heading-1">Papieren vragenlijst: {props.summary.title}</h1>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={base}>
            Terug naar de vragenlijst
          </a>
          {props.canEnter && props.survey ? (
            <>
              {' · '}
              <a class="utrecht-link" href={`${base}/papier/invoeren`}>
                Ingevulde formulieren invoeren
              </a>
            </>
          ) : null}
        </p>
        <ErrorSummary errors={props.errors} />
        {props.survey ? (
          <>
            <p class="utrecht-paragraph">
              Voor mensen die liever op papier antwoorden. Elk formulier krijgt een eigen formuliercode: zo
              wordt een formulier nooit twee keer ingevoerd. Druk daarom zoveel formulieren af als u nodig
              heeft, en kopieer ze niet.
            </p>
            <form method="get" action={`${base}/papier`}>
              <TextField
                id="aantal"
                label="Aantal formulieren"
                narrow
                inputmode="numeric"
                value={props.values.copies}
                error={errorFor('aantal')}
                hint="Van 1 tot en met 50."
              />
              <SelectField
                id="kanaal"
                label="Kanaal van de QR-code"
                value={props.values.channel}
                error={errorFor('kanaal')}
                hint="Wie de QR-code scant, vult de vragenlijst online in via dit kanaal."
                options={props.channels.map((ch) => ({ value: ch.code, label: ch.name }))}
              />
              <TextField
                id="locatie"
                label="Plek (niet verplicht)"
                maxlength={100}
                value={props.values.touchpoint}
                error={errorFor('locatie')}
                hint="Bijvoorbeeld: Brief bij besluit, of Stadskantoor, balie 3."
              />
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                Maak formulieren
              </button>
            </form>
            {props.codes.length ? (
              <p class="utrecht-paragraph kb-print-hint">
                Druk de formulieren af met de knop Afdrukken van uw browser (Ctrl+P, op een Mac ⌘+P). Kies A4.
                Hieronder ziet u hoe de formulieren eruitzien.
              </p>
            ) : null}
          </>
        ) : (
          <p class="utrecht-paragraph">
            Deze vragenlijst is nog niet gepubliceerd. Publiceer haar eerst: het formulier toont de
            gepubliceerde versie.
          </p>
        )}
      </div>
      {props.survey
        ? props.codes.map((code, i) => (
            <PaperCopy
              survey={props.survey as PublicSurvey}
              organisationName={props.organisation.name}
              code={code}
              qr={props.qr}
              index={i}
            />
          ))
        : null}
    </Layout>
  )
}

/** One printed copy: a section per form code, starting on a new sheet. */
function PaperCopy(props: {
  survey: PublicSurvey
  organisationName: string
  code: string
  qr: { src: string; url: string } | null
  index: number
}) {
  const { survey } = props
  const def = survey.definition
  let number = 0
  const headingId = `formulier-${props.index + 1}`
  return (
    <section class="kb-paper" aria-labelledby={headingId}>
      <div class="kb-paper-top">
        <div>
          <p class="kb-paper-org">{props.organisationName}</p>
          <h2 class="kb-paper-title" id={headingId}>
            {textIn(def.title, 'nl')}
          </h2>
        </div>
        <p class="kb-paper-code">
          Formuliercode
          <br />
          <strong>{formatFormCode(props.code)}</strong>
        </p>
      </div>
      {def.intro ? <p class="kb-paper-intro">{textIn(def.intro, 'nl')}</p> : null}
      <div class="kb-paper-how">
        <p>
          <strong>Zo vult u het formulier in.</strong> Zet een kruisje in het vakje bij uw antwoord. Schrijf
          duidelijk, met een pen. Vergist u zich? Kleur het vakje dan helemaal in en zet een kruisje bij het
          goede antwoord.
        </p>
        {props.qr ? (
          <div class="kb-paper-qr">
            <img
              src={props.qr.src}
              alt={`QR-code naar de vragenlijst op internet: ${props.qr.url}`}
              width={110}
              height={110}
            />
            <p>
              Liever op internet? Scan de QR-code met uw telefoon, of ga naar{' '}
              <span class="kb-paper-url">{props.qr.url}</span>
            </p>
          </div>
        ) : null}
      </div>
      {def.pages.map((page) => (
        <div class="kb-paper-page">
          {page.title ? <h3 class="kb-paper-page-title">{textIn(page.title, 'nl')}</h3> : null}
          {page.intro ? <p class="kb-paper-intro">{textIn(page.intro, 'nl')}</p> : null}
          <ol class="kb-paper-questions" start={number + 1}>
            {page.questions.map((q) => {
              number += 1
              return <PaperQuestion q={q} number={number} />
            })}
          </ol>
        </div>
      ))}
      <div class="kb-paper-end">
        <p>
          <strong>Klaar? Dank u wel!</strong> Stuur het formulier in de antwoordenvelop terug naar{' '}
          {props.organisationName}. Een postzegel is niet nodig. U mag het formulier ook afgeven bij de balie.
        </p>
        <p class="kb-paper-privacy">
          Privacy: {props.organisationName} gebruikt uw antwoorden alleen om de dienstverlening beter te
          maken. Schrijf geen persoonlijke gegevens op, zoals uw naam, adres, BSN of telefoonnummer. Wij typen
          uw antwoorden over in onze computer en vernietigen het papieren formulier daarna.
        </p>
      </div>
    </section>
  )
}
