/**
 * Read model of the staff page "Uitnodigingen": counts per channel and product for a period, and the
 * newest invitations with their status. No address is ever read here: the page is for everyone on the
 * staff, and the log needs no personal data to be useful.
 *
 * The period is on `created_at` of the invitation (when the contact moment was recorded), so every
 * decision — also not to invite — falls in exactly one period.
 *
 * "Sent" counts every invitation that went out to the mail or SMS provider, also when the provider
 * refused it at once (SMTP 5xx): such an invitation is `bounced` without a `sent_at`, and it must be in
 * the denominator's "sent" so that rates.ts can take it out again as not delivered.
 */
import { type Kysely, sql } from 'kysely'
import type { Database } from '../database.ts'
import type { InvitationCounts } from './calc/rates.ts'
import type { InvitationChannel, InvitationStatus } from './schema.ts'

/** One row of the counts table. */
export interface InvitationGroup extends InvitationCounts {
  channel: InvitationChannel
  product: string | null
  /** Contact moments recorded, with or without an invitation. */
  recorded: number
  /** Decided against inviting: not sampled, duplicate, suppressed or opted out. */
  notInvited: number
}

/** One line of the log. */
export interface InvitationLogLine {
  createdAt: Date
  survey: string
  product: string | null
  channel: InvitationChannel
  status: InvitationStatus
}

/** Counts per channel and product for invitations recorded in [from, to). */
export async function invitationGroups(
  db: Kysely<Database>,
  organisationId: string,
  from: Date,
  to: Date,
): Promise<InvitationGroup[]> {
  const { rows } = await sql<{
    channel: InvitationChannel
    product: string | null
    recorded: number
    not_invited: number
    sent: number
    bounced: number
    started: number
    completed: number
  }>`
    SELECT i.channel, p.name AS product,
           count(*) AS recorded,
           count(*) FILTER (WHERE i.status IN ('not_sampled', 'duplicate', 'suppressed', 'opted_out')) AS not_invited,
           count(*) FILTER (WHERE i.sent_at IS NOT NULL OR i.status = 'bounced') AS sent,
           count(*) FILTER (WHERE i.status = 'bounced') AS bounced,
           count(*) FILTER (WHERE i.started_at IS NOT NULL AND i.sent_at IS NOT NULL) AS started,
           count(*) FILTER (WHERE i.status = 'completed' AND i.sent_at IS NOT NULL) AS completed
      FROM invitation i
      JOIN contact_moment m ON m.organisation_id = i.organisation_id AND m.id = i.contact_moment_id
      LEFT JOIN product p ON p.organisation_id = m.organisation_id AND p.id = m.product_id
     WHERE i.organisation_id = ${organisationId} AND i.created_at >= ${from} AND i.created_at < ${to}
     GROUP BY i.channel, p.name
     ORDER BY i.channel, p.name NULLS FIRST`.execute(db)
  return rows.map((r) => ({
    channel: r.channel,
    product: r.product,
    recorded: Number(r.recorded),
    notInvited: Number(r.not_invited),
    sent: Number(r.sent),
    bounced: Number(r.bounced),
    started: Number(r.started),
    completed: Number(r.completed),
  }))
}

/** The newest `limit` invitations, newest first. */
export async function invitationLog(
  db: Kysely<Database>,
  organisationId: string,
  limit = 50,
): Promise<InvitationLogLine[]> {
  const rows = await db
    .selectFrom('invitation as i')
    .innerJoin('contact_moment as m', (j) =>
      j.onRef('m.organisation_id', '=', 'i.organisation_id').onRef('m.id', '=', 'i.contact_moment_id'),
    )
    .innerJoin('survey as s', (j) =>
      j.onRef('s.organisation_id', '=', 'i.organisation_id').onRef('s.id', '=', 'i.survey_id'),
    )
    .leftJoin('product as p', (j) =>
      j.onRef('p.organisation_id', '=', 'm.organisation_id').onRef('p.id', '=', 'm.product_id'),
    )
    .select(['i.created_at', 's.title', 'p.name as product', 'i.channel', 'i.status'])
    .where('i.organisation_id', '=', organisationId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    createdAt: r.created_at,
    survey: r.title,
    product: r.product,
    channel: r.channel,
    status: r.status,
  }))
}
