/** The staff login page: an accessible form with an error summary; works without JavaScript. */
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'

/** Renders the login page. */
export function LoginPage(props: { errors?: FieldError[]; email?: string; next?: string }) {
  const errors = props.errors ?? []
  const errorFor = (f: string) => errors.find((e) => e.field === f)
  return (
    <Layout title={`${errors.length ? 'Fout: ' : ''}Inloggen – Klankbord`}>
      <h1 class="utrecht-heading-1">Inloggen voor medewerkers</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/login" class="kb-form" novalidate>
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <div class={`utrecht-form-field ${errorFor('email') ? 'utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="email">
            E-mailadres
          </label>
          {errorFor('email') ? (
            <span class="kb-field-error" id="email-error">
              {errorFor('email')?.message}
            </span>
          ) : null}
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            value={props.email ?? ''}
            aria-invalid={errorFor('email') ? 'true' : undefined}
            aria-describedby={errorFor('email') ? 'email-error' : undefined}
          />
        </div>
        <div class={`utrecht-form-field ${errorFor('password') ? 'utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="password">
            Wachtwoord
          </label>
          {errorFor('password') ? (
            <span class="kb-field-error" id="password-error">
              {errorFor('password')?.message}
            </span>
          ) : null}
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            aria-invalid={errorFor('password') ? 'true' : undefined}
            aria-describedby={errorFor('password') ? 'password-error' : undefined}
          />
        </div>
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Inloggen
          </button>
        </div>
      </form>
    </Layout>
  )
}
