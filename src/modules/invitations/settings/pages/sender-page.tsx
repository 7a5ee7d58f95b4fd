/**
 * Staff page "Afzender van de e-mail" (/o/:slug/uitnodigingen/afzender, administrators): the name people
 * see as sender of the invitation mail and the address their replies go to.
 */
import { ErrorSummary, type FieldError, Layout } from '../../../../platform/web/layout.tsx'
import type { Role } from '../../../organisations/index.ts'
import { StaffHeader } from '../../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../../organisations/sessions.ts'
import { TextInput } from './fields.tsx'

/** The sender form; values as typed. */
export function SenderPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  form: { afzender: string; antwoordadres: string }
  errors: FieldError[]
}) {
  const errorFor = (field: string) => props.errors.find((e) => e.field === field)?.message
  const base = `/o/${props.organisation.slug}/uitnodigingen`
  return (
    <Layout
      title={`${props.errors.length ? 'Fout: ' : ''}Afzender van de e-mail – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/instellingen`}>
          Terug naar de instellingen
        </a>
      </p>
      <h1 class="utrecht-heading-1">Afzender van de e-mail</h1>
      <ErrorSummary errors={props.errors} />
      <form method="post" action={`${base}/afzender`} class="kb-form" novalidate>
        <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
        <TextInput
          id="afzender"
          label="Naam van de afzender"
          value={props.form.afzender}
          error={errorFor('afzender')}
          hint={`Deze naam ziet de ontvanger als afzender. Laat leeg voor "${props.organisation.name}".`}
        />
        <TextInput
          id="antwoordadres"
          label="Antwoordadres (e-mail)"
          type="email"
          value={props.form.antwoordadres}
          error={errorFor('antwoordadres')}
          hint="Antwoorden op de uitnodiging komen op dit adres binnen. Gebruik een adres van uw organisatie, geen persoonlijk adres. Laat leeg voor geen antwoordadres."
        />
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Afzender opslaan
          </button>
        </div>
      </form>
    </Layout>
  )
}
