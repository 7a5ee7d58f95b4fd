/**
 * Dutch readability of one survey text, with B1 advice for the survey editor. Pure: no I/O.
 *
 * Scores (W = words, S = sentences, L = syllables; sentence and word rules in tokenize.ts, syllable
 * rule in syllables.ts):
 * - Flesch-Douma (W.H. Douma, 1960s, Dutch adaptation of Flesch's Reading Ease):
 *     206.84 − 0.77 × (100·L/W) − 0.93 × (W/S)
 *   Sources: a 1977 article on readability at dbnl.org (tekst/_taa014197701_01/_taa014197701_01_0089):
 *   "Leesbaarheid = 206,8 − 0,77 wl − 0,93 zl", wl = syllables per 100 words, zl = average sentence
 *   length in words, with Douma's norm table; Yoast SEO issue #267 (list after Amstad): "206.84 −
 *   0.77 (syllables in 100 words) − 0.93 (words/sentences)". The constant 206.84 is used (206,8 is
 *   the same value rounded). Douma's table: 0–30 zeer moeilijk, 30–45 moeilijk, 45–60 tamelijk
 *   moeilijk, 60–70 normaal, 70–80 tamelijk gemakkelijk, 80–90 gemakkelijk, 90–100 zeer gemakkelijk.
 * - Leesindex A (R.H.M. Brouwer): 195 − 2 × (W/S) − (2/3) × (100·L/W). Source: Literêre Terme en
 *   Teorieë, "Leesbaarheid" (litterm.co.za, entry 927): "leesindex A = 195 − (2/3 x woordlengte) −
 *   (2 x zinslengte)", woordlengte = syllables per 100 words, zinslengte = words per sentence.
 *   The source says two thirds, so 2/3 is used rather than the rounded 0.67.
 *
 * `score` is Flesch-Douma clamped to 0..100 (the range of Douma's table); the raw values of both
 * formulas are in `stats`. The level (thresholds configurable, see docs/readability.md):
 * - texts of at least `minWordsForScore` (100) words, the sample size the formulas were built on:
 *   score ≥ 80 'makkelijk', score ≥ 60 'B1', lower 'moeilijk' (60–80 is Douma's "normaal" and
 *   "tamelijk gemakkelijk", lower secondary school, which is where B1 sits; there is no official
 *   Flesch-Douma → CEFR table, so this mapping is our decision);
 * - shorter texts (most survey questions): the formula swings on one long word, so the level follows
 *   the B1 checks: 'moeilijk' with a too long sentence or when more than one in ten words is hard
 *   (long or rare); 'makkelijk' when there is no warning at all and the score is ≥ 80; else 'B1'.
 *
 * B1 checks (each warning has a Dutch message for staff and a [start, end) span in UTF-16 units):
 * long sentences (> 15 words), long words (≥ 4 syllables or > 13 letters, unless in the common word
 * list), rare words (formal words with a plain alternative, or long loanwords by suffix, because no
 * frequency list is available offline), passive voice (wordt/worden/werd/werden followed within ten
 * words by a participle like ge…d/t/en or be/ver/ont/her…d/t) and dotted abbreviations.
 * Warnings are capped (`maxWarnings`, 100) so one huge paste cannot flood the editor.
 */
import { ABBREVIATIONS, COMMON_WORDS, DIFFICULT_WORDS, LOANWORD_SUFFIXES } from './dutch-words.ts'
import { type SentenceSpan, tokenize, type WordToken } from './tokenize.ts'

/** Reading level of a text relative to B1. */
export type ReadabilityLevel = 'makkelijk' | 'B1' | 'moeilijk'

/** What a warning is about. */
export type ReadabilityWarningKind = 'long_sentence' | 'long_word' | 'rare_word' | 'passive' | 'abbreviation'

/** One piece of B1 advice; `span` is [start, end) in UTF-16 code units of the analysed text. */
export interface ReadabilityWarning {
  kind: ReadabilityWarningKind
  text: string
  span: [number, number]
}

/** Tunable thresholds; every field is optional and falls back to the documented default. */
export interface ReadabilityOptions {
  /** A sentence with more words than this gets a warning (default 15). */
  maxSentenceWords?: number
  /** A word with at least this many syllables is long (default 4). */
  longWordSyllables?: number
  /** A word with more letters than this is long (default 13). */
  longWordLetters?: number
  /** At most this many warnings are returned (default 100). */
  maxWarnings?: number
  /** From this many words on, the level follows the score (default 100). */
  minWordsForScore?: number
  /** Score from which a text is 'makkelijk' (default 80). */
  easyFrom?: number
  /** Score from which a text is 'B1' (default 60). */
  b1From?: number
}

