import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { checkDefinition } from '../definition/check.ts'
import { type ImportResult, SurveyFileError } from './report.ts'
import { fromSurveyJs } from './surveyjs.ts'
import { item, question, strings } from './test-helpers.ts'

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/surveyjs-klantonderzoek.json', import.meta.url), 'utf8'),
)

describe('fromSurveyJs with a realistic survey', () => {
  const result = fromSurveyJs(fixture)

  it('produces a definition that passes checkDefinition', () => {
    const checked = checkDefinition(result.definition)
    assert.equal(checked.ok, true, JSON.stringify(!checked.ok && checked.errors))
    assert.equal(result.format, 'surveyjs')
  })

  it('leaves no markup, script or event handler in any text of the definition', () => {
    const all = strings(result.definition)
    assert.ok(all.length > 50)
    for (const s of all) assert.ok(!/<|script|onerror|javascript:/i.test(s), `unsafe text: ${s}`)
  })

  it('maps the rating scales by their range', () => {
    assert.deepEqual(
      [item(result, 'rapportcijfer').outcome, item(result, 'rapportcijfer').type],
      ['imported', 'grade'],
    )
    assert.deepEqual(
      [item(result, 'aanbevelen').outcome, item(result, 'aanbevelen').type],
      ['imported', 'nps'],
    )
    assert.equal(item(result, 'moeite').type, 'ces')
    assert.match(item(result, 'moeite').reason ?? '', /1–7 rating became a Customer Effort Score/)
    assert.equal(item(result, 'sterren').type, 'agreement')
    assert.match(item(result, 'sterren').reason ?? '', /1–5 rating became a 5-point agreement scale/)
    assert.equal(item(result, 'schaal_0_5').outcome, 'skipped')
    assert.match(item(result, 'schaal_0_5').reason ?? '', /0–5 rating is not a scale Klankbord has/)
  })

  it('maps choices, with other, none and maxChoices', () => {
    const kanaal = question(result, 'kanaal')
    assert.equal(kanaal.type, 'single')
    assert.ok(kanaal.type === 'single' && kanaal.other)
    assert.deepEqual(kanaal.type === 'single' && kanaal.options.map((o) => o.code), [
      'balie',
      'telefoon',
      'web',
      'e_mail',
    ])
    assert.equal(kanaal.required, true)
    const onderwerpen = question(result, 'onderwerpen')
    assert.ok(onderwerpen.type === 'multiple')
    assert.equal(onderwerpen.maxChoices, 2)
    assert.deepEqual(
      onderwerpen.options.map((o) => [o.code, o.text.nl]),
      [
        ['paspoort', 'Paspoort of ID-kaart'],
        ['rijbewijs', 'Rijbewijs'],
        ['vergunning', 'Een vergunning'],
        ['afval_grofvuil', 'Afval & grofvuil'],
        ['none', 'Geen van deze'],
      ],
    )
    assert.equal(item(result, 'onderwerpen').outcome, 'mapped')
    assert.match(item(result, 'onderwerpen').reason ?? '', /'none' choice became an ordinary option/)
  })

  it('maps boolean, comment and text inputs', () => {
    assert.equal(question(result, 'opgelost').type, 'yes_no')
    const verbeterpunt = question(result, 'verbeterpunt')
    assert.ok(verbeterpunt.type === 'open' && verbeterpunt.maxLength === 1000)
    const datum = question(result, 'bezoekdatum')
    assert.ok(datum.type === 'date' && datum.min === '2023-01-01')
    assert.equal(item(result, 'email').outcome, 'mapped')
    assert.match(item(result, 'email').reason ?? '', /email check was dropped/)
  })

  it('turns a 5-point matrix into one agreement statement per row, reporting each row', () => {
    const rows = result.report.filter((r) => r.source.startsWith('stellingen.'))
    assert.deepEqual(
      rows.map((r) => [r.code, r.outcome]),
      [
        ['stellingen_snel', 'mapped'],
        ['stellingen_vriendelijk', 'mapped'],
        ['stellingen_duidelijk', 'mapped'],
      ],
    )
    for (const r of rows)
      assert.match(r.reason ?? '', /row of matrix stellingen became its own agreement statement/)
    const snel = question(result, 'stellingen_snel')
    assert.ok(snel.type === 'agreement' && snel.dontKnow, 'the "weet ik niet" column becomes dontKnow')
    assert.equal(snel.required, true)
    assert.deepEqual(question(result, 'stellingen_snel').text, {
      nl: 'Ik werd snel geholpen.',
      en: 'I was helped quickly.',
    })
  })

  it('turns round a matrix scale that runs from positive to negative, and skips other matrices', () => {
    assert.match(item(result, 'kwaliteit.Bereikbaarheid').reason ?? '', /turned round/)
    assert.equal(item(result, 'frequentie').outcome, 'skipped')
    assert.match(item(result, 'frequentie').reason ?? '', /3 columns; only a 5-point scale/)
  })

  it('skips elements that collect no answer, or one Klankbord cannot store, with a clear reason', () => {
    const expected: Record<string, RegExp> = {
      welkom: /HTML block holds no question/,
      totaalscore: /calculated expression asks nothing/,
      bijlage: /file uploads are not supported/,
      handtekening: /signatures are not supported/,
      prioriteiten: /ranking questions are not supported/,
      verborgen: /hidden \(visible: false\)/,
    }
    for (const [source, reason] of Object.entries(expected)) {
      assert.equal(item(result, source).outcome, 'skipped', source)
      assert.match(item(result, source).reason ?? '', reason)
      assert.equal(item(result, source).code, undefined)
    }
    assert.equal(item(result, 'welkom').title, 'Welkom Lees eerst onze privacyverklaring.')
  })

  it('translates simple visibleIf expressions, including a panel condition passed to its questions', () => {
    assert.deepEqual(question(result, 'verbeterpunt').visibleIf, {
      all: [{ question: 'rapportcijfer', op: 'lte', value: 5 }],
    })
    assert.deepEqual(question(result, 'waarom_niet').visibleIf, {
      all: [
        { question: 'kanaal', op: 'equals', value: 'balie' },
        { question: 'opgelost', op: 'equals', value: false },
      ],
    })
    assert.deepEqual(question(result, 'wachttijd_toelichting').visibleIf, {
      all: [{ question: 'wachttijd', op: 'in', value: ['o_3', 'o_4'] }],
    })
    assert.deepEqual(question(result, 'compliment').visibleIf, {
      any: [
        { question: 'aanbevelen', op: 'gte', value: 9 },
        { question: 'onderwerpen', op: 'in', value: ['paspoort'] },
      ],
    })
    assert.equal(item(result, 'compliment').outcome, 'imported')
  })

  it('imports a question without a condition it cannot translate, and says so', () => {
    assert.equal(question(result, 'klacht').visibleIf, undefined)
    assert.equal(item(result, 'klacht').outcome, 'mapped')
    assert.match(
      item(result, 'klacht').reason ?? '',
      /left out \(it contains a mix of 'and' and 'or'\): the question is always shown/,
    )
    assert.equal(question(result, 'postcode').visibleIf, undefined)
    assert.match(
      item(result, 'postcode').reason ?? '',
      /woonplaats, which is not an earlier imported question/,
    )
  })

  it('reads localised strings: default is Dutch, other languages are kept', () => {
    assert.deepEqual(result.definition.languages, ['nl', 'en'])
    assert.deepEqual(result.definition.title, {
      nl: 'Klantonderzoek Wonen en Vergunningen',
      en: 'Customer survey Housing and Permits',
    })
    assert.equal(result.definition.intro?.nl, 'Uw mening telt. Het invullen duurt ongeveer 4 minuten.')
    assert.equal(
      result.definition.thanks?.nl,
      'Bedankt! Wij gebruiken uw antwoorden om onze dienstverlening te verbeteren.',
    )
    assert.deepEqual(result.definition.pages[1]?.intro, { nl: 'Denk aan uw laatste contact.' })
    assert.ok(result.warnings.some((w) => /question\(s\) have no en text; Dutch is shown instead/.test(w)))
  })

  it('reports every source element once, with a code only when imported or mapped', () => {
    const sources = result.report.map((r) => r.source)
    assert.equal(new Set(sources).size, sources.length)
    const codes = result.definition.pages.flatMap((p) => p.questions.map((q) => q.code))
    assert.deepEqual(
      result.report.filter((r) => r.outcome !== 'skipped').map((r) => r.code),
      codes,
    )
  })
})

