/**
 * Use case: send the invitations and reminders whose time has come (job invitations.deliver-due).
 *
 * - Claims due rows in batches with FOR UPDATE SKIP LOCKED, so any number of workers share the work
 *   without sending one invitation twice; each batch is one transaction that holds its rows while their
 *   mails go out. A crash mid-batch rolls back: those invitations are sent again (at least once, never
 *   lost).
 * - Every send mints a new link token (32 random bytes; only the SHA-256 is stored). A reminder's new
 *   token replaces the first one: one link works at a time, and only the current hash is kept.
 * - A permanent failure (SMTP 5xx, an invalid number) marks the invitation `bounced` and forgets the
 *   address at once. A temporary failure retries later (5, 10, 20, 40 minutes); after
 *   MAX_DELIVERY_ATTEMPTS it counts as bounced too.
 * - Expired invitations are not sent; invitations.forget-addresses marks them.
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Config } from '../../platform/config.ts'
import { eventRow } from '../../platform/db/audit.ts'
import type { Mailer, SendOutcome } from '../../platform/mail/index.ts'
import type { Database } from '../database.ts'
import { invitationSender, renderInvitationMail } from './channels/invitation-mail.ts'
import { renderInvitationSms, type SmsAdapter } from './channels/sms.ts'
import type { InvitationChannel } from './schema.ts'
import { mintLinkToken, optOutToken } from './tokens.ts'

/** Invitations one transaction claims at most. */
export const DELIVERY_BATCH_SIZE = 50
/** Sends in flight at once within a batch. */
const PARALLEL_SENDS = 10
/** Tries before a temporary failure counts as a bounce. */
export const MAX_DELIVERY_ATTEMPTS = 5

/** What delivery needs: channels, the invitation key, the public URL and the clock. */
export interface DeliveryDeps {
  db: Kysely<Database>
  config: Pick<Config, 'MAIL_FROM' | 'publicUrl'>
  mailer: Mailer
  sms: SmsAdapter | null
  key: string
  now: Date
  batchSize?: number
  signal?: AbortSignal
}

/** Counts of one run. */
export interface DeliveryReport {
  sent: number
  reminded: number
  bounced: number
  retrying: number
}

interface Due {
  organisation_id: string
  id: string
  status: string
  channel: InvitationChannel
  language: string
  address: string
  expires_at: Date
  attempts: number
  organisation_name: string
  survey_title: string
  reminder: boolean
}

/** Sends everything that is due at `now`, batch by batch, until nothing is left. */
export async function deliverDueInvitations(deps: DeliveryDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, reminded: 0, bounced: 0, retrying: 0 }
  const size = deps.batchSize ?? DELIVERY_BATCH_SIZE
  for (;;) {
    deps.signal?.throwIfAborted()
    const n = await deps.db.transaction().execute((trx) => deliverBatch(trx, deps, size, report))
    if (n < size) return report
  }
}

async function deliverBatch(
  trx: Transaction<Database>,
  deps: DeliveryDeps,
  size: number,
  report: DeliveryReport,
) {
  const planned = await claim(trx, deps.now, size, false)
  const reminders = planned.length < size ? await claim(trx, deps.now, size - planned.length, true) : []
  const claimed = [...planned, ...reminders]
  for (let i = 0; i < claimed.length; i += PARALLEL_SENDS) {
    const chunk = claimed.slice(i, i + PARALLEL_SENDS)
    await Promise.all(chunk.map((due) => deliverOne(trx, deps, due, report)))
  }
  return claimed.length
}

/** Locks up to `limit` due invitations (or reminders) that no other worker holds. */
async function claim(trx: Transaction<Database>, now: Date, limit: number, reminders: boolean) {
  // Served by invitation_due_idx (planned) and invitation_remind_idx (reminders).
  const due = reminders
    ? sql`i.status IN ('sent', 'started') AND i.remind_at <= ${now}`
    : sql`i.status = 'planned' AND i.send_at <= ${now}`
  const order = reminders ? sql`i.remind_at` : sql`i.send_at`
  const { rows } = await sql<Omit<Due, 'reminder'>>`
    SELECT i.organisation_id, i.id, i.status, i.channel, i.language, i.address, i.expires_at, i.attempts,
           o.name AS organisation_name, s.title AS survey_title
      FROM invitation i
      JOIN organisation o ON o.id = i.organisation_id
      JOIN survey s ON s.organisation_id = i.organisation_id AND s.id = i.survey_id
     WHERE ${due} AND i.expires_at > ${now} AND i.address IS NOT NULL
     ORDER BY ${order}
     LIMIT ${limit}
       FOR UPDATE OF i SKIP LOCKED`.execute(trx)
  return rows.map((r) => ({ ...r, reminder: reminders }))
}

