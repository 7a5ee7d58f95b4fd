/**
 * The invitation key: derived from the instance secret (SESSION_SECRET or the stored one), so one secret
 * is configured, but the cookie signatures and the person hashes never share a key. Rotating the
 * instance secret resets suppression and opt-outs (decision 0010): it is not rotated until re-hashing
 * exists.
 */
import { createHmac } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { instanceSecret } from '../organisations/index.ts'

const cache = new WeakMap<object, Promise<string>>()

/** The key for person hashes, sampling and opt-out links of this installation. */
export function invitationKey(db: Kysely<Database>, configuredSecret?: string): Promise<string> {
  let key = cache.get(db)
  if (!key) {
    key = instanceSecret(db, configuredSecret).then((secret) =>
      createHmac('sha256', secret).update('klankbord/invitations/v1').digest('base64url'),
    )
    key.catch(() => cache.delete(db))
    cache.set(db, key)
  }
  return key
}
