import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { countSyllables } from './syllables.ts'

// Expected counts were checked against the Dutch hyphenation patterns of LibreOffice/OpenTaal
// (Debian hyphen-nl 1:7.5.0, hyph_nl_NL.dic, read with pyphen; the split is shown after each word)
// and by hand. Hyphenation forbids one-letter parts at the edges of a word, so where it glues a
// single vowel to its neighbour the spoken count is used and marked "(hand)".
const REFERENCE: [string, number, string][] = [
  ['informatie', 4, 'in-for-ma-tie'],
  ['medewerker', 4, 'me-de-wer-ker'],
  ['verbeteren', 4, 'ver-be-te-ren'],
  ['telefoonnummer', 5, 'te-le-foon-num-mer'],
  ['persoonlijke', 4, 'per-soon-lij-ke'],
  ['gegevens', 3, 'ge-ge-vens'],
  ['geïnteresseerd', 5, 'ge-ïn-te-res-seerd'],
  ['coördinatie', 5, 'co-ör-di-na-tie'],
  ['enquête', 3, 'en-quê-te'],
  ['bureau', 2, 'bu-reau'],
  ['nieuwe', 2, 'nieu-we'],
  ['eeuw', 1, 'eeuw'],
  ['draaien', 2, 'draai-en'],
  ['groeien', 2, 'groei-en'],
  ['beoordelen', 4, 'be-oor-de-len'],
  ['theater', 3, 'the-a-ter'],
  ['materiaal', 4, 'ma-te-ri-aal'],
  ['uitstekend', 3, 'uit-ste-kend'],
  ['duidelijk', 3, 'dui-de-lijk'],
  ['arbeidsongeschiktheidsverzekering', 10, 'ar-beids-on-ge-schikt-heids-ver-ze-ke-ring'],
  ['gemeente', 3, 'ge-meen-te'],
  ['zeeën', 2, 'zee-ën'],
  ['knieën', 2, 'knie-ën'],
  ['kopieën', 3, 'ko-pie-ën'],
  ['baby', 2, 'ba-by'],
  ['hockey', 2, 'hoc-key'],
  ['beantwoorden', 4, 'be-ant-woor-den'],
  ['vragenlijst', 3, 'vra-gen-lijst'],
  ['ontvangen', 3, 'ont-van-gen'],
  ['belastingdienst', 4, 'be-las-ting-dienst'],
  ['ziekenhuis', 3, 'zie-ken-huis'],
  ['januari', 4, 'ja-nu-a-ri'],
  ['medium', 3, 'me-di-um'],
  ['leeuwen', 2, 'leeu-wen'],
  ['kieuw', 1, 'kieuw'],
  ['vrouw', 1, 'vrouw'],
  ['reünie', 3, 're-ü-nie'],
  ['poëzie', 3, 'po-ë-zie'],
  ['café', 2, 'ca-fé'],
  ['tevredenheid', 4, 'te-vre-den-heid'],
  ['toegankelijkheid', 5, 'toe-gan-ke-lijk-heid'],
  ['zorgverzekeraar', 5, 'zorg-ver-ze-ke-raar'],
  ['aai', 1, 'aai'],
  ['ideeën', 3, 'idee-ën; (hand) i-dee-ën'],
  ['video', 3, 'vi-deo; (hand) vi-de-o'],
  ['radio', 3, 'ra-dio; (hand) ra-di-o'],
  ['openingstijden', 5, 'ope-nings-tij-den; (hand) o-pe-nings-tij-den'],
  ['mooie', 2, 'mooie; (hand) moo-ie'],
]

describe('Dutch syllable counting', () => {
  for (const [word, expected, split] of REFERENCE) {
    it(`counts ${expected} in "${word}" (${split})`, () => {
      assert.equal(countSyllables(word), expected)
    })
  }

  it('treats a trema as the start of a new syllable and other accents as marks only', () => {
    assert.equal(countSyllables('naïef'), 2) // na-ïef
    assert.equal(countSyllables('één'), 1)
    assert.equal(countSyllables('geëerd'), 2) // ge-ëerd
  })

  it('reads qu, initial y and ij as Dutch spelling does', () => {
    assert.equal(countSyllables('quiz'), 1)
    assert.equal(countSyllables('yoghurt'), 2)
    assert.equal(countSyllables('vijand'), 2) // vij-and
    assert.equal(countSyllables('bijna'), 2)
  })

  it('counts hyphenated parts on their own and spells out short acronyms', () => {
    assert.equal(countSyllables('e-mail'), 2)
    assert.equal(countSyllables('zee-egel'), 3)
    assert.equal(countSyllables('Noord-Holland'), 3)
    assert.equal(countSyllables('BSN'), 3)
    assert.equal(countSyllables('UWV'), 3)
  })

  it('knows a few English loanwords, also at the end of a compound', () => {
    assert.equal(countSyllables('website'), 2)
    assert.equal(countSyllables('gemeentewebsite'), 5)
    assert.equal(countSyllables('online'), 2)
    assert.equal(countSyllables('team'), 1)
  })

  it('gives every word at least one syllable, and none to a string without letters', () => {
    assert.equal(countSyllables("'t"), 1)
    assert.equal(countSyllables("z'n"), 1)
    assert.equal(countSyllables('brrr'), 1)
    assert.equal(countSyllables('123'), 0)
    assert.equal(countSyllables(''), 0)
  })

  it('never throws and gives at least one syllable to any string with a letter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const n = countSyllables(s)
        assert.ok(Number.isInteger(n) && n >= 0)
        const letters = [...s].filter((c) => /\p{L}/u.test(c)).length
        if (letters > 0) assert.ok(n >= 1)
      }),
    )
  })

  it('adds up the parts of a hyphenated word', () => {
    const part = fc.stringMatching(/^[a-z]{1,12}$/)
    fc.assert(
      fc.property(part, part, (a, b) => {
        assert.equal(countSyllables(`${a}-${b}`), countSyllables(a) + countSyllables(b))
      }),
    )
  })
})
