/**
 * A real SMTP server for tests: smtp-server on 127.0.0.1 at a free port, no authentication and no TLS,
 * every message parsed with mailparser. `rejectRecipients` makes RCPT TO fail for matching addresses
 * (550 by default, `rejectCode` for another reply such as 450), to test bounces.
 */
import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface TestSmtp {
  /** smtp://127.0.0.1:PORT, usable as SMTP_URL. */
  url: string
  /** Parsed messages in the order they arrived. */
  messages: ParsedMail[]
  /** Resolves with the messages once at least n have arrived; rejects after ms (default 5000). */
  waitFor(n: number, ms?: number): Promise<ParsedMail[]>
  close(): Promise<void>
}

export async function startTestSmtp(
  options: { rejectRecipients?: RegExp; rejectCode?: number } = {},
): Promise<TestSmtp> {
  const messages: ParsedMail[] = []
  const waiters = new Set<() => void>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 1000,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients?.test(address.address)) {
        const code = options.rejectCode ?? 550
        const error = Object.assign(
          new Error(code >= 500 ? 'Mailbox unavailable' : 'Mailbox busy, try again later'),
          { responseCode: code },
        )
        callback(error)
        return
      }
      callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          for (const wake of waiters) wake()
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(n, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < n) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(messages.slice())
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`expected ${n} messages within ${ms} ms, got ${messages.length}`))
        }, ms)
        waiters.add(check)
        check()
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * The raw value of a header as sent (unfolded), or undefined. mailparser turns List-* headers into a
 * structured `list` object; tests about exact header text read the raw lines instead.
 */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim()
}
