/**
 * DB-backed staff sessions. The cookie holds a random token (signed with the instance secret); the
 * database holds only its SHA-256, so a leaked database does not yield live sessions. Each session has
 * a CSRF token that every cookie-authenticated write must echo.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { recordEvent } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'
import type { Role } from './schema.ts'

/** The staff member behind a request. */
export interface StaffIdentity {
  sessionId: string
  accountId: string
  email: string
  displayName: string
  csrfToken: string
  memberships: { organisationId: string; slug: string; name: string; role: Role }[]
}

function digest(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Starts a session and audits the login in every organisation the account belongs to (the audit trail
 * is per organisation); returns the token for the cookie.
 */
export async function createSession(
  db: Kysely<Database>,
  accountId: string,
  ttlHours: number,
  userAgent?: string,
  requestId?: string,
) {
  const token = randomBytes(32).toString('base64url')
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_session')
      .values({
        id: digest(token),
        account_id: accountId,
        csrf_token: randomBytes(24).toString('base64url'),
        expires_at: new Date(Date.now() + ttlHours * 3_600_000),
        user_agent: userAgent?.slice(0, 300) ?? null,
      })
      .execute()
    await auditSession(trx, accountId, 'session.started', requestId)
  })
  return token
}

async function auditSession(db: Kysely<Database>, accountId: string, type: string, requestId?: string) {
  const orgs = await db
    .selectFrom('membership')
    .select('organisation_id')
    .where('account_id', '=', accountId)
    .execute()
  for (const o of orgs) {
    await recordEvent(
      db,
      { organisationId: o.organisation_id, actor: { type: 'account', id: accountId }, requestId },
      { type, subjectType: 'account', subjectId: accountId },
    )
  }
}

/** Resolves a cookie token to an identity, sliding the expiry; null when unknown, expired or disabled. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  ttlHours: number,
): Promise<StaffIdentity | null> {
  const id = digest(token)
  const row = await db
    .selectFrom('staff_session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select([
      's.id',
      's.account_id',
      's.csrf_token',
      's.expires_at',
      'a.email',
      'a.display_name',
      'a.disabled_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!row || row.disabled_at || new Date(row.expires_at) < new Date()) return null
  const memberships = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id as organisationId', 'o.slug', 'o.name', 'm.role'])
    .where('m.account_id', '=', row.account_id)
    .orderBy('o.name')
    .execute()
  // Slide the expiry at most once a minute to keep reads cheap.
  await db
    .updateTable('staff_session')
    .set({ expires_at: new Date(Date.now() + ttlHours * 3_600_000) })
    .where('id', '=', id)
    .where('expires_at', '<', sql<Date>`now() + make_interval(hours => ${ttlHours}) - interval '1 minute'`)
    .execute()
  return {
    sessionId: id,
    accountId: row.account_id,
    email: row.email,
    displayName: row.display_name,
    csrfToken: row.csrf_token,
    memberships,
  }
}

/** Ends a session and audits the logout. */
export async function destroySession(db: Kysely<Database>, staff: StaffIdentity, requestId?: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('staff_session').where('id', '=', staff.sessionId).execute()
    await auditSession(trx, staff.accountId, 'session.ended', requestId)
  })
}