/** Counts and raw scores behind the result. */
export interface ReadabilityStats {
  words: number
  sentences: number
  syllables: number
  wordsPerSentence: number
  syllablesPer100Words: number
  /** Unclamped Flesch-Douma score. */
  fleschDouma: number
  /** Unclamped Leesindex A of Brouwer. */
  leesindexBrouwer: number
  /** True when the text has at least `minWordsForScore` words and the level follows the score. */
  scoreReliable: boolean
}

/** The result of analyseReadability(). */
export interface ReadabilityResult {
  /** Flesch-Douma clamped to 0..100; higher is easier. 100 for a text without words. */
  score: number
  level: ReadabilityLevel
  warnings: ReadabilityWarning[]
  /** True when more warnings were found than `maxWarnings`. */
  truncated: boolean
  stats: ReadabilityStats
}

const DEFAULTS: Required<ReadabilityOptions> = {
  maxSentenceWords: 15,
  longWordSyllables: 4,
  longWordLetters: 13,
  maxWarnings: 100,
  minWordsForScore: 100,
  easyFrom: 80,
  b1From: 60,
}

/** Flesch-Douma: 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence (0 when empty). */
export function fleschDouma(words: number, sentences: number, syllables: number): number {
  if (!(words > 0 && sentences > 0)) return 0
  return 206.84 - 0.77 * ((100 * syllables) / words) - 0.93 * (words / sentences)
}

/** Leesindex A of Brouwer: 195 − 2 × words per sentence − 2/3 × syllables per 100 words (0 when empty). */
export function leesindexBrouwer(words: number, sentences: number, syllables: number): number {
  if (!(words > 0 && sentences > 0)) return 0
  return 195 - 2 * (words / sentences) - (2 / 3) * ((100 * syllables) / words)
}

/** Level for a score by the thresholds alone (used for texts of at least `minWordsForScore` words). */
export function levelForScore(score: number, options: ReadabilityOptions = {}): ReadabilityLevel {
  const o = resolve(options)
  if (score >= o.easyFrom) return 'makkelijk'
  if (score >= o.b1From) return 'B1'
  return 'moeilijk'
}

function resolve(options: ReadabilityOptions): Required<ReadabilityOptions> {
  const out = { ...DEFAULTS }
  for (const key of Object.keys(DEFAULTS) as (keyof ReadabilityOptions)[]) {
    const v = options[key]
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = v
  }
  return out
}

const PASSIVE_AUX = new Set(['wordt', 'worden', 'werd', 'werden'])
const PARTICIPLE = new RegExp(
  '^(?:(?:aan|af|bij|door|in|mee|na|om|onder|op|over|samen|terug|toe|uit|vast|voor|weg)?ge\\p{L}{2,}(?:d|t|en)' +
    '|(?:be|ver|ont|her|er)\\p{L}{2,}[dt])$',
  'u',
)
/** Words that look like participles but are nouns or adjectives after "wordt/worden". */
const NOT_PARTICIPLE = new Set([
  'gebied',
  'gebieden',
  'gebouwen',
  'gegevens',
  'geld',
  'geleden',
  'gemeenten',
  'gemiddeld',
  'gesprekken',
  'gevallen',
  'gewend',
  'gezond',
  'bericht',
  'berichten',
])

function quote(word: string): string {
  return word.length > 40 ? `${word.slice(0, 40)}…` : word
}

function letterCount(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0
}

/** The single word warning for a token, or null: at most one per word, the most specific first. */
function wordWarning(w: WordToken, o: Required<ReadabilityOptions>): ReadabilityWarning | null {
  const lower = w.text.toLowerCase()
  const span: [number, number] = [w.start, w.end]
  if (w.kind === 'abbreviation') {
    if (/^\p{Lu}\.$/u.test(w.text)) return null
    const known = ABBREVIATIONS.get(lower)
    const text = known
      ? `Schrijf '${w.text}' voluit: '${known.full}'.`
      : `Schrijf de afkorting '${quote(w.text)}' voluit.`
    return { kind: 'abbreviation', text, span }
  }
  if (w.kind !== 'word') return null
  const alternative = DIFFICULT_WORDS.get(lower)
  if (alternative) {
    return {
      kind: 'rare_word',
      text: `Het woord '${w.text}' is moeilijk. Schrijf liever '${alternative}'.`,
      span,
    }
  }
  if (COMMON_WORDS.has(lower) || /^\p{Lu}{2,4}$/u.test(w.text)) return null
  if (w.syllables >= 3 && LOANWORD_SUFFIXES.some((s) => lower.endsWith(s))) {
    return {
      kind: 'rare_word',
      text: `Niet alle lezers kennen het woord '${quote(w.text)}'. Kies een gewoon woord, of leg het uit.`,
      span,
    }
  }
  const letters = letterCount(w.text)
  if (letters > o.longWordLetters) {
    return {
      kind: 'long_word',
      text: `Het woord '${quote(w.text)}' is lang (${letters} letters). Is het een samenstelling? Schrijf het dan in meer woorden, bijvoorbeeld met 'van' of 'voor'.`,
      span,
    }
  }
  if (w.syllables >= o.longWordSyllables) {
    return {
      kind: 'long_word',
      text: `Het woord '${quote(w.text)}' is lang (${w.syllables} lettergrepen). Kies een korter woord als dat kan.`,
      span,
    }
  }
  return null
}

