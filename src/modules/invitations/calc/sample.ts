import { hmacSha256 } from './hmac.ts'

const TWO_TO_32 = 2 ** 32

/**
 * Whether a contact moment is in the sample (steekproef) of `percent` percent. Deterministic, so a
 * retried call decides the same: the first 4 bytes of HMAC-SHA256(secret, `sample:<id>`), read as a
 * big-endian unsigned integer and divided by 2^32, give a uniform number u in [0, 1); the moment is in
 * the sample when u < percent / 100. 0 never samples, 100 always does. Because the same u serves every
 * percentage, raising the percentage only adds moments: whoever is in at 20% is also in at 30%.
 */
export function inSample(secret: string, contactMomentId: string, percent: number): boolean {
  if (Number.isNaN(percent)) throw new RangeError('percent is not a number')
  if (percent <= 0) return false
  if (percent >= 100) return true
  const u = hmacSha256(secret, `sample:${contactMomentId}`).readUInt32BE(0) / TWO_TO_32
  return u < percent / 100
}
