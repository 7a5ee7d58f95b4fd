import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { AGREEMENT_OPTIONS, STANDARD_QUESTIONS, STANDARD_SURVEY_TITLE } from '../standard-survey.ts'
import { analyseReadability, fleschDouma, leesindexBrouwer, levelForScore } from './readability.ts'

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} ≠ ${b}`)

describe('the Flesch-Douma score and the Leesindex of Brouwer', () => {
  it('scores "Ik werd snel geholpen." as 87.62 (Douma) and 87 (Brouwer)', () => {
    // ik(1) werd(1) snel(1) ge-hol-pen(3): 4 words, 6 syllables, 1 sentence → 150 syllables per 100 words.
    // Douma: 206.84 − 0.77 × 150 − 0.93 × 4 = 206.84 − 115.5 − 3.72 = 87.62
    // Brouwer: 195 − 2 × 4 − 2/3 × 150 = 195 − 8 − 100 = 87
    const r = analyseReadability('Ik werd snel geholpen.')
    assert.deepEqual([r.stats.words, r.stats.syllables, r.stats.sentences], [4, 6, 1])
    close(r.stats.fleschDouma, 87.62)
    close(r.stats.leesindexBrouwer, 87)
    close(r.score, 87.62)
  })

  it('scores a formal sentence with long words as hard: 43.54 (Douma) and 41.67 (Brouwer)', () => {
    // de(1) ge-meen-te(3) ver-strekt(2) in-for-ma-tie(4) o-ver(2) de(1) aan-vraag(2) van(1) een(1)
    // uit-ke-ring(3): 10 words, 20 syllables → 200 per 100 words; 10 words per sentence.
    // Douma: 206.84 − 154 − 9.3 = 43.54. Brouwer: 195 − 20 − 133.333… = 41.666…
    const r = analyseReadability('De gemeente verstrekt informatie over de aanvraag van een uitkering.')
    assert.deepEqual([r.stats.words, r.stats.syllables], [10, 20])
    close(r.stats.fleschDouma, 43.54)
    close(r.stats.leesindexBrouwer, 125 / 3)
  })

  it('averages over sentences and clamps the score to 100 while keeping the raw value', () => {
    // 9 one-syllable words in 2 sentences: 100 syllables per 100 words, 4.5 words per sentence.
    // Douma: 206.84 − 77 − 4.185 = 125.655. Brouwer: 195 − 9 − 66.666… = 119.333…
    const r = analyseReadability('De kat zit op de mat. Hij is blij.')
    close(r.stats.fleschDouma, 125.655)
    close(r.stats.leesindexBrouwer, 358 / 3)
    assert.equal(r.score, 100)
  })

  it('exposes the formulas on counts and gives 0 for an empty count', () => {
    close(fleschDouma(100, 5, 150), 206.84 - 0.77 * 150 - 0.93 * 20)
    close(leesindexBrouwer(100, 5, 150), 195 - 40 - 100)
    assert.equal(fleschDouma(0, 0, 0), 0)
    assert.equal(leesindexBrouwer(0, 0, 0), 0)
  })

  it('maps scores to levels at 80 and 60, and the thresholds can be changed', () => {
    assert.equal(levelForScore(80), 'makkelijk')
    assert.equal(levelForScore(79.9), 'B1')
    assert.equal(levelForScore(60), 'B1')
    assert.equal(levelForScore(59.9), 'moeilijk')
    assert.equal(levelForScore(70, { b1From: 75 }), 'moeilijk')
  })

  it('uses the score for the level of a text of 100 words or more', () => {
    // 15 × "De informatie die ik kreeg, was duidelijk." = 105 words, 15 sentences, 180 syllables:
    // 206.84 − 0.77 × 171.43 − 0.93 × 7 = 68.33 → B1.
    const b1 = analyseReadability('De informatie die ik kreeg, was duidelijk. '.repeat(15))
    assert.equal(b1.stats.scoreReliable, true)
    close(b1.score, 206.84 - 0.77 * ((100 * 180) / 105) - 0.93 * 7)
    assert.equal(b1.level, 'B1')
    const hard = analyseReadability(
      'De gemeente verstrekt informatie over de aanvraag van een uitkering. '.repeat(10),
    )
    assert.equal(hard.level, 'moeilijk')
    assert.equal(analyseReadability('Wij helpen u graag. '.repeat(30)).level, 'makkelijk')
  })

  it('judges a short text by its B1 checks, because one long word swings the formula', () => {
    assert.equal(analyseReadability('Wat kunnen we verbeteren?').level, 'B1')
    assert.equal(analyseReadability('Waarom geeft u dit cijfer?').level, 'makkelijk')
    assert.equal(analyseReadability('Indien u prioriteit wenst, bel ons.').level, 'moeilijk')
  })

  it('gives 100 and makkelijk to a text without words', () => {
    for (const t of ['', '   \n', '?!', 'https://www.gemeente.nl']) {
      const r = analyseReadability(t)
      assert.equal(r.score, 100)
      assert.equal(r.level, 'makkelijk')
      assert.deepEqual(r.warnings, [])
    }
  })
})

describe('the B1 advice per text', () => {
  it('warns about a sentence of more than 15 words, with its span, and the limit can be changed', () => {
    const text =
      'Wij vragen u om dit formulier in te vullen en het daarna op te sturen naar ons kantoor in de stad. Dank u.'
    const r = analyseReadability(text)
    const long = r.warnings.filter((w) => w.kind === 'long_sentence')
    assert.equal(long.length, 1)
    assert.deepEqual(long[0]?.span, [0, text.indexOf('. Dank') + 1])
    assert.match(long[0]?.text ?? '', /21 woorden.*hoogstens 15 woorden/)
    assert.equal(analyseReadability(text, { maxSentenceWords: 25 }).warnings.length, 0)
  })

  it('warns about long compounds and words of four or more syllables, but not about common ones', () => {
    const text = 'De parkeervergunningaanvraag gaat naar de vergaderingen, met informatie voor de medewerker.'
    const r = analyseReadability(text)
    const words = r.warnings.filter((w) => w.kind === 'long_word').map((w) => text.slice(...w.span))
    assert.deepEqual(words, ['parkeervergunningaanvraag', 'vergaderingen'])
    assert.match(r.warnings[0]?.text ?? '', /25 letters/)
    assert.match(r.warnings[1]?.text ?? '', /5 lettergrepen/)
  })

  it('warns about formal words with a plain alternative and about long loanwords', () => {
    const text = 'Indien u reeds betaald heeft, krijgt u prioriteit.'
    const r = analyseReadability(text)
    const rare = r.warnings.filter((w) => w.kind === 'rare_word')
    assert.deepEqual(
      rare.map((w) => text.slice(...w.span)),
      ['Indien', 'reeds', 'prioriteit'],
    )
    assert.match(rare[0]?.text ?? '', /Schrijf liever 'als'/)
    assert.match(rare[1]?.text ?? '', /Schrijf liever 'al'/)
  })

  it('warns about the passive voice from the auxiliary to the participle', () => {
    const text = 'Uw aanvraag wordt binnen een week door ons behandeld. Het formulier werd opgestuurd.'
    const r = analyseReadability(text)
    const passive = r.warnings.filter((w) => w.kind === 'passive').map((w) => text.slice(...w.span))
    assert.deepEqual(passive, ['wordt binnen een week door ons behandeld', 'werd opgestuurd'])
    assert.match(r.warnings[0]?.text ?? '', /lijdende vorm/)
  })

  it('does not call "worden" without a participle passive', () => {
    const r = analyseReadability(
      'Ik wil later arts worden. Het wordt morgen warm. Dat werd een gezellige dag.',
    )
    assert.deepEqual(
      r.warnings.filter((w) => w.kind === 'passive'),
      [],
    )
  })

  it('asks to write dotted abbreviations in full, but leaves initials alone', () => {
    const text = 'Neem bijv. uw pas mee, vraag naar J. Jansen.'
    const r = analyseReadability(text)
    assert.deepEqual(
      r.warnings.map((w) => [w.kind, text.slice(...w.span), w.text]),
      [['abbreviation', 'bijv.', "Schrijf 'bijv.' voluit: 'bijvoorbeeld'."]],
    )
  })

  it('caps the number of warnings and says so', () => {
    const text = 'Indien het kan, graag. '.repeat(50)
    const r = analyseReadability(text, { maxWarnings: 10 })
    assert.equal(r.warnings.length, 10)
    assert.equal(r.truncated, true)
    assert.equal(analyseReadability(text).truncated, false)
  })
})

describe('the readability calculator on any input', () => {
  const pool = [
    'de',
    'het',
    'wij',
    'u',
    'helpen',
    'gemeente',
    'formulier',
    'duidelijk',
    'aanvraag',
    'informatie',
  ]
  const sentence = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 30 })
  const text = fc.array(sentence, { minLength: 1, maxLength: 12 })
  const render = (ss: string[][]) => ss.map((s) => `${s.join(' ')}.`).join(' ')

  it('never throws and returns a finite score, finite stats and warnings inside the text', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      text.map(render),
      fc
        .array(
          fc.constantFrom('bijv.', 'wordt', 'gedaan', '\n- ', 'www.a.nl', '?', '3.5', 'é', '\u0308', '.'),
          {
            maxLength: 60,
          },
        )
        .map((p) => p.join(' ')),
    )
    fc.assert(
      fc.property(anyText, (t) => {
        const r = analyseReadability(t)
        assert.ok(Number.isFinite(r.score) && r.score >= 0 && r.score <= 100)
        for (const v of Object.values(r.stats)) assert.ok(typeof v === 'boolean' || Number.isFinite(v))
        assert.ok(['makkelijk', 'B1', 'moeilijk'].includes(r.level))
        assert.ok(r.warnings.length <= 100)
        for (const w of r.warnings) {
          assert.ok(0 <= w.span[0] && w.span[0] < w.span[1] && w.span[1] <= t.length)
          assert.ok(w.text.length > 0 && w.text.length < 400)
        }
      }),
    )
  })

  it('never improves the score when a sentence longer and heavier than all others is added', () => {
    // Such a sentence raises both words per sentence and syllables per word, so both terms can only
    // lower the score.
    fc.assert(
      fc.property(text, (ss) => {
        const base = render(ss)
        const longest = Math.max(...ss.map((s) => s.length))
        const heavy = `${Array(longest + 1)
          .fill('arbeidsongeschiktheidsverzekering')
          .join(' ')}.`
        const before = analyseReadability(base)
        const after = analyseReadability(`${base} ${heavy}`)
        assert.ok(after.stats.fleschDouma <= before.stats.fleschDouma + 1e-9)
        assert.ok(after.stats.leesindexBrouwer <= before.stats.leesindexBrouwer + 1e-9)
        assert.ok(after.score <= before.score + 1e-9)
      }),
    )
  })

  it('never lowers the score when a sentence is split in two', () => {
    fc.assert(
      fc.property(text, fc.nat(), (ss, at) => {
        const first = ss[0] ?? []
        fc.pre(first.length >= 2)
        const cut = 1 + (at % (first.length - 1))
        const split = [first.slice(0, cut), first.slice(cut), ...ss.slice(1)]
        assert.ok(analyseReadability(render(split)).score >= analyseReadability(render(ss)).score - 1e-9)
      }),
    )
  })

  it('handles a megabyte of mixed text and returns a capped list of warnings', () => {
    const paragraph =
      'Indien u reeds een aanvraag heeft gedaan, wordt deze binnen vier weken door de gemeente behandeld, ' +
      'bijv. via https://www.gemeente.nl/aanvragen of info@gemeente.nl, en daarna krijgt u van ons een brief ' +
      'over de parkeervergunningaanvraag met alle informatie die u nodig heeft.\n- punt een\n- punt twee\n\n'
    const copies = Math.ceil(1_048_576 / paragraph.length)
    const big = paragraph.repeat(copies)
    assert.ok(big.length >= 1_048_576)
    const one = analyseReadability(paragraph)
    const r = analyseReadability(big)
    // Every copy is tokenised the same way, so counts scale and the ratios, hence the score, stay.
    assert.equal(r.stats.words, copies * one.stats.words)
    assert.equal(r.stats.sentences, copies * one.stats.sentences)
    close(r.score, one.score, 1e-6)
    assert.ok(r.stats.words > 100_000)
    assert.equal(r.warnings.length, 100)
    assert.equal(r.truncated, true)
    // One unbroken megabyte "word" and one megabyte sentence must not break it either.
    assert.equal(analyseReadability('a'.repeat(1_048_576)).stats.words, 1)
    assert.equal(analyseReadability('de '.repeat(349_525)).warnings.length, 1)
  })
})

describe('the standard survey', () => {
  const texts = [
    STANDARD_SURVEY_TITLE,
    ...STANDARD_QUESTIONS.flatMap((q) => [q.text, q.help ?? '']),
    ...AGREEMENT_OPTIONS.map((o) => o.label),
  ].filter((t) => t.length > 0)

  for (const t of texts) {
    it(`is at B1 level or easier: "${t}"`, () => {
      const r = analyseReadability(t)
      assert.notEqual(r.level, 'moeilijk', JSON.stringify(r))
    })
  }
})
