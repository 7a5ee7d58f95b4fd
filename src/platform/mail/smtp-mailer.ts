/** Mailer over SMTP with nodemailer's connection pool. */
import net from 'node:net'
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
  // nodemailer asks its transporter for a socket before each new connection; ours has Nagle off.
  ;(transport.transporter as unknown as { getSocket: typeof connectWithoutDelay }).getSocket =
    connectWithoutDelay
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

/** What nodemailer passes to getSocket (the parsed SMTP_URL). */
interface SocketRequest {
  host?: string
  port?: number | string
  secure?: boolean
  connectionTimeout?: number | string
}

/**
 * Opens the TCP connection for nodemailer with TCP_NODELAY. With Nagle's algorithm on, the end of each
 * pipelined message waits for the server's delayed ACK: about 40 ms per message per connection, which
 * capped five pooled connections at ~100 mails/s against a local server (docs/benchmarks.md). nodemailer
 * then speaks SMTP over this socket as over its own (and upgrades it to TLS for smtps://).
 */
export function connectWithoutDelay(
  options: SocketRequest,
  callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void,
): void {
  const port = Number(options.port) || (options.secure ? 465 : 587)
  const socket = net.connect({ host: options.host || 'localhost', port, noDelay: true })
  let done = false
  const finish = (error: Error | null) => {
    if (done) return
    done = true
    socket.setTimeout(0)
    socket.removeListener('error', finish)
    if (error) {
      socket.destroy()
      callback(error)
    } else callback(null, { connection: socket })
  }
  socket.setTimeout(Number(options.connectionTimeout) || 30_000, () =>
    finish(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
  )
  socket.once('error', finish)
  socket.once('connect', () => finish(null))
}
