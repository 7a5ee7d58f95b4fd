/**
 * The answer to "Sleutel maken": the new key, shown this once (the database keeps only a hash), in a
 * read-only text box so it can be selected and copied without JavaScript, with what to do with it.
 */
import { TextareaField } from '../../../../platform/web/fields.tsx'
import { Layout } from '../../../../platform/web/layout.tsx'
import { StaffHeader } from '../../pages/staff-header.tsx'
import type { Role } from '../../schema.ts'
import type { StaffIdentity } from '../../sessions.ts'
import { formatLastDay } from './format.ts'
import { ScopeList } from './scope-list.tsx'

/** Renders the page. */
export function ApiKeyCreatedPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  name: string
  scopes: string[]
  token: string
  expiresAt: Date | null
}) {
  return (
    <Layout title={`API-sleutel gemaakt – ${props.organisation.name}`} header={<StaffHeader {...props} />}>
      <h1 class="utrecht-heading-1">API-sleutel gemaakt</h1>
      <p class="utrecht-alert utrecht-alert--ok" role="status">
        De sleutel „{props.name}” is gemaakt.
      </p>
      <p class="utrecht-paragraph">
        Kopieer de sleutel nu en zet hem in het andere systeem. U ziet de sleutel maar één keer. Klankbord
        bewaart hem niet. Bent u hem kwijt? Trek de sleutel dan in en maak een nieuwe.
      </p>
      <TextareaField
        id="sleutel"
        label="Uw API-sleutel"
        rows={3}
        readonly
        autocomplete="off"
        value={props.token}
        hint="Klik in het vak, kies alles (Ctrl+A) en kopieer (Ctrl+C)."
      />
      <p class="utrecht-paragraph">
        Het systeem stuurt de sleutel mee met elk verzoek, zo: <code>Authorization: Bearer</code> en dan de
        sleutel. Houd de sleutel geheim, net als een wachtwoord. Zet hem niet in een e-mail.
      </p>
      <h2 class="utrecht-heading-2">Wat de sleutel mag</h2>
      <ScopeList scopes={props.scopes} />
      <p class="utrecht-paragraph">
        {props.expiresAt
          ? `De sleutel werkt tot en met ${formatLastDay(props.expiresAt)}.`
          : 'De sleutel werkt tot u hem intrekt.'}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/o/${props.organisation.slug}/api-sleutels`}>
          Terug naar de API-sleutels
        </a>
      </p>
    </Layout>
  )
}
