/**
 * Splits Dutch text into words and sentences for the readability checks, in one pass (linear time).
 *
 * Rules (why: survey texts mix prose, lists, links and abbreviations, and each must count right):
 * - Text is cut into chunks at white space. Opening brackets and quotes before, and punctuation
 *   and closing brackets/quotes after, a chunk are stripped; what is left is the core.
 * - A core that starts with http(s)://, www. or contains "@" (URL, e-mail address) or an inner
 *   dot between letters (gemeente.nl) is no word: it is skipped and does not count.
 * - A core that starts with a digit (3.500, 10,5, 12:00, 19e) is a number word of one syllable.
 * - A core plus its dot that is a known abbreviation (bijv., o.a., d.w.z., mevr., dhr., nr. …), a
 *   dotted letter chain (d.m.v.) or a single capital initial (J.) is one word; its dot does not end
 *   the sentence, except after "enz."-like abbreviations when the next chunk starts with a capital.
 * - A sentence ends at ".", "!", "?" or "…" after a chunk, at a blank line, and at a line break
 *   unless the next line starts with a lower-case letter (then it is hard-wrapped prose).
 * - A list marker at the start of a line (-, *, •, 1., a)) is no word; with the line-break rule
 *   every list item becomes its own sentence.
 */
import { ABBREVIATIONS } from './dutch-words.ts'
import { countSyllables } from './syllables.ts'

/** One counted word. `start`/`end` are UTF-16 offsets into the analysed text (end exclusive). */
export interface WordToken {
  text: string
  start: number
  end: number
  kind: 'word' | 'number' | 'abbreviation'
  syllables: number
}

/** One sentence: its character span and the words it holds (`words[firstWord .. firstWord+wordCount)`). */
export interface SentenceSpan {
  start: number
  end: number
  firstWord: number
  wordCount: number
}

/** The result of tokenize(). */
export interface Tokens {
  words: WordToken[]
  sentences: SentenceSpan[]
}

const OPENERS = new Set(['(', '[', '{', '"', "'", '‘', '“', '«', '„', '¿', '¡'])
const CLOSERS = new Set(['.', ',', ';', ':', '!', '?', '…', ')', ']', '}', '"', "'", '’', '”', '»'])
const TERMINALS = /[.!?…]/
const LIST_MARKER = /^(?:[-*•·–—▪►‣◦+]|\d{1,3}[.)]|[a-zA-Z]\))$/u

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029
}

/** Splits `text` into words and sentences; never throws, linear in the length of `text`. */
export function tokenize(text: string): Tokens {
  const words: WordToken[] = []
  const sentences: SentenceSpan[] = []
  let sentenceStart = -1
  let sentenceFirstWord = 0
  let lastEnd = 0

  const close = (end: number) => {
    const count = words.length - sentenceFirstWord
    if (count > 0)
      sentences.push({ start: sentenceStart, end, firstWord: sentenceFirstWord, wordCount: count })
    sentenceStart = -1
    sentenceFirstWord = words.length
  }
  const addWord = (token: WordToken) => {
    if (sentenceStart < 0) sentenceStart = token.start
    words.push(token)
  }

  const n = text.length
  let i = 0
  let atLineStart = true
  while (i < n) {
    // White space: decide on line-break sentence ends before reading the next chunk.
    let newlines = 0
    while (i < n && isSpace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 10) newlines++
      i++
    }
    if (newlines > 0) atLineStart = true
    if (i >= n) break
    let j = i
    while (j < n && !isSpace(text.charCodeAt(j))) j++
    const chunk = text.slice(i, j)
    const marker = atLineStart && LIST_MARKER.test(chunk)
    if (newlines >= 2 || (newlines === 1 && (marker || !/\p{Ll}/u.test(text[i] ?? '')))) close(lastEnd)

    const chunkStart = i
    i = j
    lastEnd = j
    atLineStart = false
    if (marker) continue

    let a = 0
    let b = chunk.length
    while (a < b && OPENERS.has(chunk[a] ?? '')) a++
    while (b > a && CLOSERS.has(chunk[b - 1] ?? '')) b--
    const core = chunk.slice(a, b)
    const trailing = chunk.slice(b)
    const ends = TERMINALS.test(trailing)
    const start = chunkStart + a
    const end = chunkStart + b

    if (core.length === 0) {
      if (ends) close(j)
      continue
    }

    if (trailing.startsWith('.')) {
      const key = `${core.toLowerCase()}.`
      const known = ABBREVIATIONS.get(key)
      const initial = /^\p{Lu}$/u.test(core)
      const chain = /^(?:\p{L}\.)+\p{L}$/u.test(core)
      if (known || initial || chain) {
        addWord({
          text: `${core}.`,
          start,
          end: end + 1,
          kind: 'abbreviation',
          syllables: known ? known.syllables : core.replace(/\./g, '').length,
        })
        // The abbreviation's own dot is no sentence end; a second terminal ("enz.?") or a capital
        // after an "enz."-like abbreviation is.
        const more = TERMINALS.test(trailing.slice(1))
        const next = nextChunkInitial(text, j)
        if (more || (known?.canEnd === true && next !== '' && /\p{Lu}/u.test(next))) close(j)
        continue
      }
    }

    if (/^(?:https?:\/\/|www\.)/i.test(core) || core.includes('@') || /\p{L}\.\p{L}/u.test(core)) {
      if (ends) close(j)
      continue
    }
    if (/^[€$£]?\p{N}/u.test(core)) {
      addWord({ text: core, start, end, kind: 'number', syllables: 1 })
    } else if (/\p{L}/u.test(core)) {
      addWord({ text: core, start, end, kind: 'word', syllables: countSyllables(core) })
    }
    if (ends) close(j)
  }
  close(lastEnd)
  return { words, sentences }
}

/** First character of the chunk after position `from`, or '' at the end of the text. */
function nextChunkInitial(text: string, from: number): string {
  let k = from
  while (k < text.length && isSpace(text.charCodeAt(k))) k++
  while (k < text.length && OPENERS.has(text[k] ?? '')) k++
  return text[k] ?? ''
}
