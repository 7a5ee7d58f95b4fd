/**
 * The invitation and reminder mail: subject, HTML and plain text, in Dutch (B1, "u") and English, with
 * the opt-out headers of RFC 2369 and RFC 8058. Pure: no I/O. Other languages fall back to Dutch, like
 * the public pages do. See docs/mail-and-sms.md.
 *
 * Accessibility: `lang` on the document, one column, a real link text, no images, dark text on white
 * (and light on dark in clients that honour prefers-color-scheme), and a plain-text part that says the
 * same. Every interpolated value is HTML-escaped.
 */
import { type ExpiryWording, expiryWording } from './expiry-wording.ts'

export interface InvitationMailInput {
  kind: 'invitation' | 'reminder'
  language: string
  organisation: { name: string }
  surveyTitle: string
  /** The personal survey link (http or https). */
  link: string
  /** The one-click opt-out link; must accept a POST with List-Unsubscribe=One-Click (RFC 8058). */
  optOutLink: string
  /** An address (with or without `mailto:`) that opts out by mail, or null. */
  optOutMailto: string | null
  expiresAt: Date
}

export interface RenderedMail {
  subject: string
  html: string
  text: string
  headers: Record<string, string>
}

/** One language's wording; paragraphs are plain text (escaped when put into HTML). */
interface Wording {
  lang: 'nl' | 'en'
  subject: string
  greeting: string
  intro: string[]
  button: string
  fallback: string
  expiry: string
  optOutQuestion: string
  optOutLinkText: string
  /** Plain-text version of the opt-out link, followed by the URL on its own line. */
  optOutTextLead: string
  closing: string
  why: string
}

function dutch(i: InvitationMailInput, expiry: ExpiryWording): Wording {
  const org = i.organisation.name
  const reminder = i.kind === 'reminder'
  return {
    lang: 'nl',
    subject: reminder ? `Nog even: wat vond u van ${org}?` : `Wat vond u van ${org}?`,
    greeting: 'Beste meneer, mevrouw,',
    intro: reminder
      ? [
          `Een paar dagen geleden vroegen wij u om een vragenlijst in te vullen. Het gaat over uw contact met ${org}.`,
          'Heeft u dat nog niet gedaan? Dan kan het nog steeds. Dit is de laatste mail hierover.',
          `De vragenlijst heet: ${i.surveyTitle}. Het invullen kost een paar minuten.`,
        ]
      : [
          `U had kort geleden contact met ${org}. Wij willen graag weten wat u daarvan vond.`,
          `Daarom vragen wij u om een korte vragenlijst in te vullen. De vragenlijst heet: ${i.surveyTitle}. Het invullen kost een paar minuten.`,
          'Met uw antwoorden maken wij ons werk beter. Meedoen is vrijwillig.',
        ],
    button: 'Vul de vragenlijst in',
    fallback: 'Werkt de knop niet? Kopieer dan deze link naar uw browser:',
    expiry: expiry.untilInclusive
      ? `De link werkt tot en met ${expiry.date}.`
      : `De link werkt tot ${expiry.date}, ${expiry.time.replace(':', '.')} uur.`,
    optOutQuestion: `Wilt u geen vragenlijsten meer krijgen van ${org}?`,
    optOutLinkText: 'Meld u af',
    optOutTextLead: 'Meld u af via deze link:',
    closing: `Met vriendelijke groet,\n${org}`,
    why: `U krijgt deze mail omdat u contact had met ${org}.`,
  }
}

function english(i: InvitationMailInput, expiry: ExpiryWording): Wording {
  const org = i.organisation.name
  const reminder = i.kind === 'reminder'
  return {
    lang: 'en',
    subject: reminder ? `Reminder: what did you think of ${org}?` : `What did you think of ${org}?`,
    greeting: 'Dear Sir or Madam,',
    intro: reminder
      ? [
          `A few days ago we asked you to fill in a questionnaire about your contact with ${org}.`,
          'Have you not done so yet? You still can. This is the last e-mail about it.',
          `The questionnaire is called: ${i.surveyTitle}. It takes a few minutes.`,
        ]
      : [
          `You recently had contact with ${org}. We would like to know what you thought of it.`,
          `Please fill in a short questionnaire: ${i.surveyTitle}. It takes a few minutes.`,
          'Your answers help us improve our work. Taking part is voluntary.',
        ],
    button: 'Fill in the questionnaire',
    fallback: 'Does the button not work? Copy this link into your browser:',
    expiry: expiry.untilInclusive
      ? `The link works until and including ${expiry.date}.`
      : `The link works until ${expiry.date}, ${expiry.time} (Dutch time).`,
    optOutQuestion: `Do you no longer want to receive questionnaires from ${org}?`,
    optOutLinkText: 'Unsubscribe',
    optOutTextLead: 'Unsubscribe with this link:',
    closing: `Kind regards,\n${org}`,
    why: `You receive this e-mail because you had contact with ${org}.`,
  }
}

