/** The page where an administrator sets the organisation's design tokens (/o/:slug/huisstijl). */
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import type { StaffIdentity } from '../sessions.ts'
import { StaffHeader } from './staff-header.tsx'

/** Renders the page. */
export function ThemePage(props: {
  organisation: { slug: string; name: string }
  staff: StaffIdentity
  text: string
  errors?: FieldError[]
  saved?: boolean
}) {
  const error = props.errors?.map((e) => e.message).join(' ')
  return (
    <Layout
      title={`${props.errors?.length ? 'Fout: ' : ''}Huisstijl – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">Huisstijl</h1>
      {props.saved ? (
        <p class="utrecht-alert utrecht-alert--ok" role="status">
          De huisstijl is opgeslagen. De vragenlijsten gebruiken hem meteen.
        </p>
      ) : null}
      <ErrorSummary errors={props.errors ?? []} />
      <p class="utrecht-paragraph">
        Plak hier de design tokens van uw huisstijl (NL Design System), één per regel, bijvoorbeeld{' '}
        <code>--utrecht-button-primary-action-background-color: #00689e;</code>. Laat het veld leeg voor de
        standaardhuisstijl. Controleer daarna of tekst en knoppen genoeg contrast hebben.
      </p>
      <form method="post" action={`/o/${props.organisation.slug}/huisstijl`} class="kb-form">
        <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
        <div class={`utrecht-form-field ${error ? 'utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="tokens">
            Design tokens
          </label>
          {error ? (
            <p class="kb-field-error" id="tokens-error">
              {error}
            </p>
          ) : null}
          <textarea
            class="utrecht-textarea"
            id="tokens"
            name="tokens"
            rows={14}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'tokens-error' : undefined}
          >
            {props.text}
          </textarea>
        </div>
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Huisstijl opslaan
          </button>
        </div>
      </form>
    </Layout>
  )
}
