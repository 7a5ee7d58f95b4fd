/**
 * Staff page "Uitnodigingen": per channel and product, how many contact moments came in, how many were
 * not invited (and why is in the log), sent, bounced, started and completed, with the response rate
 * (calc/rates.ts); below it the newest invitations with their status. No addresses: see stats.ts.
 */
import { TextField } from '../../../platform/web/fields.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import type { Role } from '../../organisations/index.ts'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import { invitationRates } from '../calc/rates.ts'
import type { InvitationChannel, InvitationStatus } from '../schema.ts'
import type { InvitationGroup, InvitationLogLine } from '../stats.ts'

const CHANNEL: Record<InvitationChannel, string> = { email: 'E-mail', sms: 'Sms' }

const STATUS: Record<InvitationStatus, string> = {
  planned: 'Gepland',
  sent: 'Verstuurd',
  reminded: 'Herinnering verstuurd',
  bounced: 'Niet aangekomen',
  started: 'Begonnen',
  completed: 'Ingevuld',
  expired: 'Verlopen',
  not_sampled: 'Niet in de steekproef',
  duplicate: 'Al uitgenodigd voor deze zaak',
  suppressed: 'Kort geleden al uitgenodigd',
  opted_out: 'Afgemeld',
}

const percent = (x: number | null) =>
  x === null ? '–' : `${(x * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'short',
  timeStyle: 'short',
})

/**
 * Links to the staff tools: the CSV upload for roles that may record contact moments (policy.ts), the
 * settings (rules, sender, opt-outs) for administrators. Without a role both stay hidden; the pages
 * check again.
 */
function InvitationTools(props: { slug: string; role?: Role }) {
  const upload = props.role === 'admin' || props.role === 'analyst'
  const settings = props.role === 'admin'
  if (!upload && !settings) return null
  const base = `/o/${props.slug}/uitnodigingen`
  return (
    <ul class="utrecht-unordered-list">
      {upload ? (
        <li>
          <a class="utrecht-link" href={`${base}/contacten-uploaden`}>
            Contacten uploaden
          </a>
        </li>
      ) : null}
      {settings ? (
        <>
          <li>
            <a class="utrecht-link" href={`${base}/instellingen`}>
              Instellingen voor uitnodigingen
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`${base}/afmeldingen`}>
              Afmeldingen
            </a>
          </li>
        </>
      ) : null}
    </ul>
  )
}

/** The page; `period` holds the dates as typed (YYYY-MM-DD), shown back also when wrong. */
export function InvitationsPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  period: { from: string; to: string }
  groups: InvitationGroup[]
  log: InvitationLogLine[]
  errors: FieldError[]
}) {
  const errorFor = (f: string) => props.errors.find((e) => e.field === f)?.message
  return (
    <Layout
      title={`${props.errors.length ? 'Fout: ' : ''}Uitnodigingen – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">Uitnodigingen</h1>
      <ErrorSummary errors={props.errors} />
      <InvitationTools slug={props.organisation.slug} role={props.organisation.role} />
      <form method="get" action={`/o/${props.organisation.slug}/uitnodigingen`}>
        <TextField
          id="van"
          label="Van (datum)"
          type="date"
          value={props.period.from}
          error={errorFor('van')}
        />
        <TextField
          id="tot"
          label="Tot en met (datum)"
          type="date"
          value={props.period.to}
          error={errorFor('tot')}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Toon
        </button>
      </form>
      <h2 class="utrecht-heading-2">Per kanaal en product</h2>
      {props.groups.length === 0 ? (
        <p class="utrecht-paragraph">In deze periode kwamen geen contactmomenten binnen.</p>
      ) : (
        // Nine columns scroll sideways on small screens; a focusable region lets keyboard users scroll too.
        <div class="kb-table-wrap" role="region" aria-label="Aantallen per kanaal en product" tabindex={0}>
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">
              Contactmomenten en uitnodigingen van {props.period.from} tot en met {props.period.to}. Het
              responspercentage is ingevuld gedeeld door aangekomen (verstuurd min niet aangekomen).
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {[
                  'Kanaal',
                  'Product',
                  'Contactmomenten',
                  'Niet uitgenodigd',
                  'Verstuurd',
                  'Niet aangekomen',
                  'Begonnen',
                  'Ingevuld',
                  'Respons',
                ].map((h) => (
                  <th class="utrecht-table__header-cell" scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {props.groups.map((g) => {
                const rates = invitationRates({
                  sent: g.sent,
                  bounced: g.bounced,
                  started: g.started,
                  completed: g.completed,
                })
                return (
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">
                      {CHANNEL[g.channel]}
                    </th>
                    <td class="utrecht-table__cell">{g.product ?? 'Geen product'}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.recorded}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.notInvited}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.sent}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.bounced}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.started}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.completed}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">
                      {percent(rates.responseRate)}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="utrecht-heading-2">Nieuwste uitnodigingen</h2>
      {props.log.length === 0 ? (
        <p class="utrecht-paragraph">Er zijn nog geen uitnodigingen.</p>
      ) : (
        <div class="kb-table-wrap" role="region" aria-label="Nieuwste uitnodigingen" tabindex={0}>
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">
              De laatste {props.log.length} contactmomenten met hun uitnodiging. Adressen staan hier niet.
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {['Binnengekomen', 'Vragenlijst', 'Product', 'Kanaal', 'Status'].map((h) => (
                  <th class="utrecht-table__header-cell" scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {props.log.map((l) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{dateTime.format(l.createdAt)}</td>
                  <td class="utrecht-table__cell">{l.survey}</td>
                  <td class="utrecht-table__cell">{l.product ?? 'Geen product'}</td>
                  <td class="utrecht-table__cell">{CHANNEL[l.channel]}</td>
                  <td class="utrecht-table__cell">{STATUS[l.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}
