import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { tokenize } from './tokenize.ts'

/** The words of each sentence, joined by spaces, for readable assertions. */
function sentencesOf(text: string): string[] {
  const { words, sentences } = tokenize(text)
  return sentences.map((s) =>
    words
      .slice(s.firstWord, s.firstWord + s.wordCount)
      .map((w) => w.text)
      .join(' '),
  )
}

describe('splitting Dutch text into sentences and words', () => {
  it('does not end a sentence at bijv., o.a., d.w.z., mevr., dhr., nr. or an initial', () => {
    assert.deepEqual(
      sentencesOf(
        'Neem bijv. o.a. uw pas mee, d.w.z. uw paspoort. Vraag naar mevr. J. de Vries of dhr. Bos, kamer nr. 4.',
      ),
      [
        'Neem bijv. o.a. uw pas mee d.w.z. uw paspoort',
        'Vraag naar mevr. J. de Vries of dhr. Bos kamer nr. 4',
      ],
    )
  })

  it('ends a sentence after enz. when a capital follows, not when a lower-case word follows', () => {
    assert.deepEqual(sentencesOf('Pen, papier enz. Daarna gaan we.'), ['Pen papier enz.', 'Daarna gaan we'])
    assert.deepEqual(sentencesOf('Pen, papier enz. zijn er.'), ['Pen papier enz. zijn er'])
  })

  it('ends sentences at question and exclamation marks and ellipses', () => {
    assert.deepEqual(sentencesOf('Was het goed? Ja! Nou… misschien?!'), [
      'Was het goed',
      'Ja',
      'Nou',
      'misschien',
    ])
  })

  it('skips URLs and e-mail addresses but keeps the sentence end after them', () => {
    assert.deepEqual(
      sentencesOf(
        'Kijk op https://www.gemeente.nl/contact. Of mail naar info@gemeente.nl! Zie ook gemeente.nl.',
      ),
      ['Kijk op', 'Of mail naar', 'Zie ook'],
    )
  })

  it('counts numbers as words without splitting at their dots or commas', () => {
    const { words, sentences } = tokenize('Het kost 3.500 euro of 10,5 procent, vanaf 1 januari 2025.')
    assert.equal(sentences.length, 1)
    assert.deepEqual(
      words.filter((w) => w.kind === 'number').map((w) => [w.text, w.syllables]),
      [
        ['3.500', 1],
        ['10,5', 1],
        ['1', 1],
        ['2025', 1],
      ],
    )
  })

  it('makes every bullet item its own sentence and does not count the markers', () => {
    const text = 'Neem mee:\n- uw paspoort\n* een pasfoto\n• uw bankpas\n1. het formulier\na) de brief'
    assert.deepEqual(sentencesOf(text), [
      'Neem mee',
      'uw paspoort',
      'een pasfoto',
      'uw bankpas',
      'het formulier',
      'de brief',
    ])
  })

  it('ends a sentence at a blank line or a heading, but joins a hard-wrapped line', () => {
    assert.deepEqual(sentencesOf('Uw gegevens\nWij bewaren uw gegevens\nniet lang.\n\nDaarna niet'), [
      'Uw gegevens',
      'Wij bewaren uw gegevens niet lang',
      'Daarna niet',
    ])
  })

  it('gives each word the exact span of its characters in the text', () => {
    const text = '("Hoe gaat het?") Goed, dank u.'
    for (const w of tokenize(text).words) assert.equal(text.slice(w.start, w.end), w.text)
  })

  it('returns spans inside the text and sentences that cover their words, for any string', () => {
    const piece = fc.constantFrom(
      'de',
      'gemeente',
      'bijv.',
      'o.a.',
      'enz.',
      'J.',
      'www.x.nl',
      'a@b.nl',
      '3.500',
      '- ',
      '1. ',
      '\n',
      '\n\n',
      ' ',
      '. ',
      '?',
      '!',
      '…',
      '(',
      ')',
      '"',
      'wordt',
      'gedaan',
    )
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(piece, { maxLength: 80 }).map((p) => p.join(' ')),
    )
    fc.assert(
      fc.property(text, (t) => {
        const { words, sentences } = tokenize(t)
        let counted = 0
        for (const s of sentences) {
          assert.ok(s.wordCount > 0)
          assert.equal(s.firstWord, counted)
          counted += s.wordCount
          assert.ok(0 <= s.start && s.start <= s.end && s.end <= t.length)
        }
        assert.equal(counted, words.length)
        for (const w of words) {
          assert.ok(0 <= w.start && w.start < w.end && w.end <= t.length)
          assert.equal(t.slice(w.start, w.end), w.text)
        }
      }),
    )
  })
})
