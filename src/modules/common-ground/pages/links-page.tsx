/**
 * Staff page "Koppelingen" (/o/:slug/koppelingen, administrators): the Common Ground link settings, the
 * abonnement with its status, the zaaktype → vragenlijst mappings, and the newest notifications with
 * their outcome. The client secret is never shown back; no addresses or case references appear.
 */
import { SelectField, TextField } from '../../../platform/web/fields.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import type { Role } from '../../organisations/index.ts'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import { outcomeText, STATUS_TEXT } from '../present.ts'
import type { LinkView, MappingChoices, NotificationLine, ZaaktypeMapping } from '../store.ts'

/** A long URL with break opportunities after `/`, `.`, `-` and `?`, so it wraps at 320 px (WCAG 1.4.10). */
function Url(props: { href: string }) {
  const parts = props.href.split(/(?<=[/.?-])/)
  return <code>{parts.map((p, i) => (i === 0 ? p : [<wbr />, p]))}</code>
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'short',
  timeStyle: 'short',
})

/** URLs, ids and secrets: the browser should neither suggest earlier values nor mark them as misspelt. */
const TECHNICAL = { autocomplete: 'off', spellcheck: false } as const

/** What the page shows; `form` holds values as typed after an error. */
export interface LinksPageProps {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  link: LinkView | null
  callbackUrl: string
  mappings: ZaaktypeMapping[]
  choices: MappingChoices
  notifications: NotificationLine[]
  errors?: FieldError[]
  form?: Record<string, string>
  notice?: string
}

