/**
 * Sending SMS through an adapter chosen by SMS_ADAPTER:
 * - `off` (default): no SMS channel (smsAdapterFromConfig returns null);
 * - `file`: appends one JSON line per message to SMS_FILE (development; nothing leaves the machine);
 * - `http`: one HTTP call per message to a provider, built from SMS_HTTP_URL / _METHOD / _BODY /
 *   _AUTHORIZATION templates, so most providers work without code.
 * Phone numbers are personal data: they are never logged. See docs/mail-and-sms.md.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../../../platform/config.ts'
import { createLogger, type Logger } from '../../../platform/log.ts'
import { outboxDir, type SendOutcome } from '../../../platform/mail/index.ts'

export { renderInvitationSms, smsLength } from './sms-text.ts'

export interface SmsAdapter {
  /** `to` in E.164 (+31612345678). */
  send(to: string, text: string): Promise<SendOutcome>
}

export function smsAdapterFromConfig(config: Config, options: { logger?: Logger } = {}): SmsAdapter | null {
  const logger = (options.logger ?? createLogger(config.LOG_LEVEL)).child({ component: 'sms' })
  switch (config.SMS_ADAPTER) {
    case 'off':
      return null
    case 'file':
      return fileSmsAdapter(config.SMS_FILE ?? path.join(outboxDir(config), 'sms.jsonl'), logger)
    case 'http': {
      if (!config.SMS_HTTP_URL) throw new Error('SMS_HTTP_URL is required when SMS_ADAPTER is http')
      return httpSmsAdapter(
        {
          url: config.SMS_HTTP_URL,
          method: config.SMS_HTTP_METHOD,
          body: config.SMS_HTTP_BODY ?? null,
          authorization: config.SMS_HTTP_AUTHORIZATION ?? null,
        },
        logger,
      )
    }
  }
}

/** Appends `{"id","at","to","text"}` lines; the folder is made on the first message. */
export function fileSmsAdapter(file: string, logger?: Logger): SmsAdapter {
  return {
    async send(to, text) {
      const id = randomUUID()
      try {
        await fs.mkdir(path.dirname(file), { recursive: true })
        await fs.appendFile(file, `${JSON.stringify({ id, at: new Date().toISOString(), to, text })}\n`)
        logger?.info({ file, id }, 'SMS written to file')
        return { ok: true, id }
      } catch (error) {
        return { ok: false, permanent: false, reason: `cannot write ${file}: ${(error as Error).message}` }
      }
    },
  }
}

export interface HttpSmsSettings {
  /** May contain {to} and {text}, filled in URL-encoded. */
  url: string
  method: 'GET' | 'POST'
  /** JSON body template with {to} and {text}, filled in JSON-escaped; null: no body. */
  body: string | null
  /** Value of the Authorization header, or null. */
  authorization: string | null
  /** Milliseconds before the call counts as a temporary failure (default 15 000). */
  timeoutMs?: number
}

/**
 * 2xx is sent. 4xx is permanent (the provider refuses this message or number), except 408 and 429
 * (timeout, rate limit) and 401/403: bad credentials are our configuration, not the person's number,
 * so the message must stay retryable instead of being marked as bounced. 5xx and network errors are
 * temporary.
 */
export function httpSmsAdapter(settings: HttpSmsSettings, logger?: Logger): SmsAdapter {
  return {
    async send(to, text) {
      const url = fill(settings.url, to, text, encodeURIComponent)
      const body = settings.body === null ? undefined : fill(settings.body, to, text, jsonEscape)
      const headers: Record<string, string> = {}
      if (body !== undefined) headers['content-type'] = 'application/json'
      if (settings.authorization) headers.authorization = settings.authorization
      let response: Response
      try {
        response = await fetch(url, {
          method: settings.method,
          headers,
          body: settings.method === 'GET' ? undefined : body,
          signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
        })
      } catch (error) {
        const reason = `network: ${(error as Error).name} ${(error as Error).message}`
        logger?.warn({ reason }, 'SMS not sent')
        return { ok: false, permanent: false, reason }
      }
      const detail = redactNumbers((await response.text().catch(() => '')).slice(0, 200))
      if (response.ok) return { ok: true, id: randomUUID() }
      const s = response.status
      const permanent = s >= 400 && s < 500 && ![401, 403, 408, 429].includes(s)
      const reason = `HTTP ${s}${detail ? ` ${detail}` : ''}`
      if (s === 401 || s === 403)
        logger?.error({ status: s }, 'SMS provider refused the credentials (SMS_HTTP_AUTHORIZATION)')
      else logger?.warn({ permanent, reason }, 'SMS not sent')
      return { ok: false, permanent, reason }
    },
  }
}

function fill(template: string, to: string, text: string, escape: (s: string) => string): string {
  // One pass, so a {to} inside the message text is not filled in again.
  return template.replace(/\{(to|text)\}/g, (_, key: string) => escape(key === 'to' ? to : text))
}

function jsonEscape(s: string): string {
  return JSON.stringify(s).slice(1, -1)
}

/** Provider replies may echo the number; keep it out of stored reasons and logs. */
function redactNumbers(s: string): string {
  return s.replace(/\+?\d[\d\s-]{6,}\d/g, '[number]')
}
