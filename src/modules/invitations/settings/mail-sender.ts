/**
 * The sender of an organisation's invitation mails: a display name (default: the organisation's name)
 * and a Reply-To address (default: none). The From address stays MAIL_FROM's, because only a domain
 * whose SPF and DKIM records allow the mail server keeps mail out of spam; an organisation that wants
 * replies in its own mailbox sets Reply-To. The theme (huisstijl) is not repeated here: the mail has no
 * images or colours of its own (channels/invitation-mail.ts).
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import type { Database } from '../../database.ts'
import { normaliseEmail } from '../calc/person.ts'
import { invitationSender } from '../channels/invitation-mail.ts'

/** The stored settings; nulls mean the defaults. */
export interface MailSender {
  senderName: string | null
  replyTo: string | null
}

const MAX_NAME = 100

/** The organisation's settings (defaults when it has none). */
export async function loadMailSender(db: Kysely<Database>, organisationId: string): Promise<MailSender> {
  const row = await db
    .selectFrom('invitation_mail_sender')
    .select(['sender_name', 'reply_to'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return { senderName: row?.sender_name ?? null, replyTo: row?.reply_to ?? null }
}

/** Checks the form's two fields (empty is the default); a Dutch message per invalid field. */
export function parseMailSender(form: {
  afzender: string
  antwoordadres: string
}):
  | { value: MailSender; errors: [] }
  | { value: null; errors: { field: 'afzender' | 'antwoordadres'; message: string }[] } {
  const errors: { field: 'afzender' | 'antwoordadres'; message: string }[] = []
  const name = form.afzender.trim().replace(/\s+/g, ' ')
  // Line breaks would end the From header; quotes and backslashes are escaped by invitationSender.
  if (name.length > MAX_NAME || /[\r\n<>]/.test(form.afzender))
    errors.push({ field: 'afzender', message: `Gebruik hoogstens ${MAX_NAME} tekens en geen < of >.` })
  const reply = form.antwoordadres.trim()
  const replyTo = reply ? normaliseEmail(reply) : null
  if (reply && !replyTo) errors.push({ field: 'antwoordadres', message: 'Dit is geen geldig e-mailadres.' })
  if (errors.length) return { value: null, errors }
  return { value: { senderName: name || null, replyTo }, errors: [] }
}

/** Stores the settings and records the change. */
export async function saveMailSender(db: Kysely<Database>, ctx: WriteContext, value: MailSender) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('invitation_mail_sender')
      .values({ organisation_id: ctx.organisationId, sender_name: value.senderName, reply_to: value.replyTo })
      .onConflict((oc) =>
        oc
          .column('organisation_id')
          .doUpdateSet({ sender_name: value.senderName, reply_to: value.replyTo, updated_at: new Date() }),
      )
      .execute()
    // The organisation's own reply address is not personal data: it may be in the audit trail.
    await recordEvent(trx, ctx, {
      type: 'invitation-sender.changed',
      subjectType: 'organisation',
      subjectId: ctx.organisationId,
      data: { senderName: value.senderName, replyTo: value.replyTo },
    })
  })
}

/**
 * The From header and extra headers of an invitation mail for an organisation: its sender name (or its
 * name) with MAIL_FROM's address, and Reply-To when set. For the delivery job (deliver-due.ts).
 */
export function invitationSenderHeaders(
  mailFrom: string,
  organisationName: string,
  sender: MailSender,
): { from: string; headers: Record<string, string> } {
  return {
    from: invitationSender(mailFrom, sender.senderName ?? organisationName),
    headers: sender.replyTo ? { 'Reply-To': sender.replyTo } : {},
  }
}
