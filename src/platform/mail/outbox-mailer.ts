/**
 * Development mailer: every message becomes an .eml file in the outbox folder (open it with any mail
 * program), and a log line names the file. Nothing leaves the machine.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type { Logger } from '../log.ts'
import type { Mailer } from './index.ts'
import { failureOutcome, nodemailerMessage } from './outcome.ts'

export function createOutboxMailer(dir: string, logger: Logger): Mailer {
  // streamTransport builds the complete MIME message without sending it.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  let announced = false
  return {
    async send(m) {
      try {
        const info = await transport.sendMail(nodemailerMessage(m))
        await fs.mkdir(dir, { recursive: true })
        // Time first so the folder sorts by sending order; no address in the name (personal data).
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`
        const file = path.join(dir, name)
        await fs.writeFile(file, info.message as Buffer)
        if (!announced) {
          logger.info({ dir }, 'SMTP_URL is not set: mails are written to the outbox folder, not sent')
          announced = true
        }
        logger.info({ file, subject: m.subject }, 'mail written to outbox')
        return { ok: true, id: String(info.messageId) }
      } catch (error) {
        // A full disk can clear up; an unwritable folder needs a person. Both are temporary here.
        return { ...failureOutcome(error), permanent: false }
      }
    },
    async close() {},
  }
}
