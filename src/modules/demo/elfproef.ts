/**
 * The elfproef (eleven test) for Dutch citizen service numbers (BSN), so the demo's fake BSNs look
 * real to a redaction filter. Rule (Rijksdienst voor Identiteitsgegevens, "Logisch ontwerp BSN"):
 * a BSN has 9 digits d1..d9 (8-digit numbers get a leading zero) and
 *   9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9  ≡  0  (mod 11),
 * and is not 000000000. (The bank-account variant uses +1·d9; it is not the BSN rule.)
 */
import type { Rng } from './random.ts'

/** Whether `value` (digits only, 8 or 9 long) passes the BSN elfproef. */
export function isValidBsn(value: string): boolean {
  if (!/^\d{8,9}$/.test(value)) return false
  const digits = value.padStart(9, '0')
  if (digits === '000000000') return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i])
  sum -= Number(digits[8])
  return sum % 11 === 0
}

/**
 * A random 9-digit BSN that passes the elfproef. The check digit d9 is the weighted sum of d1..d8
 * modulo 11; when that is 10 no digit fits and we draw again (about 1 in 11 draws).
 */
export function generateBsn(rng: Rng): string {
  for (;;) {
    let sum = 0
    let out = ''
    for (let i = 0; i < 8; i++) {
      // A leading 0 is legal but rare in issued numbers; start with 1–9 so the number is 9 digits.
      const d = i === 0 ? 1 + rng.int(9) : rng.int(10)
      out += d
      sum += (9 - i) * d
    }
    const check = sum % 11
    if (check < 10) return out + check
  }
}
