/**
 * Staff page "Afmeldingen" (/o/:slug/uitnodigingen/afmeldingen, administrators): how many people opted
 * out, and a lookup by e-mail address or phone number that shows only whether the person opted out and
 * when they were last invited, with "Afmelden" or "Afmelding intrekken". The address stays in the form
 * field and nowhere else on the page (not in a URL, not in a message).
 */
import { ErrorSummary, type FieldError, Layout } from '../../../../platform/web/layout.tsx'
import type { Role } from '../../../organisations/index.ts'
import { StaffHeader } from '../../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../../organisations/sessions.ts'
import type { PersonStatus } from '../opt-outs.ts'
import { TextInput } from './fields.tsx'

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'long',
  timeStyle: 'short',
})

const METHOD: Record<NonNullable<PersonStatus['optOutMethod']>, string> = {
  link: 'via de link in de uitnodiging',
  one_click: 'via de afmeldknop van het e-mailprogramma',
  mailto: 'per e-mail',
  staff: 'door een medewerker',
}

/** The page; `status` is shown after a lookup or an action. */
export function OptOutPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  count: number
  address: string
  status: PersonStatus | null
  done?: string
  errors: FieldError[]
}) {
  const s = props.status
  const base = `/o/${props.organisation.slug}/uitnodigingen`
  return (
    <Layout
      title={`${props.errors.length ? 'Fout: ' : ''}Afmeldingen – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/instellingen`}>
          Terug naar de instellingen
        </a>
      </p>
      <h1 class="utrecht-heading-1">Afmeldingen</h1>
      <ErrorSummary errors={props.errors} />
      {props.done ? (
        <p class="utrecht-alert utrecht-alert--ok" role="status">
          {props.done}
        </p>
      ) : null}
      <p class="utrecht-paragraph">
        {props.count === 1 ? 'Eén persoon heeft' : `${props.count} personen hebben`} zich afgemeld. Wie zich
        heeft afgemeld, krijgt geen uitnodigingen meer voor al uw vragenlijsten.
      </p>
      <p class="utrecht-paragraph">
        Belt iemand om zich af te melden, of wil iemand weer uitnodigingen krijgen? Zoek de persoon op met het
        e-mailadres of telefoonnummer. We bewaren dat adres niet: we vergelijken alleen een versleutelde code.
      </p>
      <form method="post" action={`${base}/afmeldingen`} class="kb-form" novalidate>
        <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
        <TextInput
          id="adres"
          label="E-mailadres of telefoonnummer"
          value={props.address}
          error={props.errors.find((e) => e.field === 'adres')?.message}
          hint="Bijvoorbeeld naam@example.nl of 06 12345678."
        />
        <div>
          <button
            type="submit"
            name="actie"
            value="zoeken"
            class="utrecht-button utrecht-button--primary-action"
          >
            Opzoeken
          </button>
        </div>
        {s ? (
          <section aria-labelledby="resultaat" class="kb-stack">
            <h2 class="utrecht-heading-2" id="resultaat">
              Resultaat
            </h2>
            <ul class="utrecht-unordered-list">
              <li>
                {s.optedOutAt
                  ? `Afgemeld op ${dateTime.format(s.optedOutAt)}${s.optOutMethod ? `, ${METHOD[s.optOutMethod]}` : ''}.`
                  : 'Niet afgemeld.'}
              </li>
              <li>
                {s.lastSentAt
                  ? `Laatst uitgenodigd op ${dateTime.format(s.lastSentAt)}.`
                  : 'Nog nooit een uitnodiging verstuurd.'}
              </li>
              {s.nextPlannedAt ? (
                <li>Volgende uitnodiging gepland op {dateTime.format(s.nextPlannedAt)}.</li>
              ) : null}
            </ul>
            <div>
              {s.optedOutAt ? (
                <button
                  type="submit"
                  name="actie"
                  value="intrekken"
                  class="utrecht-button utrecht-button--secondary-action"
                >
                  Afmelding intrekken
                </button>
              ) : (
                <button
                  type="submit"
                  name="actie"
                  value="afmelden"
                  class="utrecht-button utrecht-button--secondary-action"
                >
                  Afmelden
                </button>
              )}
            </div>
          </section>
        ) : null}
      </form>
    </Layout>
  )
}
