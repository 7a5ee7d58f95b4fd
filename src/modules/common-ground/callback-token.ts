/**
 * The bearer token the Notificaties API sends with every notification (`Abonnement.auth`): `zgw-` and
 * 32 random bytes in base64url. The prefix keeps it apart from Klankbord API keys (`kb_…`), which the
 * API-key middleware judges before any route. Klankbord keeps only the SHA-256, compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A new token and its hash. */
export function mintCallbackToken(): { token: string; hash: string } {
  const token = `zgw-${randomBytes(32).toString('base64url')}`
  return { token, hash: hashCallbackToken(token) }
}

/** SHA-256 of a token, hex. */
export function hashCallbackToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Whether `token` has one of the stored hashes. */
export function tokenMatches(token: string, hashes: (string | null)[]): boolean {
  const given = Buffer.from(hashCallbackToken(token), 'hex')
  let match = false
  for (const h of hashes) {
    if (!h) continue
    const stored = Buffer.from(h, 'hex')
    if (stored.length === given.length && timingSafeEqual(stored, given)) match = true
  }
  return match
}
