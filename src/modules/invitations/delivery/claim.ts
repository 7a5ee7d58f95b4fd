/**
 * Step 1 of delivery: claim a batch of due invitations in one short statement.
 *
 * The statement locks the due rows it picks with FOR UPDATE SKIP LOCKED (two workers never pick the
 * same row at the same moment), stamps them with this batch's claim id and a lease (claimed_until),
 * and commits at once: no transaction stays open while mail goes out. A row with a running lease is
 * not due; when a worker dies before recording, its lease runs out and the row is claimed again.
 */
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'
import type { InvitationChannel } from '../schema.ts'

/** A claimed invitation with what its message needs. */
export interface ClaimedInvitation {
  organisation_id: string
  id: string
  status: 'planned' | 'sent' | 'started'
  channel: InvitationChannel
  language: string
  address: string
  expires_at: Date
  attempts: number
  organisation_name: string
  survey_title: string
  /** The organisation's sender settings (settings/mail-sender.ts); null for the defaults. */
  sender_name: string | null
  reply_to: string | null
  reminder: boolean
}

/**
 * Claims up to `limit` planned invitations whose send time has come (or, with `reminders`, sent or
 * started ones whose reminder time has come), oldest first, for `leaseMs` after `now`.
 */
export async function claimDue(
  db: Kysely<Database>,
  options: { claimId: string; now: Date; leaseMs: number; limit: number; reminders: boolean },
): Promise<ClaimedInvitation[]> {
  const { now, limit, reminders } = options
  if (limit <= 0) return []
  const until = new Date(now.getTime() + options.leaseMs)
  // Served by invitation_due_idx (planned, by send_at) and invitation_remind_idx (by remind_at). Rows
  // under a running lease are the oldest ones, so the scan passes at most the batches in flight.
  const due = reminders
    ? sql`status IN ('sent', 'started') AND remind_at <= ${now}`
    : sql`status = 'planned' AND send_at <= ${now}`
  const order = reminders ? sql`remind_at` : sql`send_at`
  const { rows } = await sql<Omit<ClaimedInvitation, 'reminder'>>`
    WITH picked AS (
      SELECT organisation_id, id FROM invitation
       WHERE ${due} AND expires_at > ${now} AND address IS NOT NULL
         AND (claimed_until IS NULL OR claimed_until <= ${now})
       ORDER BY ${order}
       LIMIT ${limit}
         FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE invitation i SET claim_id = ${options.claimId}, claimed_until = ${until}
        FROM picked p
       WHERE i.organisation_id = p.organisation_id AND i.id = p.id
      RETURNING i.organisation_id, i.id, i.survey_id, i.status, i.channel, i.language, i.address,
                i.expires_at, i.attempts, i.send_at, i.remind_at
    )
    SELECT c.organisation_id, c.id, c.status, c.channel, c.language, c.address, c.expires_at, c.attempts,
           o.name AS organisation_name, s.title AS survey_title, ms.sender_name, ms.reply_to
      FROM claimed c
      JOIN organisation o ON o.id = c.organisation_id
      JOIN survey s ON s.organisation_id = c.organisation_id AND s.id = c.survey_id
      LEFT JOIN invitation_mail_sender ms ON ms.organisation_id = c.organisation_id
     ORDER BY ${reminders ? sql`c.remind_at` : sql`c.send_at`}`.execute(db)
  return rows.map((r) => ({ ...r, reminder: reminders }))
}
