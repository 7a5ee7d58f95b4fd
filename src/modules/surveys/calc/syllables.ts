/**
 * Dutch syllable counting by vowel groups (lettergrepen tellen op klinkergroepen).
 *
 * Rule: every vowel nucleus is one syllable. A nucleus is the longest match, inside a run of vowel
 * letters, of a Dutch trigraph (aai, ooi, oei, eeu, ieu, eau), digraph (aa, ee, oo, uu, ie, ei, ij, ui,
 * oe, ou, au, eu, and the loan digraphs ai, oi, ay, ey, oy) or single vowel (a, e, i, o, u, y). So
 * "draaien" = draai-en (2), "beoordelen" = be-oor-de-len (4), "materiaal" = ma-te-ri-aal (4).
 * Exceptions, because spelling marks them:
 * - a trema (ë, ï, ö, ü, ä) starts a new nucleus: "ideeën" = i-dee-ën (3), "geïnd" = ge-ïnd (2);
 *   other accents (é, è, ê, ...) are only stress or length marks: "één" = 1, "enquête" = 3;
 * - "j" after "i" belongs to the digraph ij; "u" after "q" is a consonant ("enquête", "quiz");
 * - "y" at the start of a word before a vowel is a consonant ("yoghurt" = 2);
 * - a hyphen separates parts that are counted on their own ("e-mail" = 2, "zee-egel" = 3);
 * - all-caps acronyms of 2–4 letters are spelled out, one syllable per letter ("BSN" = 3);
 * - a few English loanwords with a silent e or an English vowel (website, online, team, ...) have a
 *   fixed count, also at the end of a compound ("gemeentewebsite" = 3 + 2);
 * - every word with a letter has at least one syllable ("'t", "z'n").
 * Checked against the LibreOffice/OpenTaal Dutch hyphenation patterns and by hand (see the tests);
 * hyphenation differs from syllables only where it forbids one-letter parts at word edges.
 */

const TRIGRAPHS = new Set(['aai', 'ooi', 'oei', 'eeu', 'ieu', 'eau'])
const DIGRAPHS = new Set([
  'aa',
  'ee',
  'oo',
  'uu',
  'ie',
  'ei',
  'ij',
  'ui',
  'oe',
  'ou',
  'au',
  'eu',
  'ai',
  'oi',
  'ay',
  'ey',
  'oy',
])

/** English loanwords whose spoken syllables differ from their Dutch vowel groups. */
const LOANWORDS: ReadonlyMap<string, number> = new Map([
  ['website', 2],
  ['websites', 2],
  ['online', 2],
  ['offline', 2],
  ['update', 2],
  ['updates', 2],
  ['software', 2],
  ['service', 2],
  ['deadline', 2],
  ['homepage', 2],
  ['livechat', 2],
  ['cookie', 2],
  ['cookies', 2],
  ['team', 1],
  ['teams', 1],
])

const DIAERESIS = 0x308

function isVowelChar(ch: string | undefined): boolean {
  return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u' || ch === 'y'
}

/**
 * Lower-case base letters a–z (accents removed) as one string, plus the positions whose letter
 * carries a trema. Letters outside a–z (ß, ø, Greek, CJK …) become "x", a consonant, so they never
 * add nuclei; other characters are dropped.
 */
function letters(part: string): { base: string; breaks: Set<number> } {
  const lower = part.toLowerCase()
  const breaks = new Set<number>()
  // Fast path: plain a–z needs no normalisation (most words).
  if (/^[a-z]*$/.test(lower)) return { base: lower, breaks }
  let base = ''
  for (const ch of lower.normalize('NFD')) {
    const code = ch.codePointAt(0) ?? 0
    if (code === DIAERESIS) {
      if (base.length > 0) breaks.add(base.length - 1)
    } else if (ch >= 'a' && ch <= 'z') {
      base += ch
    } else if (code > 0x7f && /\p{L}/u.test(ch)) {
      base += 'x'
    }
  }
  return { base, breaks }
}

/** Whether the letter at `i` acts as a vowel (see the module comment for y, j and qu). */
function isVowelAt(base: string, i: number): boolean {
  const ch = base[i]
  if (ch === 'y') return !(i === 0 && isVowelChar(base[1]))
  if (ch === 'j') return i > 0 && base[i - 1] === 'i'
  if (ch === 'u' && i > 0 && base[i - 1] === 'q') return false
  return isVowelChar(ch)
}

/** Counts vowel nuclei in one hyphen-free part; returns 0 for a part without vowels. */
function countNuclei(part: string): number {
  const { base, breaks } = letters(part)
  // A nucleus may not swallow a following letter that carries a trema.
  const joinable = (k: number) => k < base.length && !breaks.has(k) && isVowelAt(base, k)
  let count = 0
  let i = 0
  while (i < base.length) {
    if (!isVowelAt(base, i)) {
      i++
      continue
    }
    let size = 1
    if (joinable(i + 1) && joinable(i + 2) && TRIGRAPHS.has(base.slice(i, i + 3))) size = 3
    else if (joinable(i + 1) && DIGRAPHS.has(base.slice(i, i + 2))) size = 2
    count++
    i += size
  }
  return count
}

function countPart(part: string): number {
  const lower = part.toLowerCase()
  const fixed = LOANWORDS.get(lower)
  if (fixed !== undefined) return fixed
  for (const [loan, n] of LOANWORDS) {
    if (loan.length >= 6 && lower.length > loan.length && lower.endsWith(loan)) {
      return countNuclei(lower.slice(0, lower.length - loan.length)) + n
    }
  }
  return countNuclei(part)
}

/**
 * Number of syllables of one Dutch word (see the module comment for the rule). Returns 0 only for a
 * string without any letter; never throws.
 */
export function countSyllables(word: string): number {
  if (!/\p{L}/u.test(word)) return 0
  const bare = word.replace(/[^\p{L}-]/gu, '')
  if (/^\p{Lu}{2,4}$/u.test(bare)) return bare.length
  let total = 0
  for (const part of bare.split('-')) {
    if (part.length === 0) continue
    total += Math.max(1, countPart(part))
  }
  return Math.max(1, total)
}
