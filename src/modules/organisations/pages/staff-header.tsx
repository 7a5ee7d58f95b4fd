/** Header for staff pages: organisation name, who is logged in, and a logout button (a form: works without JS). */
import type { StaffIdentity } from '../sessions.ts'

/** Renders the staff header. */
export function StaffHeader(props: { staff: StaffIdentity; organisation: { slug: string; name: string } }) {
  return (
    <>
      <a class="utrecht-link kb-brand" href={`/o/${props.organisation.slug}`}>
        Klankbord · {props.organisation.name}
      </a>
      <nav aria-label="Hoofdmenu" class="kb-nav">
        <ul class="utrecht-unordered-list kb-nav-list">
          <li>
            <a class="utrecht-link" href={`/o/${props.organisation.slug}`}>
              Overzicht
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`/o/${props.organisation.slug}/meetmodel`}>
              Meetmodel
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`/o/${props.organisation.slug}/vragenlijsten`}>
              Vragenlijsten
            </a>
          </li>
        </ul>
      </nav>
      <form method="post" action="/logout" class="kb-logout">
        <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
        <span class="kb-hint">Ingelogd als {props.staff.displayName} </span>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          Uitloggen
        </button>
      </form>
    </>
  )
}