/** The passive warning that starts at words[k], or null. Looks at most ten words ahead in the sentence. */
function passiveWarning(words: WordToken[], k: number, sentenceEnd: number): ReadabilityWarning | null {
  const aux = words[k]
  if (!aux || !PASSIVE_AUX.has(aux.text.toLowerCase())) return null
  for (let m = k + 1; m < Math.min(sentenceEnd, k + 11); m++) {
    const p = words[m]
    if (!p || p.kind !== 'word') continue
    const lower = p.text.toLowerCase()
    if (NOT_PARTICIPLE.has(lower) || !PARTICIPLE.test(lower)) continue
    return {
      kind: 'passive',
      text: `Hier staat een lijdende vorm ('${aux.text} … ${quote(p.text)}'). Schrijf liever wie iets doet: 'wij sturen u een brief' in plaats van 'u wordt een brief gestuurd'.`,
      span: [aux.start, p.end],
    }
  }
  return null
}

/**
 * Analyses one Dutch text: Flesch-Douma score, level relative to B1 and B1 warnings (see the module
 * comment for every rule). Linear in the length of the text; never throws, whatever the string.
 */
export function analyseReadability(text: string, options: ReadabilityOptions = {}): ReadabilityResult {
  const o = resolve(options)
  const input = typeof text === 'string' ? text : ''
  const { words, sentences } = tokenize(input)
  const warnings: ReadabilityWarning[] = []
  let found = 0
  let hardWords = 0
  let longSentences = 0
  let syllables = 0
  for (const w of words) syllables += w.syllables

  const push = (batch: ReadabilityWarning[]) => {
    found += batch.length
    if (warnings.length >= o.maxWarnings) return
    batch.sort((x, y) => x.span[0] - y.span[0])
    for (const warning of batch) if (warnings.length < o.maxWarnings) warnings.push(warning)
  }

  for (const s of sentences) push(sentenceWarnings(s))

  function sentenceWarnings(s: SentenceSpan): ReadabilityWarning[] {
    const batch: ReadabilityWarning[] = []
    const endWord = s.firstWord + s.wordCount
    if (s.wordCount > o.maxSentenceWords) {
      longSentences++
      batch.push({
        kind: 'long_sentence',
        text: `Deze zin is lang: ${s.wordCount} woorden. Schrijf zinnen van hoogstens ${o.maxSentenceWords} woorden. Maak er twee of meer zinnen van.`,
        span: [s.start, s.end],
      })
    }
    for (let k = s.firstWord; k < endWord; k++) {
      const w = words[k]
      if (!w) continue
      const ww = wordWarning(w, o)
      if (ww) {
        if (ww.kind === 'long_word' || ww.kind === 'rare_word') hardWords++
        batch.push(ww)
      }
      const pw = passiveWarning(words, k, endWord)
      if (pw) batch.push(pw)
    }
    return batch
  }

  const wordCount = words.length
  const sentenceCount = sentences.length
  const fd = fleschDouma(wordCount, sentenceCount, syllables)
  const score = wordCount === 0 ? 100 : Math.min(100, Math.max(0, fd))
  const scoreReliable = wordCount >= o.minWordsForScore
  let level: ReadabilityLevel
  if (scoreReliable) level = levelForScore(score, o)
  else if (longSentences > 0 || hardWords * 10 > wordCount) level = 'moeilijk'
  else if (found === 0 && score >= o.easyFrom) level = 'makkelijk'
  else level = 'B1'

  return {
    score,
    level,
    warnings,
    truncated: found > warnings.length,
    stats: {
      words: wordCount,
      sentences: sentenceCount,
      syllables,
      wordsPerSentence: sentenceCount > 0 ? wordCount / sentenceCount : 0,
      syllablesPer100Words: wordCount > 0 ? (100 * syllables) / wordCount : 0,
      fleschDouma: fd,
      leesindexBrouwer: leesindexBrouwer(wordCount, sentenceCount, syllables),
      scoreReliable,
    },
  }
}
