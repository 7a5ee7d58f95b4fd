/**
 * The bearer token of an API key: `kb_live_<key id: 32 hex>_<secret: 43 base64url>`. The prefix makes a
 * leaked token easy to recognise (secret scanners, logs); the id finds the key without a table scan; the
 * secret is 32 random bytes (256 bits), so a plain SHA-256 of it is enough to store: there is nothing to
 * guess, unlike a password. The comparison of hashes is constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const TOKEN_PREFIX = 'kb_live_'

const TOKEN = /^kb_live_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/

/** A new secret: 32 random bytes, base64url without padding (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** The token for a key id (UUID) and its secret. */
export function formatToken(keyId: string, secret: string): string {
  return `${TOKEN_PREFIX}${keyId.replaceAll('-', '')}_${secret}`
}

/** The key id (UUID with dashes) and secret in a token, or null when it is not a well-formed token. */
export function parseToken(token: string): { keyId: string; secret: string } | null {
  const m = TOKEN.exec(token)
  if (!m?.[1] || !m[2]) return null
  const h = m[1]
  const keyId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  return { keyId, secret: m[2] }
}

/** What the database stores of a secret: its SHA-256 in hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The part of a token that identifies the key without revealing the secret, for lists and logs. */
export function tokenHint(keyId: string): string {
  return `${TOKEN_PREFIX}${keyId.replaceAll('-', '').slice(0, 8)}…`
}
