/** The key that signs session cookies: SESSION_SECRET, or a random key made once and kept in the database. */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'

/** Returns the configured secret or the stored one, creating it on first use. */
export async function instanceSecret(db: Kysely<Database>, configured?: string): Promise<string> {
  if (configured) return configured
  await db
    .insertInto('instance_setting')
    .values({ key: 'session_secret', value: randomBytes(48).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const row = await db
    .selectFrom('instance_setting')
    .select('value')
    .where('key', '=', 'session_secret')
    .executeTakeFirstOrThrow()
  return row.value
}
