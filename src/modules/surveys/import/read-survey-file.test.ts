import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { standardDefinition } from '../definition/standard.ts'
import { readSurveyFile } from './read-survey-file.ts'
import { SurveyFileError } from './report.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2))

/** Asserts that reading throws a one-line SurveyFileError whose message matches. */
function refuses(bytes: Buffer, message: RegExp, fileName?: string) {
  assert.throws(
    () => readSurveyFile(bytes, fileName),
    (e: unknown) => {
      assert.ok(e instanceof SurveyFileError, `expected SurveyFileError, got ${String(e)}`)
      assert.match(e.message, message)
      assert.ok(!e.message.includes('\n'), 'the message is one line')
      return true
    },
  )
}

describe('readSurveyFile detects the format', () => {
  it('reads a Klankbord definition unchanged, reporting every question as imported', () => {
    const definition = standardDefinition()
    const result = readSurveyFile(json(definition), 'standaard.json')
    assert.equal(result.format, 'klankbord')
    const questions = result.definition.pages.flatMap((p) => p.questions)
    assert.deepEqual(
      result.definition.pages.flatMap((p) => p.questions.map((q) => q.code)),
      questions.map((q) => q.code),
    )
    assert.equal(result.report.length, questions.length)
    for (const [i, r] of result.report.entries()) {
      assert.equal(r.outcome, 'imported')
      assert.equal(r.code, questions[i]?.code)
      assert.equal(r.type, questions[i]?.type)
      assert.ok(r.title.length <= 80)
    }
    assert.deepEqual(readSurveyFile(json(result.definition)).definition, result.definition)
  })

  it('reads SurveyJS JSON and LimeSurvey .lss files', () => {
    assert.equal(readSurveyFile(fixture('surveyjs-klantonderzoek.json')).format, 'surveyjs')
    assert.equal(readSurveyFile(fixture('limesurvey6-publiekszaken.lss')).format, 'limesurvey')
    assert.equal(readSurveyFile(fixture('limesurvey3-publiekszaken.lss')).format, 'limesurvey')
  })

  it('accepts a UTF-8 byte order mark and UTF-16 files', () => {
    const lss = fixture('limesurvey6-publiekszaken.lss')
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), lss])
    assert.equal(readSurveyFile(withBom).definition.title.nl, 'Klanttevredenheid Publiekszaken 2024')
    const text = fixture('surveyjs-klantonderzoek.json').toString('utf8')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    assert.equal(readSurveyFile(utf16).format, 'surveyjs')
    const utf16be = Buffer.from(text, 'utf16le').swap16()
    assert.equal(readSurveyFile(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])).format, 'surveyjs')
  })

  it('refuses a UTF-16 file that is cut off in the middle of a character', () => {
    assert.throws(() => readSurveyFile(Buffer.from([0xfe, 0xff, 0])), /not valid UTF-16BE/)
    assert.throws(() => readSurveyFile(Buffer.from([0xff, 0xfe, 0x41, 0, 0x42])), /not valid UTF-16LE/)
  })
})

