/** Dutch texts of the settings page for reason codes and statuses (B1; no personal data goes in). */
import type { NotificationStatus } from './schema.ts'

export const STATUS_TEXT: Record<NotificationStatus, string> = {
  pending: 'Wacht op verwerking',
  processed: 'Verwerkt',
  skipped: 'Overgeslagen',
  failed: 'Mislukt',
}

const OUTCOME_TEXT: Record<string, string> = {
  planned: 'Uitnodiging gepland',
  not_sampled: 'Niet in de steekproef',
  duplicate: 'Al uitgenodigd voor deze zaak',
  suppressed: 'Kort geleden al uitgenodigd',
  opted_out: 'Persoon heeft zich afgemeld',
  not_final_status: 'Geen eindstatus: geen uitnodiging',
  unmapped_zaaktype: 'Geen vragenlijst voor dit zaaktype',
  no_contact: 'Initiator heeft geen e-mailadres of telefoonnummer',
  invalid_contact: 'E-mailadres of telefoonnummer is niet bruikbaar',
  invalid_mapping: 'De vragenlijst heeft geen uitnodigingsregel',
  foreign_url: 'Adres hoort niet bij de ingestelde Zaken API',
  no_link: 'Er is geen koppeling ingesteld',
  secret_unreadable: 'Het opgeslagen geheim is niet meer leesbaar: vul het opnieuw in',
}

/** The Dutch text of a reason code (invitation decisions, skip reasons, remote errors). */
export function outcomeText(code: string | null): string {
  if (!code) return '–'
  const known = OUTCOME_TEXT[code]
  if (known) return known
  const api = code.startsWith('notificaties') ? 'De Notificaties API' : 'De Zaken API'
  if (code.endsWith('_unreachable')) return `${api} is niet bereikbaar`
  const http = /_http_(\d{3})$/.exec(code)?.[1]
  if (http === '401' || http === '403') return `${api} weigert de toegang (fout ${http})`
  if (http) return `${api} gaf een fout (${http})`
  if (code.endsWith('_invalid') || code.endsWith('_not_json'))
    return `${api} gaf een antwoord dat niet past bij de standaard`
  // Later invitation statuses (a replay answers the current one).
  return 'Al eerder verwerkt'
}

/** The message after a failed "Abonneren". */
export function subscribeErrorText(code: string): string {
  const http = /_http_(\d{3})$/.exec(code)?.[1]
  if (http === '400')
    return 'De Notificaties API weigerde het abonnement (fout 400). Vaak kan die API Klankbord niet bereiken op het terugbeladres. Controleer PUBLIC_URL en de firewall.'
  return `Abonneren is niet gelukt: ${outcomeText(code).replace(/^./, (c) => c.toLowerCase())}.`
}
