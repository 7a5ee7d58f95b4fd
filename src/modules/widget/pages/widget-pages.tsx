/**
 * Staff pages "Websitewidget": which surveys the widget can show (with a button that creates the ready
 * survey "Paginafeedback"), and per survey the embed code to copy, explained in plain Dutch (B1) for the
 * webteam. Plain HTML: the code is in a read-only text field, so copying works without JavaScript.
 */
import { TextareaField } from '../../../platform/web/fields.tsx'
import { Layout } from '../../../platform/web/layout.tsx'
import type { Role } from '../../organisations/index.ts'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'

type Organisation = { slug: string; name: string; role?: Role }

/** A survey with whether the widget can show it. */
export interface WidgetCandidate {
  id: string
  title: string
  publicKey: string
  published: boolean
  /** Empty when the widget can show the survey. */
  problems: string[]
}

function WhatIsStored() {
  return (
    <>
      <h2 class="utrecht-heading-2">Wat wordt er opgeslagen?</h2>
      <ul class="utrecht-unordered-list">
        <li>het antwoord Ja of Nee, meteen na de klik;</li>
        <li>het kanaal Website;</li>
        <li>
          het adres van de pagina, zonder het deel na een ? of een #. Daar staan soms persoonsgegevens in,
          zoals een e-mailadres of een zoekterm;
        </li>
        <li>de uitleg in het venster, als iemand die geeft. Die hoort bij hetzelfde antwoord.</li>
      </ul>
      <p class="utrecht-paragraph">
        De widget zet geen cookies en bewaart niets in de browser. Hij laadt niets van andere partijen.
      </p>
    </>
  )
}

/** The overview: every survey and whether the widget can show it. */
export function WidgetListPage(props: {
  organisation: Organisation
  staff: StaffIdentity
  surveys: WidgetCandidate[]
  canCreate: boolean
}) {
  const base = `/o/${props.organisation.slug}/widget`
  return (
    <Layout title={`Websitewidget – ${props.organisation.name}`} header={<StaffHeader {...props} />}>
      <h1 class="utrecht-heading-1">Websitewidget</h1>
      <p class="utrecht-paragraph">
        Met de websitewidget vragen bezoekers van uw website op de pagina zelf: "Was deze pagina nuttig?". Zij
        kiezen Ja of Nee. Daarna kunnen zij in een venster kort vertellen waarom. Dat is niet verplicht.
      </p>
      <p class="utrecht-paragraph">
        De widget gebruikt een vragenlijst met eerst een ja/nee-vraag en daarna hoogstens drie open vragen die
        niet verplicht zijn. De vragenlijst Paginafeedback is zo'n vragenlijst.
      </p>
      {props.canCreate ? (
        <form method="post" action={`${base}/paginafeedback`}>
          <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Maak vragenlijst Paginafeedback
          </button>
        </form>
      ) : null}
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Vragenlijsten en of de widget ze kan tonen</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['Vragenlijst', 'Geschikt voor de widget'].map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.surveys.map((s) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">
                <a class="utrecht-link" href={`${base}/${s.id}`}>
                  {s.title}
                </a>
              </td>
              <td class="utrecht-table__cell">
                {!s.published ? 'Nee, nog niet gepubliceerd' : s.problems.length ? 'Nee' : 'Ja'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <WhatIsStored />
    </Layout>
  )
}

/** The embed code of one survey, or why the widget cannot show it. */
export function WidgetEmbedPage(props: {
  organisation: Organisation
  staff: StaffIdentity
  survey: WidgetCandidate
  publicUrl: string
}) {
  const s = props.survey
  const origin = new URL(props.publicUrl).origin
  const code = `<script src="${origin}/widget.js" data-survey="${s.publicKey}" async></script>`
  const ready = s.published && s.problems.length === 0
  return (
    <Layout
      title={`Websitewidget – ${s.title} – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">Websitewidget voor {s.title}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/o/${props.organisation.slug}/widget`}>
          Terug naar Websitewidget
        </a>
      </p>
      {ready ? (
        <>
          <h2 class="utrecht-heading-2">Code voor uw website</h2>
          <TextareaField
            id="code"
            label="Code om te kopiëren"
            rows={3}
            readonly
            spellcheck={false}
            value={code}
            hint="Klik in het veld, kies alles (Ctrl+A of Cmd+A) en kopieer het (Ctrl+C of Cmd+C)."
            hintFirst
          />
          <p class="utrecht-paragraph">
            Plak deze code in de HTML van elke pagina waar de vraag moet komen, op de plek waar u de vraag
            wilt zien. Meestal is dat onderaan de inhoud, boven de voettekst. De code is voor alle pagina's
            hetzelfde: de widget ziet zelf op welke pagina hij staat.
          </p>
          <h2 class="utrecht-heading-2">Extra instellingen (niet verplicht)</h2>
          <ul class="utrecht-unordered-list">
            <li>
              <code>data-lang="en"</code>: de taal van de widget. Zonder deze instelling kiest de widget de
              taal van de pagina.
            </li>
            <li>
              <code>data-target="feedback"</code>: zet de widget in het element met <code>id="feedback"</code>{' '}
              in plaats van direct na de code.
            </li>
            <li>
              <code>--klankbord-accent</code>: een CSS-variabele voor de kleur van de knoppen, bijvoorbeeld uw
              huisstijlkleur. Kies een kleur met genoeg contrast op wit (minstens 4,5 : 1).
            </li>
          </ul>
          <h2 class="utrecht-heading-2">Voor de beheerder van de website</h2>
          <p class="utrecht-paragraph">
            Gebruikt uw website een Content Security Policy? Sta dan <code>{origin}</code> toe bij{' '}
            <code>script-src</code> en bij <code>connect-src</code>. De widget heeft geen inline scripts
            nodig. De opmaak van uw website verandert niet door de widget, en de widget verandert niet door uw
            opmaak.
          </p>
          <WhatIsStored />
        </>
      ) : (
        <>
          <p class="utrecht-paragraph">De widget kan deze vragenlijst niet tonen:</p>
          <ul class="utrecht-unordered-list">
            {s.published ? null : <li>De vragenlijst is nog niet gepubliceerd.</li>}
            {s.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
          <p class="utrecht-paragraph">
            Pas de vragenlijst aan in de{' '}
            <a class="utrecht-link" href={`/o/${props.organisation.slug}/vragenlijsten/${s.id}`}>
              vragenlijst zelf
            </a>
            , of maak op de pagina Websitewidget de vragenlijst Paginafeedback.
          </p>
        </>
      )}
    </Layout>
  )
}
