/**
 * Link tokens of invitations (decision 0010):
 * - the survey link `/i/{token}` carries 32 random bytes (256 bits, base64url); only the SHA-256 is
 *   stored, so a copy of the database cannot be turned into working links;
 * - the opt-out link `/afmelden/{token}` is signed, not stored: the organisation and invitation ids with
 *   an HMAC under the instance key. It must keep working after the survey link is used, replaced by a
 *   reminder or expired (the List-Unsubscribe header of the first mail stays in the person's inbox).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { parse as parseUuid, stringify as stringifyUuid } from 'uuid'

/** The form of a survey link token: 32 bytes in base64url. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/

/** A new survey link token and the hash to store. */
export function mintLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashLinkToken(token) }
}

/** The stored form of a survey link token (hex SHA-256). */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

const MAC_BYTES = 16

function optOutMac(key: string, ids: Buffer) {
  return createHmac('sha256', key).update('opt-out:').update(ids).digest().subarray(0, MAC_BYTES)
}

/** The opt-out token of an invitation: base64url(organisation id ‖ invitation id ‖ 128-bit MAC). */
export function optOutToken(key: string, organisationId: string, invitationId: string): string {
  const ids = Buffer.concat([Buffer.from(parseUuid(organisationId)), Buffer.from(parseUuid(invitationId))])
  return Buffer.concat([ids, optOutMac(key, ids)]).toString('base64url')
}

/** The ids in an opt-out token, or null when it is malformed or its MAC does not match. */
export function readOptOutToken(
  key: string,
  token: string,
): { organisationId: string; invitationId: string } | null {
  if (!/^[A-Za-z0-9_-]{64}$/.test(token)) return null
  const raw = Buffer.from(token, 'base64url')
  if (raw.length !== 32 + MAC_BYTES) return null
  const ids = raw.subarray(0, 32)
  if (!timingSafeEqual(raw.subarray(32), optOutMac(key, ids))) return null
  return {
    organisationId: stringifyUuid(ids.subarray(0, 16)),
    invitationId: stringifyUuid(ids.subarray(16, 32)),
  }
}
