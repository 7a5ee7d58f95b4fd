/** Between Klankbord's mail types and nodemailer's: a message for sendMail, an error as a SendOutcome. Pure. */
import type { MailMessage, SendOutcome } from './index.ts'

interface SmtpErrorLike {
  code?: unknown
  responseCode?: unknown
  response?: unknown
  message?: unknown
}

/** Error codes of nodemailer that mean the message itself is wrong; sending it again cannot help. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE'])

/**
 * SMTP 5xx is permanent (the address does not exist, the message is refused); 4xx is temporary
 * (mailbox full, greylisting, rate limit). Without a reply code, connection, DNS, TLS and timeout
 * errors are temporary: the server may be back later. An envelope or message error without a reply
 * code (nodemailer refused it before sending) is permanent.
 */
export function failureOutcome(error: unknown): Extract<SendOutcome, { ok: false }> {
  const e = (
    typeof error === 'object' && error !== null ? error : { message: String(error) }
  ) as SmtpErrorLike
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null
  const code = typeof e.code === 'string' ? e.code : null
  const permanent = responseCode !== null ? responseCode >= 500 : code !== null && PERMANENT_CODES.has(code)
  const detail = typeof e.response === 'string' ? e.response : String(e.message ?? 'unknown error')
  const reason = [
    code,
    responseCode !== null && !detail.startsWith(String(responseCode)) ? responseCode : null,
    detail,
  ]
    .filter((p) => p !== null && p !== '')
    .join(' ')
  return { ok: false, permanent, reason: redactAddresses(reason).slice(0, 500) }
}

/** Replaces anything that looks like an e-mail address: SMTP replies often quote the recipient. */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g, '[address]')
}

/** A message in nodemailer's terms: what both the SMTP and the outbox mailer hand to `sendMail`. */
export function nodemailerMessage(m: MailMessage) {
  return { from: m.from, to: m.to, subject: m.subject, html: m.html, text: m.text, headers: m.headers }
}
