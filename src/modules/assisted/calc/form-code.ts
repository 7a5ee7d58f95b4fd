/**
 * Form codes of printed paper questionnaires (pure). Every printed copy carries its own code, so a
 * form that is typed in twice is recognised and refused.
 *
 * Rules: 7 random characters and 1 check character from Crockford's base-32 alphabet
 * (https://www.crockford.com/base32.html: digits and capitals without I, L, O and U, so that nothing
 * reads as another character in handwriting or print), shown as `XXXX-XXXX`. The check character is
 * Luhn mod N with N = 32 (https://en.wikipedia.org/wiki/Luhn_mod_N_algorithm): it catches every single
 * mistyped character and most swaps of two neighbours before anything is stored. 7 random characters
 * give 32^7 ≈ 3.4·10^10 codes, so two copies of one survey practically never share one.
 */
import { randomInt } from 'node:crypto'

export const FORM_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const N = FORM_CODE_ALPHABET.length

function luhnSum(chars: string, startFactor: 1 | 2): number {
  let factor = startFactor
  let sum = 0
  for (let i = chars.length - 1; i >= 0; i--) {
    let addend = factor * FORM_CODE_ALPHABET.indexOf(chars[i] as string)
    factor = factor === 2 ? 1 : 2
    addend = Math.floor(addend / N) + (addend % N)
    sum += addend
  }
  return sum
}

/** The Luhn mod 32 check character of `payload` (characters of the alphabet). */
export function checkCharacter(payload: string): string {
  return FORM_CODE_ALPHABET[(N - (luhnSum(payload, 2) % N)) % N] as string
}

/** A new form code, normalised (8 characters); `random` is injectable for tests. */
export function newFormCode(random: (max: number) => number = randomInt): string {
  let payload = ''
  for (let i = 0; i < 7; i++) payload += FORM_CODE_ALPHABET[random(N)]
  return payload + checkCharacter(payload)
}

/** How a normalised code is printed and shown: `XXXX-XXXX`. */
export function formatFormCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/**
 * A typed code in normalised form, or null when it is not a valid code. Case, spaces and dashes do not
 * matter, and O, I and L are read as 0, 1 and 1, as Crockford's alphabet prescribes.
 */
export function parseFormCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (code.length !== 8 || [...code].some((ch) => !FORM_CODE_ALPHABET.includes(ch))) return null
  return luhnSum(code, 1) % N === 0 ? code : null
}
