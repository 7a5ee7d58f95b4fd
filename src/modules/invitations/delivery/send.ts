/**
 * Step 2 of delivery: build and send one message, outside any transaction. Every send mints a new link
 * token (32 random bytes; only its SHA-256 is stored by record.ts). A reminder's new token replaces the
 * first one, so one link works at a time. Never throws: every failure becomes a SendOutcome.
 */
import type { Config } from '../../../platform/config.ts'
import type { Mailer, SendOutcome } from '../../../platform/mail/index.ts'
import { renderInvitationSms, type SmsAdapter } from '../channels/sms.ts'
import { invitationSenderHeaders } from '../settings/mail-sender.ts'
import { mintLinkToken, optOutToken } from '../tokens.ts'
import type { ClaimedInvitation } from './claim.ts'
import { cachedMailRenderer } from './mail-cache.ts'

/** What sending needs: the channels, the invitation key and the public URL. */
export interface SendDeps {
  config: Pick<Config, 'MAIL_FROM' | 'publicUrl'>
  mailer: Mailer
  sms: SmsAdapter | null
  key: string
  /** Renders mails; one per delivery run (mail-cache.ts). */
  renderer?: ReturnType<typeof cachedMailRenderer>
}

/** The outcome of one send and the hash of the token its link carries. */
export interface Sent {
  outcome: SendOutcome
  tokenHash: string
}

/** Sends the invitation or reminder of one claimed row. */
export async function sendInvitation(deps: SendDeps, due: ClaimedInvitation): Promise<Sent> {
  const { token, hash } = mintLinkToken()
  const linkBase = `${deps.config.publicUrl}/i/`
  const optOutBase = `${deps.config.publicUrl}/afmelden/`
  const optOut = optOutToken(deps.key, due.organisation_id, due.id)
  const link = linkBase + token
  const optOutLink = optOutBase + optOut
  const kind = due.reminder ? 'reminder' : 'invitation'
  const organisation = { name: due.organisation_name }
  try {
    if (due.channel === 'email') {
      const mail = (deps.renderer ?? cachedMailRenderer()).render(
        {
          kind,
          language: due.language,
          organisation,
          surveyTitle: due.survey_title,
          optOutMailto: null,
          expiresAt: due.expires_at,
        },
        { link: linkBase, optOut: optOutBase },
        { link: token, optOut },
      )
      // The organisation's sender name (default its name) with MAIL_FROM's address, and its Reply-To.
      const sender = invitationSenderHeaders(deps.config.MAIL_FROM, due.organisation_name, {
        senderName: due.sender_name,
        replyTo: due.reply_to,
      })
      const outcome = await deps.mailer.send({
        from: sender.from,
        to: due.address,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: { ...mail.headers, ...sender.headers },
      })
      return { outcome, tokenHash: hash }
    }
    if (!deps.sms)
      return {
        outcome: { ok: false, permanent: false, reason: 'no SMS adapter configured (SMS_ADAPTER=off)' },
        tokenHash: hash,
      }
    const text = renderInvitationSms({ kind, language: due.language, organisation, link, optOutLink })
    return { outcome: await deps.sms.send(due.address, text), tokenHash: hash }
  } catch (error) {
    return { outcome: { ok: false, permanent: false, reason: (error as Error).message }, tokenHash: hash }
  }
}
