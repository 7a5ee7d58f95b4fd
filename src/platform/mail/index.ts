/**
 * Sending mail. One interface, two implementations chosen by configuration:
 * - SMTP_URL set: nodemailer over SMTP with a connection pool (smtp-mailer.ts);
 * - SMTP_URL unset: a development outbox that writes every message as an .eml file to DATA_DIR/outbox/
 *   (outbox-mailer.ts), so `npm start` works without a mail server.
 * Addresses are personal data: nothing here logs a recipient, and failure reasons have addresses
 * replaced (outcome.ts). See docs/mail-and-sms.md.
 */
import type { Config } from '../config.ts'
import { createLogger, type Logger } from '../log.ts'
import { lazyMailer } from './lazy-mailer.ts'
import { createOutboxMailer } from './outbox-mailer.ts'
import { createSmtpMailer } from './smtp-mailer.ts'

export interface MailMessage {
  from: string
  to: string
  subject: string
  html: string
  text: string
  headers?: Record<string, string>
}

/** Result of one send. `permanent` failures (SMTP 5xx) must not be retried; others may be. */
export type SendOutcome = { ok: true; id: string } | { ok: false; permanent: boolean; reason: string }

export interface Mailer {
  send(m: MailMessage): Promise<SendOutcome>
  close(): Promise<void>
}

export interface MailerOptions {
  /** Defaults to a new logger at LOG_LEVEL. */
  logger?: Logger
}

/** The mailer the configuration asks for: SMTP when SMTP_URL is set, else the development outbox. */
export function createMailer(config: Config, options: MailerOptions = {}): Mailer {
  const logger = (options.logger ?? createLogger(config.LOG_LEVEL)).child({ component: 'mail' })
  if (config.SMTP_URL) return createSmtpMailer(config.SMTP_URL, logger)
  return createOutboxMailer(outboxDir(config), logger)
}

/**
 * The mailer of a process (services.mailer): as `createMailer`, but built on the first send and kept
 * until `close()`, so one SMTP connection pool serves every delivery run of the process.
 */
export function createProcessMailer(config: Config, options: MailerOptions = {}): Mailer {
  return lazyMailer(() => createMailer(config, options))
}

/** Folder of the development outbox (mails and, by default, the SMS file). */
export function outboxDir(config: Config): string {
  return `${config.dataDirAbsolute}/outbox`
}
