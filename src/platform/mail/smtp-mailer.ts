/** Mailer over SMTP with nodemailer's connection pool. */
import nodemailer from 'nodemailer'
import type { Logger } from '../log.ts'
import type { Mailer } from './index.ts'
import { failureOutcome, nodemailerMessage } from './outcome.ts'

/**
 * Defaults added to SMTP_URL unless the URL sets them itself (nodemailer reads its options from the
 * query string). Shorter timeouts than nodemailer's (2 and 10 minutes) so a hanging server does not
 * hold a delivery batch for long; the invitation then stays planned and is tried again.
 */
const URL_DEFAULTS: Record<string, string> = {
  pool: 'true',
  connectionTimeout: '30000',
  greetingTimeout: '30000',
  socketTimeout: '60000',
}

export function createSmtpMailer(smtpUrl: string, logger: Logger): Mailer {
  const url = new URL(smtpUrl)
  for (const [key, value] of Object.entries(URL_DEFAULTS)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value)
  }
  const transport = nodemailer.createTransport(url.toString())
  logger.info(
    { host: url.hostname, port: url.port || null, secure: url.protocol === 'smtps:' },
    'mail over SMTP',
  )
  return {
    async send(m) {
      try {
        const info = await transport.sendMail(nodemailerMessage(m))
        return { ok: true, id: String(info.messageId) }
      } catch (error) {
        const outcome = failureOutcome(error)
        // The reason has addresses redacted; the recipient itself is never logged.
        logger.warn({ permanent: outcome.permanent, reason: outcome.reason }, 'mail not sent')
        return outcome
      }
    },
    async close() {
      transport.close()
    },
  }
}
