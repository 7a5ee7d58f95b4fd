/** "API-sleutel intrekken": asks before a key stops working for good (a plain form, no JavaScript). */
import { Layout } from '../../../../platform/web/layout.tsx'
import { StaffHeader } from '../../pages/staff-header.tsx'
import type { Role } from '../../schema.ts'
import type { StaffIdentity } from '../../sessions.ts'
import type { ApiKeyListItem } from '../list-api-keys.ts'
import { formatMoment } from './format.ts'

/** Renders the question, or says the key was revoked before. */
export function RevokeApiKeyPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  apiKey: ApiKeyListItem
}) {
  const slug = props.organisation.slug
  const back = (
    <a class="utrecht-link" href={`/o/${slug}/api-sleutels`}>
      Nee, terug naar de API-sleutels
    </a>
  )
  return (
    <Layout title={`API-sleutel intrekken – ${props.organisation.name}`} header={<StaffHeader {...props} />}>
      <h1 class="utrecht-heading-1">API-sleutel intrekken</h1>
      {props.apiKey.revokedAt ? (
        <p class="utrecht-paragraph">
          De sleutel „{props.apiKey.name}” is al ingetrokken op {formatMoment(props.apiKey.revokedAt)}.{' '}
          <a class="utrecht-link" href={`/o/${slug}/api-sleutels`}>
            Terug naar de API-sleutels
          </a>
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph">
            Weet u zeker dat u de sleutel „{props.apiKey.name}” wilt intrekken? Systemen met deze sleutel
            komen daarna niet meer in Klankbord. U kunt dit niet terugdraaien.
          </p>
          <form
            method="post"
            action={`/o/${slug}/api-sleutels/${props.apiKey.id}/intrekken`}
            class="kb-buttons"
          >
            <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Ja, sleutel intrekken
            </button>
            {back}
          </form>
        </>
      )}
    </Layout>
  )
}
