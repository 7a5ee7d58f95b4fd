/** Use case: give a person a role in an organisation, creating their account when it is new. */
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { z } from 'zod'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { invalidParamsFromZod, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { hashPassword } from './passwords.ts'
import { ROLES } from './policy.ts'
import type { Role } from './schema.ts'

export const staffMemberInput = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(12, 'at least 12 characters').max(200),
  role: z.enum(ROLES as [Role, ...Role[]]),
})

/**
 * Adds (or updates) a membership. An existing account keeps its password unless `resetPassword` is set,
 * so adding someone to a second organisation never changes how they log in.
 */
export async function addStaffMember(
  db: Kysely<Database>,
  ctx: WriteContext,
  input: unknown,
  options: { resetPassword?: boolean } = {},
) {
  const parsed = staffMemberInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(invalidParamsFromZod(parsed.error.issues))
  const { email, displayName, password, role } = parsed.data
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    let account = await trx
      .selectFrom('account')
      .select(['id'])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst()
    if (!account) {
      account = { id: newId() }
      await trx
        .insertInto('account')
        .values({
          id: account.id,
          email,
          display_name: displayName,
          password_hash: passwordHash,
          disabled_at: null,
        })
        .execute()
    } else if (options.resetPassword) {
      await trx
        .updateTable('account')
        .set({ password_hash: passwordHash })
        .where('id', '=', account.id)
        .execute()
    }
    await trx
      .insertInto('membership')
      .values({ organisation_id: ctx.organisationId, account_id: account.id, role })
      .onConflict((oc) => oc.columns(['organisation_id', 'account_id']).doUpdateSet({ role }))
      .execute()
    await recordEvent(trx, ctx, {
      type: 'membership.granted',
      subjectType: 'account',
      subjectId: account.id,
      data: { role },
    })
    return { accountId: account.id, role }
  })
}