/** Renders the invitation or reminder mail in the person's language (Dutch when not available). */
export function renderInvitationMail(input: InvitationMailInput): RenderedMail {
  assertWebLink(input.link)
  assertWebLink(input.optOutLink)
  if (input.optOutMailto !== null && /[\s<>,]/.test(input.optOutMailto))
    throw new Error('bad opt-out address')
  const english_ = primaryLanguage(input.language) === 'en'
  const w = english_
    ? english(input, expiryWording(input.expiresAt, 'en'))
    : dutch(input, expiryWording(input.expiresAt, 'nl'))
  return {
    subject: w.subject,
    html: html(w, input),
    text: text(w, input),
    headers: optOutHeaders(input.optOutLink, input.optOutMailto),
  }
}

/**
 * RFC 2369 List-Unsubscribe (HTTPS link first, then mailto) and RFC 8058 one-click: mail programs
 * show an "unsubscribe" button that POSTs to the link. Auto-Submitted (RFC 3834) and Exchange's
 * X-Auto-Response-Suppress keep out-of-office replies away from the sender address.
 */
export function optOutHeaders(optOutLink: string, optOutMailto: string | null): Record<string, string> {
  const targets = [`<${optOutLink}>`]
  if (optOutMailto)
    targets.push(`<${optOutMailto.startsWith('mailto:') ? optOutMailto : `mailto:${optOutMailto}`}>`)
  return {
    'List-Unsubscribe': targets.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
    'X-Auto-Response-Suppress': 'OOF, AutoReply',
  }
}

/** The From header for an organisation: its name as display name, MAIL_FROM's address. */
export function invitationSender(mailFrom: string, organisationName: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim()
  const name = organisationName.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1')
  return `"${name}" <${address}>`
}

function text(w: Wording, i: InvitationMailInput): string {
  return [
    w.greeting,
    ...w.intro,
    `${w.button}:\n${i.link}`,
    w.expiry,
    w.closing,
    // No "-- " signature line: some programs fold a signature away, and with it the opt-out.
    w.why,
    `${w.optOutQuestion} ${w.optOutTextLead}\n${i.optOutLink}`,
  ].join('\n\n')
}

// Colours: text #1a1a1a on #ffffff (contrast 17:1), link button #ffffff on #154273 (10:1); in dark
// mode #f0f0f0 on #1a1a1a and the button #1a1a1a on #9ec5ff. Sizes in px for old mail programs.
const STYLE = `
@media (prefers-color-scheme: dark) {
  body, .page { background: #1a1a1a !important; color: #f0f0f0 !important; }
  a { color: #9ec5ff !important; }
  a.button { background: #9ec5ff !important; color: #1a1a1a !important; }
  .small { color: #d0d0d0 !important; }
}`

function html(w: Wording, i: InvitationMailInput): string {
  const e = escapeHtml
  const p = (s: string, cls = '') =>
    `<p${cls ? ` class="${cls}"` : ''} style="margin:0 0 16px 0;${cls === 'small' ? 'font-size:14px;color:#4a4a4a;' : ''}">${e(s).replace(/\n/g, '<br>')}</p>`
  return `<!DOCTYPE html>
<html lang="${w.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(w.subject)}</title>
<style>${STYLE}</style>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;">
<div class="page" style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#ffffff;">
${p(w.greeting)}
${w.intro.map((s) => p(s)).join('\n')}
<p style="margin:24px 0;"><a class="button" href="${e(i.link)}" style="display:inline-block;padding:12px 24px;background:#154273;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:4px;">${e(w.button)}</a></p>
${p(w.expiry)}
<p style="margin:0 0 16px 0;">${e(w.fallback)}<br><a href="${e(i.link)}" style="color:#154273;word-break:break-all;">${e(i.link)}</a></p>
${p(w.closing)}
<hr style="border:0;border-top:1px solid #767676;margin:24px 0;">
${p(w.why, 'small')}
<p class="small" style="margin:0 0 16px 0;font-size:14px;color:#4a4a4a;">${e(w.optOutQuestion)} <a href="${e(i.optOutLink)}" style="color:#154273;">${e(w.optOutLinkText)}</a>.</p>
</div>
</body>
</html>
`
}

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? 'nl'
}

/** A link that is not http(s) (a `javascript:` URL, say) is a bug upstream, never something to mail. */
// Whitespace or angle brackets would also break out of the List-Unsubscribe header.
function assertWebLink(link: string) {
  if (!/^https?:\/\/[^\s<>]+$/i.test(link)) throw new Error('invitation links must be http(s) URLs')
}

export { primaryLanguage }