describe('fromSurveyJs with smaller surveys', () => {
  it('uses the survey locale for default texts and copies them to Dutch when Dutch is missing', () => {
    const result = fromSurveyJs({
      locale: 'en',
      title: 'Feedback',
      elements: [{ type: 'boolean', name: 'ok', title: { default: 'Was it OK?', de: 'War es OK?' } }],
    })
    assert.deepEqual(result.definition.languages, ['nl', 'en', 'de'])
    assert.deepEqual(question(result, 'ok').text, { nl: 'Was it OK?', en: 'Was it OK?', de: 'War es OK?' })
    assert.ok(result.warnings.some((w) => /no Dutch texts; the en texts are used as the Dutch texts/.test(w)))
  })

  it('prefers an explicit Dutch text over the default one', () => {
    const result = fromSurveyJs({
      questions: [{ type: 'comment', name: 'c', title: { default: 'Comments?', nl: 'Opmerkingen?' } }],
    })
    assert.deepEqual(question(result, 'c').text, { nl: 'Opmerkingen?', en: 'Comments?' })
  })

  it('reads rateValues and rateCount, and a 1–3 rating as smileys', () => {
    const result = fromSurveyJs({
      elements: [
        { type: 'rating', name: 'a', rateValues: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
        { type: 'rating', name: 'b', rateCount: 3 },
        { type: 'rating', name: 'c', rateValues: [{ value: 1 }, { value: 3 }, { value: 5 }] },
        { type: 'radiogroup', name: 'd', visibleIf: '{b} = 1', choices: ['x', 'y'] },
      ],
    })
    assert.equal(question(result, 'a').type, 'grade')
    assert.equal(question(result, 'b').type, 'smileys')
    assert.deepEqual(question(result, 'd').visibleIf, {
      all: [{ question: 'b', op: 'equals', value: 'negative' }],
    })
    assert.match(item(result, 'c').reason ?? '', /own rating values \(1, 3, 5\)/)
  })

  it('refuses a survey of which nothing can be imported, naming the reasons', () => {
    assert.throws(
      () =>
        fromSurveyJs({
          pages: [
            {
              elements: [
                { type: 'html', name: 'intro', html: '<p>Hallo</p>' },
                { type: 'file', name: 'f' },
              ],
            },
          ],
        }),
      (e: unknown) =>
        e instanceof SurveyFileError &&
        /None of the 2 questions can be imported \(intro: an HTML block holds no question/.test(e.message),
    )
    assert.throws(() => fromSurveyJs({ pages: [] }), /no pages, elements or questions/)
    assert.throws(() => fromSurveyJs([1, 2]), SurveyFileError)
  })
})

describe('fromSurveyJs with any input', () => {
  it('splits a page with more than 60 questions, as Klankbord allows 60 a page', () => {
    const elements = Array.from({ length: 70 }, (_, i) => ({ type: 'boolean', name: `v${i}` }))
    const result = fromSurveyJs({ pages: [{ title: 'Alles', elements }] })
    assert.deepEqual(
      result.definition.pages.map((p) => [p.title?.nl, p.questions.length]),
      [
        ['Alles', 60],
        [undefined, 10],
      ],
    )
  })

  it('puts more than 30 pages on fewer, fuller pages, with a warning', () => {
    const pages = Array.from({ length: 35 }, (_, i) => ({ elements: [{ type: 'comment', name: `c${i}` }] }))
    const result = fromSurveyJs({ pages })
    assert.equal(result.definition.pages.length, 1)
    assert.equal(result.definition.pages[0]?.questions.length, 35)
    assert.ok(result.warnings.some((w) => /35 pages and Klankbord allows 30/.test(w)))
  })

  it('gives a valid definition or a SurveyFileError for random surveys, never an importer bug (property)', () => {
    const loc = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.dictionary(fc.constantFrom('default', 'nl', 'en', 'de', 'pt-br', 'x'), fc.string({ maxLength: 8 })),
    )
    const value = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -2, max: 12 }), fc.boolean())
    const choice = fc.oneof(value, fc.record({ value, text: loc }, { requiredKeys: ['value'] }))
    const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'A', 'a b', '1', '')
    const condition = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc
        .tuple(name, fc.constantFrom('=', '<=', '>=', '<', '>', '!=', 'notempty', 'empty', 'contains'), value)
        .map(([n, op, v]) => `{${n}} ${op} ${typeof v === 'string' ? `'${v}'` : v}`),
    )
    const element = fc.record(
      {
        type: fc.constantFrom(
          'rating',
          'radiogroup',
          'dropdown',
          'checkbox',
          'tagbox',
          'boolean',
          'comment',
          'text',
          'matrix',
          'html',
          'panel',
          'x',
        ),
        name,
        title: loc,
        isRequired: fc.boolean(),
        choices: fc.array(choice, { maxLength: 6 }),
        columns: fc.array(choice, { maxLength: 7 }),
        rows: fc.array(choice, { maxLength: 3 }),
        rateMin: fc.integer({ min: -1, max: 3 }),
        rateMax: fc.integer({ min: 2, max: 11 }),
        rateValues: fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 11 }),
        maxSelectedChoices: fc.integer({ min: -1, max: 8 }),
        maxLength: fc.integer({ min: -1, max: 20_000 }),
        inputType: fc.constantFrom('date', 'number', 'email', 'color', 'text'),
        min: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant('2024-01-01')),
        max: fc.oneof(fc.constant(10), fc.constant('2023-01-01')),
        showOtherItem: fc.boolean(),
        showNoneItem: fc.boolean(),
        visibleIf: condition,
        visible: fc.boolean(),
        elements: fc.array(fc.record({ type: fc.constantFrom('boolean', 'comment'), name }), {
          maxLength: 2,
        }),
      },
      { requiredKeys: ['type'] },
    )
    const survey = fc.record(
      {
        locale: fc.constantFrom('nl', 'en', 'xx-yy', ''),
        title: loc,
        pages: fc.array(fc.record({ title: loc, elements: fc.array(element, { maxLength: 6 }) }), {
          maxLength: 3,
        }),
      },
      { requiredKeys: ['pages'] },
    )
    let imported = 0
    fc.assert(
      fc.property(survey, (json) => {
        try {
          const result = fromSurveyJs(json)
          imported++
          assert.equal(checkDefinition(result.definition).ok, true)
          for (const s of strings(result.definition)) assert.ok(!/<[A-Za-z]/.test(s))
        } catch (e) {
          assert.ok(e instanceof SurveyFileError, String(e))
          assert.ok(!/bug in Klankbord/.test(e.message), e.message)
        }
      }),
      { numRuns: 400 },
    )
    // Guard against a vacuous property: most random surveys do import something.
    assert.ok(imported > 100, `only ${imported} of 400 random surveys imported`)
  })
})
