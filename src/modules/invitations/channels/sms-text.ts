/**
 * The invitation and reminder SMS, and how long a text is in SMS units. Pure.
 *
 * One SMS holds 160 characters of the GSM 03.38 alphabet (characters of its extension table, such as
 * € and [, count twice) or 70 UTF-16 units when any other character appears (UCS-2). The renderer
 * tries wordings from long to short and takes the first that fits one SMS; when none fits (long
 * links), it takes the shortest, which the provider sends as a multi-part SMS. The opt-out link is
 * never dropped to make a text fit.
 */
import { primaryLanguage } from './invitation-mail.ts'

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
const GSM_EXTENSION = new Set('^{}\\[~]|€\f')

export interface SmsLength {
  encoding: 'gsm7' | 'ucs2'
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number
  /** Units that fit one SMS: 160 (GSM-7) or 70 (UCS-2). */
  singleLimit: 160 | 70
}

export function smsLength(text: string): SmsLength {
  let units = 0
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) units += 1
    else if (GSM_EXTENSION.has(ch)) units += 2
    else return { encoding: 'ucs2', units: text.length, singleLimit: 70 }
  }
  return { encoding: 'gsm7', units, singleLimit: 160 }
}

export function fitsOneSms(text: string): boolean {
  const l = smsLength(text)
  return l.units <= l.singleLimit
}

export interface InvitationSmsInput {
  kind: 'invitation' | 'reminder'
  language: string
  organisation: { name: string }
  link: string
  /** When equal to `link`, the survey page itself offers the opt-out and the text says so (one link). */
  optOutLink: string
}

/** The SMS text in the person's language (Dutch when not available), one SMS where possible. */
export function renderInvitationSms(input: InvitationSmsInput): string {
  const variants = primaryLanguage(input.language) === 'en' ? english(input) : dutch(input)
  return variants.find(fitsOneSms) ?? (variants[variants.length - 1] as string)
}

function dutch(i: InvitationSmsInput): string[] {
  const org = oneLine(i.organisation.name)
  const pre = i.kind === 'reminder' ? 'Nog even: ' : ''
  const stop = i.optOutLink === i.link ? 'Afmelden kan via de link.' : `Geen sms meer? ${i.optOutLink}`
  return [
    `${pre}${org} wil graag weten wat u van ons vond. Vul de vragenlijst in: ${i.link} Het kost een paar minuten. ${stop}`,
    `${pre}${org} wil graag weten wat u van ons vond. Vul de vragenlijst in: ${i.link} ${stop}`,
    `${pre}${org} vraagt uw mening: ${i.link} ${stop}`,
  ]
}

function english(i: InvitationSmsInput): string[] {
  const org = oneLine(i.organisation.name)
  const pre = i.kind === 'reminder' ? 'Reminder: ' : ''
  const stop = i.optOutLink === i.link ? 'You can opt out via the link.' : `No more texts? ${i.optOutLink}`
  return [
    `${pre}${org} would like to know what you thought of us. Fill in the questionnaire: ${i.link} It takes a few minutes. ${stop}`,
    `${pre}${org} would like to know what you thought of us: ${i.link} ${stop}`,
    `${pre}${org} asks for your opinion: ${i.link} ${stop}`,
  ]
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
