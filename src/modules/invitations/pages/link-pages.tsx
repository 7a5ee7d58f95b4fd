/**
 * Public pages of invitations, in plain Dutch (B1) and without JavaScript: a link that no longer works,
 * a link we do not know, and the opt-out question and confirmation. The organisation's name is in the
 * header so the person knows who writes to them.
 */
import { Layout } from '../../../platform/web/layout.tsx'

function Brand(props: { name?: string }) {
  return <span class="kb-brand">{props.name ?? 'Klankbord'}</span>
}

/** A used or expired survey link (410): says why and what is still possible. */
export function LinkGonePage(props: { kind: 'used' | 'expired'; organisationName: string }) {
  const used = props.kind === 'used'
  const title = used ? 'U heeft de vragenlijst al ingevuld' : 'Deze link werkt niet meer'
  return (
    <Layout title={`${title} – ${props.organisationName}`} header={<Brand name={props.organisationName} />}>
      <h1 class="utrecht-heading-1">{title}</h1>
      {used ? (
        <p class="utrecht-paragraph">
          Met deze link is de vragenlijst al ingevuld. Bedankt daarvoor! U hoeft niets meer te doen.
        </p>
      ) : (
        <p class="utrecht-paragraph">
          De link in de uitnodiging werkt maar een paar weken. Die tijd is voorbij. Daarom kunt u de
          vragenlijst niet meer invullen.
        </p>
      )}
      <p class="utrecht-paragraph">
        Wilt u toch iets vertellen over uw contact met {props.organisationName}? Neem dan contact op met{' '}
        {props.organisationName} op de manier die u gewend bent.
      </p>
    </Layout>
  )
}

/** A link we do not know (404): probably mistyped or incomplete. */
export function LinkUnknownPage() {
  const title = 'Deze link kennen wij niet'
  return (
    <Layout title={`${title} – Klankbord`} header={<Brand />}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        Misschien is de link niet helemaal goed overgenomen. Klik op de link in de e-mail of sms. Of kopieer
        de hele link in één keer.
      </p>
    </Layout>
  )
}

/** The opt-out question: one button, nothing else to fill in. */
export function OptOutPage(props: { organisationName: string; action: string }) {
  const title = 'Geen uitnodigingen meer ontvangen'
  return (
    <Layout title={`${title} – ${props.organisationName}`} header={<Brand name={props.organisationName} />}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        Wilt u geen vragenlijsten meer van {props.organisationName} krijgen? Klik dan op de knop. Dit geldt
        voor alle vragenlijsten van {props.organisationName}.
      </p>
      <form method="post" action={props.action}>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Afmelden
        </button>
      </form>
    </Layout>
  )
}

/** The opt-out is done. */
export function OptOutDonePage(props: { organisationName: string }) {
  const title = 'U bent afgemeld'
  return (
    <Layout title={`${title} – ${props.organisationName}`} header={<Brand name={props.organisationName} />}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        U krijgt geen uitnodigingen voor vragenlijsten meer van {props.organisationName}. Uw e-mailadres of
        telefoonnummer hebben wij gewist.
      </p>
      <p class="utrecht-paragraph">U hoeft niets meer te doen. U kunt deze pagina sluiten.</p>
    </Layout>
  )
}
