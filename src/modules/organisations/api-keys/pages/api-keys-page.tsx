/**
 * Staff page "API-sleutels" (/o/:slug/api-sleutels, administrators): the organisation's keys with what
 * they may do, who made them, when they were last used and until when they work, a link to revoke each,
 * and the form for a new key. Works without JavaScript; invalid input comes back with an error summary.
 */
import { TextField } from '../../../../platform/web/fields.tsx'
import { describedBy, FieldErrorText, FieldHint } from '../../../../platform/web/form-field.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../../platform/web/layout.tsx'
import { StaffHeader } from '../../pages/staff-header.tsx'
import type { Role } from '../../schema.ts'
import type { StaffIdentity } from '../../sessions.ts'
import type { ApiKeyForm } from '../calc/form.ts'
import type { ApiKeyListItem } from '../list-api-keys.ts'
import { SCOPE_TEXT, SCOPES } from '../scopes.ts'
import { tokenHint } from '../token.ts'
import { formatLastDay, formatMoment } from './format.ts'
import { ScopeList } from './scope-list.tsx'

/** The state of a key in words. */
function status(k: ApiKeyListItem, now: Date) {
  if (k.revokedAt) return `Ingetrokken op ${formatMoment(k.revokedAt)}`
  if (k.expiresAt && k.expiresAt <= now) return 'Verlopen'
  return 'Actief'
}

/** The table of keys. */
function KeyTable(props: { slug: string; keys: ApiKeyListItem[]; now: Date }) {
  return (
    // Eight columns scroll sideways on small screens; a focusable region lets keyboard users scroll too.
    <div class="kb-table-wrap" role="region" aria-label="API-sleutels" tabindex={0}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          Alle API-sleutels van deze organisatie, de nieuwste eerst. De sleutel zelf staat hier niet.
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {[
              'Naam',
              'Begint met',
              'Mag',
              'Gemaakt door',
              'Gemaakt op',
              'Laatst gebruikt',
              'Werkt tot en met',
              'Status',
            ].map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.keys.map((k) => {
            const active = !k.revokedAt && !(k.expiresAt && k.expiresAt <= props.now)
            return (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {k.name}
                </th>
                <td class="utrecht-table__cell">
                  <code>{tokenHint(k.id)}</code>
                </td>
                <td class="utrecht-table__cell">
                  <ScopeList scopes={k.scopes} />
                </td>
                <td class="utrecht-table__cell">{k.createdBy}</td>
                <td class="utrecht-table__cell">{formatMoment(k.createdAt)}</td>
                <td class="utrecht-table__cell">{k.lastUsedAt ? formatMoment(k.lastUsedAt) : 'Nog niet'}</td>
                <td class="utrecht-table__cell">
                  {k.expiresAt ? formatLastDay(k.expiresAt) : 'Tot intrekken'}
                </td>
                <td class="utrecht-table__cell">
                  {status(k, props.now)}
                  {active ? (
                    <>
                      {' '}
                      {/* The accessible name starts with the visible text (WCAG 2.5.3) and names the key. */}
                      <a
                        class="utrecht-link"
                        href={`/o/${props.slug}/api-sleutels/${k.id}/intrekken`}
                        aria-label={`Intrekken: ${k.name}`}
                      >
                        Intrekken
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The scope checkboxes, each with its explanation. */
function ScopeFieldset(props: { chosen: string[]; error?: string }) {
  return (
    <fieldset
      class="utrecht-form-fieldset"
      id="rechten"
      tabindex={-1}
      aria-describedby={describedBy('rechten', props.error && 'error')}
    >
      <legend class="utrecht-form-fieldset__legend">Wat mag de sleutel doen?</legend>
      <FieldErrorText id="rechten" error={props.error} />
      {SCOPES.map((s) => {
        const id = `recht-${s.replace(':', '-')}`
        return (
          <div class="utrecht-form-field utrecht-form-field--checkbox kb-choice">
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id={id}
                name="rechten"
                value={s}
                checked={props.chosen.includes(s)}
                aria-describedby={`${id}-hint`}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
                {SCOPE_TEXT[s].label}
              </label>
              <FieldHint id={id} hint={SCOPE_TEXT[s].hint} />
            </div>
          </div>
        )
      })}
    </fieldset>
  )
}

/** Renders the page; `form` holds what was typed when the form comes back with errors. */
export function ApiKeysPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  keys: ApiKeyListItem[]
  now: Date
  form?: ApiKeyForm
  errors?: FieldError[]
  revoked?: boolean
}) {
  const errors = props.errors ?? []
  const errorFor = (f: string) => errors.find((e) => e.field === f)?.message
  const form = props.form ?? { naam: '', rechten: [], verloopt: '' }
  const slug = props.organisation.slug
  return (
    <Layout
      title={`${errors.length ? 'Fout: ' : ''}API-sleutels – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">API-sleutels</h1>
      {props.revoked ? (
        <p class="utrecht-alert utrecht-alert--ok" role="status">
          De sleutel is ingetrokken. Hij werkt niet meer.
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p class="utrecht-paragraph">
        Met een API-sleutel kan een ander systeem met Klankbord werken. Bijvoorbeeld een zaaksysteem of een
        telefooncentrale die contactmomenten doorgeeft. Geef elk systeem een eigen sleutel. Geef een sleutel
        alleen wat het systeem nodig heeft. Uitleg voor de beheerder van het systeem staat in{' '}
        <code>docs/api-keys.md</code>.
      </p>
      <h2 class="utrecht-heading-2">Sleutels</h2>
      {props.keys.length === 0 ? (
        <p class="utrecht-paragraph">Deze organisatie heeft nog geen API-sleutels.</p>
      ) : (
        <KeyTable slug={slug} keys={props.keys} now={props.now} />
      )}
      <h2 class="utrecht-heading-2">Nieuwe sleutel maken</h2>
      <form method="post" action={`/o/${slug}/api-sleutels`} class="kb-form">
        <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
        <TextField
          id="naam"
          label="Naam"
          maxlength={100}
          autocomplete="off"
          value={form.naam}
          error={errorFor('naam')}
          hint="Bijvoorbeeld de naam van het systeem: Zaaksysteem Publiekszaken."
        />
        <ScopeFieldset chosen={form.rechten} error={errorFor('rechten')} />
        <TextField
          id="verloopt"
          label="Werkt tot en met (niet verplicht)"
          type="date"
          value={form.verloopt}
          error={errorFor('verloopt')}
          hint="Laat dit leeg als de sleutel moet blijven werken tot u hem intrekt."
        />
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Sleutel maken
          </button>
        </div>
      </form>
    </Layout>
  )
}
