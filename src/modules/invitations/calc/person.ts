import { hmacSha256 } from './hmac.ts'

/**
 * Normalised contact addresses and their keyed hash (decision 0010). Suppression and opt-out compare
 * hashes only, so the same person must give the same text however the address was typed.
 */

const MAX_EMAIL_LENGTH = 254 // RFC 5321 path limit minus the angle brackets

/**
 * An e-mail address trimmed and lower-cased, or null when it is not plausibly deliverable: exactly one
 * `@`, a non-empty local part, a domain with a dot between non-empty labels, and no whitespace.
 * Lower-casing the local part is not what RFC 5321 promises, but every large provider ignores case
 * and two spellings of one person must hash alike.
 */
export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase()
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH || /\s/.test(email)) return null
  const parts = email.split('@')
  if (parts.length !== 2) return null
  const [local, domain] = parts as [string, string]
  if (local.length === 0) return null
  const labels = domain.split('.')
  if (labels.length < 2 || labels.some((label) => label.length === 0)) return null
  return email
}

/**
 * A phone number in E.164 (`+` and 8–15 digits), or null. Spaces, dashes, dots and brackets are
 * ignored. Dutch national numbers (`0` and nine digits, e.g. `06 12345678`) get `+31`; `00` is read
 * as the international prefix; the Dutch habit `+31 (0)6…` drops the `0`. A Dutch (`+31`) number
 * must have nine digits after the country code.
 */
export function normalisePhone(input: string): string | null {
  let digits = input.trim().replace(/[\s\-.()]/g, '')
  if (digits.startsWith('+')) digits = digits.slice(1)
  else if (digits.startsWith('00')) digits = digits.slice(2)
  else if (/^0\d{9}$/.test(digits)) digits = `31${digits.slice(1)}`
  else return null
  if (!/^\d{8,15}$/.test(digits)) return null
  if (digits.startsWith('310')) digits = `31${digits.slice(3)}`
  if (digits.startsWith('31') && digits.length !== 11) return null
  return `+${digits}`
}

/**
 * The keyed hash of a normalised address: hex HMAC-SHA256 under the instance secret over
 * `channel:address`, so an e-mail address and a phone number never collide.
 */
export function personHash(secret: string, channel: 'email' | 'sms', normalised: string): string {
  return hmacSha256(secret, `${channel}:${normalised}`).toString('hex')
}