/** Renders the page. */
export function LinksPage(props: LinksPageProps) {
  const errors = props.errors ?? []
  const errorFor = (f: string) => errors.find((e) => e.field === f)?.message
  const value = (f: string, saved?: string) => props.form?.[f] ?? saved ?? ''
  const base = `/o/${props.organisation.slug}/koppelingen`
  const csrf = <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
  return (
    <Layout
      title={`${errors.length ? 'Fout: ' : ''}Koppelingen – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">Koppelingen</h1>
      {props.notice ? (
        <p class="utrecht-alert utrecht-alert--ok" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p class="utrecht-paragraph">
        Met de Common Ground-koppeling nodigt Klankbord mensen uit zodra hun zaak klaar is. Het zaaksysteem
        meldt een nieuwe status via de Notificaties API. Is het de eindstatus, dan haalt Klankbord de zaak en
        het e-mailadres of telefoonnummer van de aanvrager (initiator) op uit de Zaken API.
      </p>

      <h2 class="utrecht-heading-2">Instellingen</h2>
      <form method="post" action={base} class="kb-form" novalidate>
        {csrf}
        <TextField
          {...TECHNICAL}
          id="notificatiesUrl"
          label="Adres van de Notificaties API"
          type="url"
          value={value('notificatiesUrl', props.link?.notificatiesUrl)}
          error={errorFor('notificatiesUrl')}
          hint="Bijvoorbeeld https://notificaties.gemeente.nl/api/v1"
        />
        <TextField
          {...TECHNICAL}
          id="zakenUrl"
          label="Adres van de Zaken API"
          type="url"
          value={value('zakenUrl', props.link?.zakenUrl)}
          error={errorFor('zakenUrl')}
          hint="Bijvoorbeeld https://zaken.gemeente.nl/zaken/api/v1"
        />
        <TextField
          {...TECHNICAL}
          id="clientId"
          label="Client-id"
          value={value('clientId', props.link?.clientId)}
          error={errorFor('clientId')}
        />
        <TextField
          {...TECHNICAL}
          id="clientSecret"
          label="Geheim (secret) van de client"
          type="password"
          autocomplete="new-password"
          error={errorFor('clientSecret')}
          hint={
            props.link?.hasSecret
              ? 'Er is een geheim opgeslagen. Laat het veld leeg om het te houden.'
              : 'Klankbord bewaart het geheim versleuteld en laat het nooit meer zien.'
          }
        />
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Instellingen opslaan
          </button>
        </div>
      </form>

      <h2 class="utrecht-heading-2">Abonnement</h2>
      <p class="utrecht-paragraph">
        Terugbeladres voor de Notificaties API: <Url href={props.callbackUrl} />
      </p>
      {props.link?.abonnementUrl && props.link.subscribedAt ? (
        <p class="utrecht-paragraph" id="abonnement-status">
          Geabonneerd op kanaal <code>zaken</code> sinds {dateTime.format(props.link.subscribedAt)}.
          Abonnement: <Url href={props.link.abonnementUrl} />
        </p>
      ) : (
        <p class="utrecht-paragraph" id="abonnement-status">
          Er is nog geen abonnement.
        </p>
      )}
      {props.link ? (
        <form method="post" action={`${base}/abonneren`}>
          {csrf}
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            {props.link.abonnementUrl ? 'Opnieuw abonneren' : 'Abonneren'}
          </button>
        </form>
      ) : (
        <p class="utrecht-paragraph">Sla eerst de instellingen op.</p>
      )}

      <h2 class="utrecht-heading-2">Zaaktypen en vragenlijsten</h2>
      <MappingTable {...props} base={base} />
      <h3 class="utrecht-heading-3">Zaaktype toevoegen</h3>
      <form method="post" action={`${base}/zaaktypen`} class="kb-form" novalidate>
        {csrf}
        <TextField
          {...TECHNICAL}
          id="zaaktypeUrl"
          label="Adres (URL) van het zaaktype"
          type="url"
          value={value('zaaktypeUrl')}
          error={errorFor('zaaktypeUrl')}
          hint="Zoals het in de Catalogi API staat. Het begint bijvoorbeeld met https://catalogi.gemeente.nl/catalogi/api/v1/zaaktypen/"
        />
        <SelectField
          id="surveyId"
          label="Vragenlijst"
          value={value('surveyId')}
          error={errorFor('surveyId')}
          options={props.choices.surveys.map((s) => ({ value: s.id, label: s.title }))}
        />
        <SelectField
          id="productId"
          label="Product (niet verplicht)"
          value={value('productId')}
          error={errorFor('productId')}
          none="Geen product"
          options={props.choices.products.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          id="channelId"
          label="Kanaal (niet verplicht)"
          value={value('channelId')}
          error={errorFor('channelId')}
          none="Geen kanaal"
          options={props.choices.channels.map((c) => ({ value: c.id, label: c.name }))}
        />
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Zaaktype toevoegen
          </button>
        </div>
      </form>

      <h2 class="utrecht-heading-2">Laatste notificaties</h2>
      <NotificationTable notifications={props.notifications} />
    </Layout>
  )
}

function MappingTable(props: LinksPageProps & { base: string }) {
  if (props.mappings.length === 0)
    return (
      <p class="utrecht-paragraph">
        Er zijn nog geen zaaktypen gekoppeld. Zonder zaaktype gaat er geen uitnodiging uit.
      </p>
    )
  return (
    <div class="kb-table-wrap" role="region" aria-label="Gekoppelde zaaktypen" tabindex={0}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">Welke vragenlijst bij welk zaaktype hoort.</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['Zaaktype', 'Vragenlijst', 'Product', 'Kanaal', 'Actie'].map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.mappings.map((m) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <Url href={m.zaaktypeUrl} />
              </th>
              <td class="utrecht-table__cell">{m.surveyTitle}</td>
              <td class="utrecht-table__cell">{m.productCode ?? 'Geen'}</td>
              <td class="utrecht-table__cell">{m.channelCode ?? 'Geen'}</td>
              <td class="utrecht-table__cell">
                <form method="post" action={`${props.base}/zaaktypen/${m.id}/verwijderen`}>
                  <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action"
                    aria-label={`Verwijderen: zaaktype ${m.zaaktypeUrl}`}
                  >
                    Verwijderen
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function NotificationTable(props: { notifications: NotificationLine[] }) {
  if (props.notifications.length === 0)
    return <p class="utrecht-paragraph">Er zijn nog geen notificaties binnengekomen.</p>
  return (
    <div class="kb-table-wrap" role="region" aria-label="Laatste notificaties" tabindex={0}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          De laatste {props.notifications.length} notificaties over een nieuwe status. Adressen staan hier
          niet.
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['Binnengekomen', 'Status', 'Uitkomst', 'Pogingen'].map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.notifications.map((n) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{dateTime.format(n.receivedAt)}</td>
              <td class="utrecht-table__cell">
                {STATUS_TEXT[n.status]}
                {n.status === 'pending' && n.attempts > 0
                  ? ` (nieuwe poging ${dateTime.format(n.nextAttemptAt)})`
                  : ''}
              </td>
              <td class="utrecht-table__cell">{outcomeText(n.outcome)}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{n.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
