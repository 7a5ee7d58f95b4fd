/**
 * The invitation rule as the settings form sends it, checked and turned into the rule's columns.
 * Pure: no I/O. The limits are the database's CHECKs (migration 20261123070000) plus what makes sense
 * for a person: a delay of at most 30 days, a link that works at most 365 days, suppression of at
 * most 10 years, and a reminder that comes before the link stops working (plan.ts would drop it).
 */
import { DEFAULT_RULE } from '../default-rule.ts'
import type { InvitationChannel } from '../schema.ts'

/** The form's fields as typed (all strings), also used to show the form again after an error. */
export interface RuleForm {
  vertraging: string
  tijdstip: string
  minuten: string
  'stil-van': string
  'stil-tot': string
  steekproef: string
  onderdrukking: string
  herinnering: string
  verloop: string
  kanaal: string
}

/** The rule's columns that the form sets. */
export interface RuleValues {
  delay_kind: 'next_working_day' | 'minutes'
  delay_at: string | null
  delay_minutes: number | null
  quiet_from: string | null
  quiet_to: string | null
  sample_percent: number
  suppression_days: number
  reminder_after_days: number | null
  expiry_days: number
  channel: InvitationChannel
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/
const MAX_DELAY_MINUTES = 30 * 24 * 60

/** The form filled with a rule's values. */
export function ruleToForm(r: RuleValues): RuleForm {
  return {
    vertraging: r.delay_kind === 'minutes' ? 'minuten' : 'volgende-werkdag',
    tijdstip: r.delay_at ?? DEFAULT_RULE.delay_at,
    minuten: r.delay_minutes === null ? '' : String(r.delay_minutes),
    'stil-van': r.quiet_from ?? '',
    'stil-tot': r.quiet_to ?? '',
    steekproef: String(r.sample_percent),
    onderdrukking: String(r.suppression_days),
    herinnering: r.reminder_after_days === null ? '' : String(r.reminder_after_days),
    verloop: String(r.expiry_days),
    kanaal: r.channel,
  }
}

/** Reads the posted fields (anything missing is empty). */
export function readRuleForm(body: Record<string, unknown>): RuleForm {
  const s = (k: keyof RuleForm) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '')
  return {
    vertraging: s('vertraging'),
    tijdstip: s('tijdstip'),
    minuten: s('minuten'),
    'stil-van': s('stil-van'),
    'stil-tot': s('stil-tot'),
    steekproef: s('steekproef'),
    onderdrukking: s('onderdrukking'),
    herinnering: s('herinnering'),
    verloop: s('verloop'),
    kanaal: s('kanaal'),
  }
}

/** A whole number in [min, max], or null. */
function whole(text: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(text)) return null
  const n = Number(text)
  return n >= min && n <= max ? n : null
}

/** Checks the form; answers the rule's values, or a Dutch message per invalid field. */
export function parseRuleForm(
  f: RuleForm,
):
  | { values: RuleValues; errors: [] }
  | { values: null; errors: { field: keyof RuleForm; message: string }[] } {
  const errors: { field: keyof RuleForm; message: string }[] = []
  const kind =
    f.vertraging === 'minuten' ? 'minutes' : f.vertraging === 'volgende-werkdag' ? 'next_working_day' : null
  if (!kind) errors.push({ field: 'vertraging', message: 'Kies wanneer de uitnodiging weggaat.' })
  const at = kind === 'next_working_day' ? (TIME.test(f.tijdstip) ? f.tijdstip : null) : null
  if (kind === 'next_working_day' && !at)
    errors.push({ field: 'tijdstip', message: 'Vul een tijd in als uu:mm, bijvoorbeeld 10:00.' })
  const minutes = kind === 'minutes' ? whole(f.minuten, 0, MAX_DELAY_MINUTES) : null
  if (kind === 'minutes' && minutes === null)
    errors.push({
      field: 'minuten',
      message: `Vul een heel aantal minuten in, van 0 tot ${MAX_DELAY_MINUTES}.`,
    })
  const quietGiven = f['stil-van'] !== '' || f['stil-tot'] !== ''
  const quietFrom = TIME.test(f['stil-van']) ? f['stil-van'] : null
  const quietTo = TIME.test(f['stil-tot']) ? f['stil-tot'] : null
  if (quietGiven && !quietFrom)
    errors.push({
      field: 'stil-van',
      message: 'Vul een tijd in als uu:mm, of laat beide velden voor stille uren leeg.',
    })
  if (quietGiven && !quietTo)
    errors.push({
      field: 'stil-tot',
      message: 'Vul een tijd in als uu:mm, of laat beide velden voor stille uren leeg.',
    })
  if (quietFrom && quietTo && quietFrom === quietTo)
    errors.push({
      field: 'stil-tot',
      message: 'Het einde van de stille uren moet anders zijn dan het begin.',
    })
  const sample = whole(f.steekproef, 0, 100)
  if (sample === null)
    errors.push({ field: 'steekproef', message: 'Vul een percentage in van 0 tot en met 100.' })
  const suppression = whole(f.onderdrukking, 0, 3650)
  if (suppression === null)
    errors.push({ field: 'onderdrukking', message: 'Vul een heel aantal dagen in, van 0 tot en met 3650.' })
  const expiry = whole(f.verloop, 1, 365)
  if (expiry === null)
    errors.push({ field: 'verloop', message: 'Vul een heel aantal dagen in, van 1 tot en met 365.' })
  const reminder = f.herinnering === '' ? null : whole(f.herinnering, 1, 364)
  if (f.herinnering !== '' && reminder === null)
    errors.push({
      field: 'herinnering',
      message: 'Vul een heel aantal dagen in vanaf 1, of laat het veld leeg.',
    })
  else if (reminder !== null && expiry !== null && reminder >= expiry)
    errors.push({
      field: 'herinnering',
      message: 'De herinnering moet eerder komen dan het einde van de link. Kies minder dagen.',
    })
  const channel = f.kanaal === 'email' || f.kanaal === 'sms' ? f.kanaal : null
  if (!channel) errors.push({ field: 'kanaal', message: 'Kies e-mail of sms.' })
  if (errors.length || !kind || sample === null || suppression === null || expiry === null || !channel)
    return { values: null, errors }
  return {
    values: {
      delay_kind: kind,
      delay_at: at,
      delay_minutes: minutes,
      quiet_from: quietFrom && quietTo ? quietFrom : null,
      quiet_to: quietFrom && quietTo ? quietTo : null,
      sample_percent: sample,
      suppression_days: suppression,
      reminder_after_days: reminder,
      expiry_days: expiry,
      channel,
    },
    errors: [],
  }
}