describe('readSurveyFile refuses what it cannot read, saying what is wrong', () => {
  it('refuses empty files and files over 5 MB', () => {
    refuses(Buffer.alloc(0), /The file is empty/)
    refuses(Buffer.from(' \n\t '), /empty \(it contains only white space\)/)
    refuses(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), /5\.0 MB; survey files may be at most 5 MB/)
  })

  it('refuses binary files and ZIP archives such as a LimeSurvey .lsa', () => {
    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))
    refuses(junk, /not a text file|binary data/)
    refuses(Buffer.from('{"a":\u0000\u0001}'), /binary data/)
    refuses(Buffer.from([0xc3, 0x28, 0x7b, 0x7d]), /not valid UTF-8/)
    refuses(
      Buffer.from('PK\x03\x04\x14\x00rest', 'latin1'),
      /ZIP archive \(a LimeSurvey \.lsa archive\)/,
      'enquete.lsa',
    )
  })

  it('says where invalid JSON goes wrong', () => {
    refuses(
      Buffer.from('{\n  "title": "x",\n  "pages": [\n}'),
      /not valid JSON: unexpected '}' \(line 4, column 1\)/,
    )
    refuses(Buffer.from('[1,2,,3]'), /not valid JSON: unexpected ',' \(line 1, column 6\)/)
    refuses(
      Buffer.from('{\n  "title": "x",\n  "pages": [],\n}'),
      /Expected double-quoted property name \(line 4, column 1\)/,
    )
    refuses(Buffer.from('{"title": "x"'), /not valid JSON: .* \(line 1, column 14\)/)
  })

  it('refuses JSON that is not a survey', () => {
    refuses(json([1, 2, 3]), /a list or a single value, not a survey/)
    refuses(json({ name: 'iets anders' }), /neither a Klankbord survey .* nor a SurveyJS survey/)
    refuses(
      json({ format: 'klankbord.survey/2', pages: [] }),
      /format klankbord\.survey\/2; this Klankbord reads klankbord\.survey\/1/,
    )
  })

  it('lists the first problems of an invalid Klankbord definition with their paths', () => {
    const bad = standardDefinition() as unknown as { pages: { questions: { code: string }[] }[] }
    const first = bad.pages[0]?.questions[0]
    const second = bad.pages[0]?.questions[1]
    if (first && second) second.code = first.code
    refuses(json(bad), /1 problem\(s\): pages\.0\.questions\.1\.code: code .* is used twice/)
    refuses(
      json({ format: 'klankbord.survey/1', title: { nl: '' }, pages: [] }),
      /problem\(s\): title\.nl: .*; pages: /,
    )
  })

  it('refuses XML that is not a LimeSurvey survey, and LimeSurvey files without questions', () => {
    refuses(Buffer.from('<?xml version="1.0"?><rss><channel/></rss>'), /not a LimeSurvey export \(\.lss\)/)
    refuses(Buffer.from('<!doctype html><html><body>Inloggen</body></html>'), /web page \(HTML\)/)
    refuses(
      Buffer.from(
        '<document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions><rows/></questions></document>',
      ),
      /LimeSurvey file contains no questions/,
    )
    refuses(Buffer.from('Dit is gewoon tekst.'), /enquete\.txt is neither JSON nor XML/, 'enquete.txt')
  })

  it('refuses a survey of which no question can be imported', () => {
    const onlyText = { pages: [{ elements: [{ type: 'html', name: 'uitleg', html: '<p>Welkom</p>' }] }] }
    refuses(
      json(onlyText),
      /None of the 1 questions can be imported \(uitleg: an HTML block holds no question/,
    )
  })
})

describe('readSurveyFile with damaged files', () => {
  /** Reading gives a result or a one-line SurveyFileError, never another error. */
  function readsOrRefuses(bytes: Buffer) {
    try {
      readSurveyFile(bytes)
    } catch (e) {
      assert.ok(e instanceof SurveyFileError, `unexpected ${String(e)}`)
      assert.ok(!e.message.includes('\n'))
      assert.ok(!/bug in Klankbord/.test(e.message), e.message)
    }
  }

  it('refuses XML with reserved tag names such as __proto__', () => {
    refuses(
      Buffer.from(
        '<document><LimeSurveyDocType>Survey</LimeSurveyDocType><__proto__><x>1</x></__proto__></document>',
      ),
      /XML file cannot be read/,
    )
  })

  it('copes with every file cut off at a random point (property)', () => {
    const files = [
      'surveyjs-klantonderzoek.json',
      'limesurvey6-publiekszaken.lss',
      'limesurvey3-publiekszaken.lss',
    ].map(fixture)
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.double({ min: 0, max: 1, noNaN: true }), (file, at) => {
        readsOrRefuses(file.subarray(0, Math.floor(file.length * at)))
      }),
      { numRuns: 150 },
    )
  })

  it('copes with random bytes and random JSON (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => readsOrRefuses(Buffer.from(bytes))),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.jsonValue(), (value) => readsOrRefuses(json(value))),
      { numRuns: 300 },
    )
  })
})