async function deliverOne(trx: Transaction<Database>, deps: DeliveryDeps, due: Due, report: DeliveryReport) {
  const { token, hash } = mintLinkToken()
  const base = deps.config.publicUrl
  const link = `${base}/i/${token}`
  const optOutLink = `${base}/afmelden/${optOutToken(deps.key, due.organisation_id, due.id)}`
  const kind = due.reminder ? 'reminder' : 'invitation'
  const organisation = { name: due.organisation_name }
  let outcome: SendOutcome
  try {
    if (due.channel === 'email') {
      const mail = renderInvitationMail({
        kind,
        language: due.language,
        organisation,
        surveyTitle: due.survey_title,
        link,
        optOutLink,
        optOutMailto: null,
        expiresAt: due.expires_at,
      })
      outcome = await deps.mailer.send({
        from: invitationSender(deps.config.MAIL_FROM, due.organisation_name),
        to: due.address,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: mail.headers,
      })
    } else if (deps.sms) {
      const text = renderInvitationSms({ kind, language: due.language, organisation, link, optOutLink })
      outcome = await deps.sms.send(due.address, text)
    } else {
      outcome = { ok: false, permanent: false, reason: 'no SMS adapter configured (SMS_ADAPTER=off)' }
    }
  } catch (error) {
    outcome = { ok: false, permanent: false, reason: (error as Error).message }
  }
  const ctx = { organisationId: due.organisation_id, actor: { type: 'system' as const } }
  const now = deps.now
  const where = { organisation_id: due.organisation_id, id: due.id }
  if (outcome.ok) {
    const reminded = due.reminder
    await trx
      .updateTable('invitation')
      .set(
        reminded
          ? {
              // A person who opened the link but did not finish stays `started`.
              status: due.status === 'started' ? ('started' as const) : ('reminded' as const),
              reminded_at: now,
              remind_at: null,
              token_hash: hash,
              attempts: 0,
              updated_at: now,
            }
          : { status: 'sent', sent_at: now, token_hash: hash, attempts: 0, updated_at: now },
      )
      .where('organisation_id', '=', where.organisation_id)
      .where('id', '=', where.id)
      .execute()
    await trx
      .insertInto('event')
      .values(
        eventRow(ctx, {
          type: reminded ? 'invitation.reminded' : 'invitation.sent',
          subjectType: 'invitation',
          subjectId: due.id,
          data: { channel: due.channel },
        }),
      )
      .execute()
    if (reminded) report.reminded += 1
    else report.sent += 1
    return
  }
  const attempts = due.attempts + 1
  if (outcome.permanent || attempts >= MAX_DELIVERY_ATTEMPTS) {
    await trx
      .updateTable('invitation')
      .set({ status: 'bounced', address: null, token_hash: null, remind_at: null, attempts, updated_at: now })
      .where('organisation_id', '=', where.organisation_id)
      .where('id', '=', where.id)
      .execute()
    // The reason is not stored: a mail server's reply may contain the address.
    await trx
      .insertInto('event')
      .values(
        eventRow(ctx, {
          type: 'invitation.bounced',
          subjectType: 'invitation',
          subjectId: due.id,
          data: { channel: due.channel, permanent: outcome.permanent, attempts, reminder: due.reminder },
        }),
      )
      .execute()
    report.bounced += 1
    return
  }
  const later = new Date(now.getTime() + 5 * 60_000 * 2 ** (attempts - 1))
  await trx
    .updateTable('invitation')
    .set(
      due.reminder
        ? { remind_at: later, attempts, updated_at: now }
        : { send_at: later, attempts, updated_at: now },
    )
    .where('organisation_id', '=', where.organisation_id)
    .where('id', '=', where.id)
    .execute()
  report.retrying += 1
}
