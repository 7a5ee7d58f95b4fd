/** Header for staff pages: organisation name, who is logged in, and a logout button (a form: works without JS). */
import { can } from '../policy.ts'
import type { Role } from '../schema.ts'
import type { StaffIdentity } from '../sessions.ts'

/**
 * Renders the staff header. Links to pages only some roles may open (Huisstijl, Koppelingen, API-sleutels: `organisation.manage`)
 * appear when `organisation.role` allows them; every route passes its OrganisationScope, which carries
 * the role. Without a role they stay hidden: the page itself still checks.
 */
export function StaffHeader(props: {
  staff: StaffIdentity
  organisation: { slug: string; name: string; role?: Role }
}) {
  const role = props.organisation.role
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
          <li>
            <a class="utrecht-link" href={`/o/${props.organisation.slug}/uitnodigingen`}>
              Uitnodigingen
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`/o/${props.organisation.slug}/widget`}>
              Websitewidget
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`/o/${props.organisation.slug}/kiosken`}>
              Kiosken
            </a>
          </li>
          {role && can(role, 'organisation.manage') ? (
            <>
              <li>
                <a class="utrecht-link" href={`/o/${props.organisation.slug}/huisstijl`}>
                  Huisstijl
                </a>
              </li>
              <li>
                <a class="utrecht-link" href={`/o/${props.organisation.slug}/koppelingen`}>
                  Koppelingen
                </a>
              </li>
              <li>
                <a class="utrecht-link" href={`/o/${props.organisation.slug}/api-sleutels`}>
                  API-sleutels
                </a>
              </li>
            </>
          ) : null}
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
