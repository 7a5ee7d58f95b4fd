/** Use case: check an e-mail address and password. Timing does not reveal whether the account exists. */
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../database.ts'
import { hashPassword, verifyPassword } from './passwords.ts'

let dummyHash: Promise<string> | null = null

/** Returns the account id when the credentials are right, otherwise null. */
export async function authenticate(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<string | null> {
  const account = await db
    .selectFrom('account')
    .select(['id', 'password_hash', 'disabled_at'])
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst()
  if (!account) {
    dummyHash ??= hashPassword('not-a-real-password')
    await verifyPassword(await dummyHash, password)
    return null
  }
  const ok = await verifyPassword(account.password_hash, password)
  return ok && !account.disabled_at ? account.id : null
}
