/**
 * Sealing the ZGW client secret at rest: AES-256-GCM under a key derived (HMAC-SHA256 with its own
 * label) from the instance secret, with the organisation id as additional data, so a sealed secret
 * copied to another organisation's row does not open. With SESSION_SECRET configured outside the
 * database, a database dump alone does not reveal the client secrets. Without it the instance secret
 * itself is stored in the database (organisations/instance-secret.ts) and the seal only hides the
 * secret from casual reads: docs/common-ground.md says so.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { instanceSecret } from '../organisations/index.ts'

const VERSION = 'v1'

/** The sealing key for this installation (32 bytes). */
export async function sealingKey(db: Kysely<Database>, configuredSecret?: string): Promise<Buffer> {
  const secret = await instanceSecret(db, configuredSecret)
  return createHmac('sha256', secret).update('klankbord/common-ground/client-secret/v1').digest()
}

/** Seals `plain` for organisation `organisationId`: `v1.` + base64url(iv ‖ tag ‖ ciphertext). */
export function seal(key: Buffer, organisationId: string, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(organisationId))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
}

/** Opens a sealed value; throws when the key, organisation or value do not match. */
export function open(key: Buffer, organisationId: string, sealed: string): string {
  const [version, data] = sealed.split('.')
  if (version !== VERSION || !data) throw new Error('Unknown sealed-secret format.')
  const raw = Buffer.from(data, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
  decipher.setAAD(Buffer.from(organisationId))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}
