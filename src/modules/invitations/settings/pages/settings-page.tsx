/**
 * Staff page "Instellingen voor uitnodigingen" (/o/:slug/uitnodigingen/instellingen, administrators):
 * every survey with a summary of its rule and a link to change it, the mail sender, and the way to the
 * opt-out list. The summary is plain Dutch so it can be read out to a colleague.
 */
import { Layout } from '../../../../platform/web/layout.tsx'
import type { Role } from '../../../organisations/index.ts'
import { StaffHeader } from '../../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../../organisations/sessions.ts'
import type { MailSender } from '../mail-sender.ts'
import type { RuleValues } from '../rule-form.ts'
import type { ProductRule } from '../rules.ts'

/** A rule in one sentence per setting. */
export function ruleSummary(r: RuleValues): string[] {
  return [
    r.delay_kind === 'minutes'
      ? `Versturen ${r.delay_minutes} minuten na het contact.`
      : `Versturen op de volgende werkdag om ${r.delay_at}.`,
    r.quiet_from && r.quiet_to ? `Stille uren van ${r.quiet_from} tot ${r.quiet_to}.` : 'Geen stille uren.',
    `Steekproef: ${r.sample_percent}%.`,
    r.suppression_days > 0
      ? `Hoogstens één uitnodiging per persoon per ${r.suppression_days} dagen.`
      : 'Geen onderdrukking.',
    r.reminder_after_days === null
      ? 'Geen herinnering.'
      : `Herinnering na ${r.reminder_after_days} ${r.reminder_after_days === 1 ? 'dag' : 'dagen'}.`,
    `De link werkt ${r.expiry_days} ${r.expiry_days === 1 ? 'dag' : 'dagen'}.`,
    r.channel === 'sms' ? 'Kanaal: sms.' : 'Kanaal: e-mail.',
  ]
}

/** The overview of the settings. */
export function SettingsPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  surveys: { surveyId: string; title: string; rule: RuleValues | null; productRules: ProductRule[] }[]
  sender: MailSender
  optOuts: number
  saved?: string
}) {
  const base = `/o/${props.organisation.slug}/uitnodigingen`
  return (
    <Layout
      title={`Instellingen voor uitnodigingen – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          Terug naar Uitnodigingen
        </a>
      </p>
      <h1 class="utrecht-heading-1">Instellingen voor uitnodigingen</h1>
      {props.saved ? (
        <p class="utrecht-alert utrecht-alert--ok" role="status">
          {props.saved}
        </p>
      ) : null}
      <h2 class="utrecht-heading-2">Regels per vragenlijst</h2>
      <p class="utrecht-paragraph">
        Een wijziging geldt voor contactmomenten die daarna binnenkomen. Uitnodigingen die al gepland zijn,
        blijven zoals ze waren.
      </p>
      {props.surveys.map((s) => (
        <section aria-labelledby={`survey-${s.surveyId}`}>
          <h3 class="utrecht-heading-3" id={`survey-${s.surveyId}`}>
            {s.title}
          </h3>
          {s.rule ? (
            <ul class="utrecht-unordered-list">
              {ruleSummary(s.rule).map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          ) : (
            <p class="utrecht-paragraph">
              Deze vragenlijst heeft nog geen regels. Er gaan geen uitnodigingen uit.
            </p>
          )}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/instellingen/${s.surveyId}`}>
              Regels van {s.title} wijzigen
            </a>
          </p>
          {s.productRules.map((p) => (
            <>
              <h4 class="utrecht-heading-4">
                {s.title}, product {p.productName}
              </h4>
              <ul class="utrecht-unordered-list">
                {ruleSummary(p.rule).map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
              <p class="utrecht-paragraph">
                <a
                  class="utrecht-link"
                  href={`${base}/instellingen/${s.surveyId}?product=${encodeURIComponent(p.productCode)}`}
                >
                  Regels voor {p.productName} wijzigen
                </a>
              </p>
            </>
          ))}
        </section>
      ))}
      <h2 class="utrecht-heading-2">Afzender van de e-mail</h2>
      <ul class="utrecht-unordered-list">
        <li>
          Naam van de afzender:{' '}
          {props.sender.senderName ?? `${props.organisation.name} (de naam van uw organisatie)`}
        </li>
        <li>
          Antwoordadres: {props.sender.replyTo ?? 'geen (antwoorden gaan naar het adres van Klankbord)'}
        </li>
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/afzender`}>
          Afzender wijzigen
        </a>
      </p>
      <h2 class="utrecht-heading-2">Afmeldingen</h2>
      <p class="utrecht-paragraph">
        {props.optOuts === 1 ? 'Eén persoon heeft' : `${props.optOuts} personen hebben`} zich afgemeld voor
        uitnodigingen.{' '}
        <a class="utrecht-link" href={`${base}/afmeldingen`}>
          Afmeldingen beheren
        </a>
      </p>
    </Layout>
  )
}
