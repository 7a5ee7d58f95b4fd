import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { checkDefinition } from '../definition/check.ts'
import { fromLimeSurvey } from './limesurvey.ts'
import { type ImportResult, SurveyFileError } from './report.ts'
import { item, lssQuestion as q, question, strings, lssText as text, tinyLss } from './test-helpers.ts'

const read = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const modern = fromLimeSurvey(read('limesurvey6-publiekszaken.lss'))
const legacy = fromLimeSurvey(read('limesurvey3-publiekszaken.lss'))

describe('fromLimeSurvey with a LimeSurvey 6 export (texts in l10n tables)', () => {
  it('produces a definition that passes checkDefinition, without warnings', () => {
    const checked = checkDefinition(modern.definition)
    assert.equal(checked.ok, true, JSON.stringify(!checked.ok && checked.errors))
    assert.equal(modern.format, 'limesurvey')
    assert.deepEqual(modern.warnings, [])
  })

  it('leaves no markup, script or event handler in any text of the definition', () => {
    const all = strings(modern.definition)
    for (const s of all) assert.ok(!/<|script|onerror/i.test(s), `unsafe text: ${s}`)
    assert.equal(question(modern, 'kanaal').text.nl, 'Hoe nam u contact met ons op?')
    assert.equal(question(modern, 'opgelost').help?.nl, 'Let op: alleen uw laatste vraag.')
  })

  it('makes a page per group in group order, with the group name and description', () => {
    const pages = modern.definition.pages
    assert.deepEqual(
      pages.map((p) => p.title?.nl),
      ['Uw contact met ons', 'Over de afhandeling'],
    )
    assert.deepEqual(pages[0]?.intro, {
      nl: 'Eerst een paar vragen over uw contact.',
      en: 'First some questions about your contact.',
    })
    assert.deepEqual(
      pages[0]?.questions.map((x) => x.code),
      ['kanaal', 'cijfer', 'verbeter', 'opgelost', 'datum'],
    )
  })

  it('maps L, M, T, Y, D and 5, with mandatory as required', () => {
    const kanaal = question(modern, 'kanaal')
    assert.ok(kanaal.type === 'single' && kanaal.other && kanaal.required)
    assert.deepEqual(
      kanaal.options.map((o) => [o.code, o.text.nl, o.text.en]),
      [
        ['a1', 'Aan de balie', 'At the desk'],
        ['a2', 'Telefonisch', 'By phone'],
        ['a3', 'Via de website', 'Through the website'],
        ['a4', 'Per e-mail', 'By e-mail'],
      ],
    )
    const onderwerpen = question(modern, 'onderwerpen')
    assert.ok(onderwerpen.type === 'multiple' && onderwerpen.maxChoices === 2)
    assert.deepEqual(
      onderwerpen.options.map((o) => o.code),
      ['sq001', 'sq002', 'sq003', 'sq004'],
    )
    const verbeter = question(modern, 'verbeter')
    assert.ok(verbeter.type === 'open' && verbeter.maxLength === 1000 && verbeter.rows === 5)
    assert.equal(question(modern, 'opgelost').type, 'yes_no')
    assert.equal(question(modern, 'opgelost').required, true)
    const datum = question(modern, 'datum')
    assert.ok(datum.type === 'date' && datum.min === '2020-01-01' && datum.max === undefined)
    assert.equal(question(modern, 'tevreden').type, 'agreement')
    assert.match(item(modern, 'tevreden').reason ?? '', /5-point choice became a 5-point agreement scale/)
  })

  it('makes a numeric 1–10 question a grade and skips other numeric questions', () => {
    assert.deepEqual([item(modern, 'cijfer').outcome, item(modern, 'cijfer').type], ['mapped', 'grade'])
    assert.match(item(modern, 'cijfer').reason ?? '', /number input \(1–10\) became a grade/)
    assert.equal(item(modern, 'leeftijd').outcome, 'skipped')
    assert.match(item(modern, 'leeftijd').reason ?? '', /free number input is not supported/)
  })

  it('splits a 5-point F array into one agreement question per row and skips other arrays', () => {
    const rows = modern.report.filter((r) => r.source.startsWith('stellingen_'))
    assert.deepEqual(
      rows.map((r) => [r.source, r.code, r.type, r.outcome]),
      [
        ['stellingen_SQ001', 'stellingen_sq001', 'agreement', 'mapped'],
        ['stellingen_SQ002', 'stellingen_sq002', 'agreement', 'mapped'],
        ['stellingen_SQ003', 'stellingen_sq003', 'agreement', 'mapped'],
      ],
    )
    assert.match(rows[0]?.reason ?? '', /row of array stellingen became its own agreement question/)
    assert.match(rows[0]?.reason ?? '', /"Helemaal oneens" … "Helemaal eens"/)
    assert.equal(question(modern, 'stellingen_sq003').text.nl, 'Ik begreep het antwoord.')
    assert.equal(item(modern, 'hulp').outcome, 'skipped')
    assert.match(item(modern, 'hulp').reason ?? '', /3 answer columns are not a 5-point or 1–10 scale/)
  })

  it('skips boilerplate text and unsupported types, naming the type', () => {
    assert.equal(item(modern, 'intro').outcome, 'skipped')
    assert.match(item(modern, 'intro').reason ?? '', /text display \(boilerplate\) asks nothing/)
    assert.equal(item(modern, 'volgorde').reason, 'the LimeSurvey question type Ranking (R) is not supported')
  })

  it('translates simple relevance equations', () => {
    assert.deepEqual(question(modern, 'verbeter').visibleIf, {
      all: [{ question: 'cijfer', op: 'lte', value: 5 }],
    })
    assert.deepEqual(question(modern, 'stellingen_sq001').visibleIf, {
      any: [
        { question: 'kanaal', op: 'equals', value: 'a1' },
        { question: 'kanaal', op: 'equals', value: 'a2' },
      ],
    })
    assert.deepEqual(question(modern, 'toelichting').visibleIf, {
      any: [
        { question: 'onderwerpen', op: 'in', value: ['sq001'] },
        { question: 'tevreden', op: 'gte', value: 4 },
      ],
    })
    assert.deepEqual(question(modern, 'vervolg').visibleIf, {
      all: [
        { question: 'opgelost', op: 'answered' },
        { question: 'opgelost', op: 'equals', value: false },
      ],
    })
    assert.equal(item(modern, 'vervolg').outcome, 'imported')
  })

  it('imports a question whose relevance it cannot translate without it, and says so', () => {
    assert.equal(question(modern, 'overig').visibleIf, undefined)
    assert.equal(item(modern, 'overig').outcome, 'mapped')
    assert.match(
      item(modern, 'overig').reason ?? '',
      /left out \(it contains the function sum\(\)\): the question is always shown/,
    )
  })

  it('takes the languages from the survey, base language first, and the survey texts', () => {
    assert.deepEqual(modern.definition.languages, ['nl', 'en'])
    assert.deepEqual(modern.definition.title, {
      nl: 'Klanttevredenheid Publiekszaken 2024',
      en: 'Customer satisfaction Civil Affairs 2024',
    })
    assert.equal(modern.definition.intro?.nl, 'Welkom! Wij horen graag hoe u ons contact ervoer.')
    assert.match(modern.definition.thanks?.nl ?? '', /^Bedankt voor uw antwoorden/)
  })
})

describe('fromLimeSurvey with a LimeSurvey 3 export (texts inline, DBVersion 366)', () => {
  it('gives the same questions, types and conditions as the LimeSurvey 6 export of the same survey', () => {
    const shape = (r: ImportResult) =>
      r.definition.pages.flatMap((p) =>
        p.questions.map((x) => ({
          code: x.code,
          type: x.type,
          required: x.required,
          visibleIf: x.visibleIf,
        })),
      )
    assert.deepEqual(shape(legacy), shape(modern))
    assert.deepEqual(
      legacy.report.map((r) => [r.source, r.outcome]),
      modern.report.map((r) => [r.source, r.outcome]),
    )
    assert.equal(checkDefinition(legacy.definition).ok, true)
  })

  it('puts Dutch first although the base language is English, and warns about untranslated texts', () => {
    assert.deepEqual(legacy.definition.languages, ['nl', 'en'])
    assert.equal(question(legacy, 'kanaal').text.nl, 'Hoe nam u contact met ons op?')
    assert.equal(question(legacy, 'kanaal').text.en, 'How did you contact us?')
    const kanaal = question(legacy, 'kanaal')
    assert.equal(kanaal.type === 'single' && kanaal.options[0]?.text.nl, 'Aan de balie')
    assert.deepEqual(legacy.warnings, [
      '2 text(s) had no Dutch version; the en text is used as the Dutch text. Translate them before publishing.',
    ])
    assert.equal(item(legacy, 'hulp').title, 'Did you get help from:')
  })

  it('leaves no markup in any text', () => {
    for (const s of strings(legacy.definition)) assert.ok(!/<|script|onerror/i.test(s), `unsafe text: ${s}`)
  })
})

describe('fromLimeSurvey with small surveys', () => {
  it('uses the base-language texts as Dutch when the survey has no Dutch, with a warning', () => {
    const result = fromLimeSurvey(
      tinyLss({ base: 'en', questions: q('1', '1', 'Y', 'Q1', '1'), l10ns: text('1', 'en', 'Did it work?') }),
    )
    assert.deepEqual(result.definition.languages, ['nl', 'en'])
    assert.deepEqual(question(result, 'q1').text, { nl: 'Did it work?', en: 'Did it work?' })
    assert.ok(result.warnings.some((w) => /no Dutch texts; the en texts are used as the Dutch texts/.test(w)))
  })

  it('passes a group relevance on to the questions of the group', () => {
    const groups =
      '<row><gid>1</gid><group_order>1</group_order><grelevance>1</grelevance></row>' +
      '<row><gid>2</gid><group_order>2</group_order><grelevance><![CDATA[Q1 == "Y"]]></grelevance></row>'
    const result = fromLimeSurvey(
      tinyLss({
        groups,
        questions: q('1', '1', 'Y', 'Q1', '1') + q('2', '2', 'T', 'Q2', '1', '!is_empty(Q1)'),
        l10ns: text('1', 'nl', 'Werkte het?') + text('2', 'nl', 'Waarom?'),
      }),
    )
    assert.equal(result.definition.pages.length, 2)
    assert.deepEqual(question(result, 'q2').visibleIf, {
      all: [
        { question: 'q1', op: 'equals', value: true },
        { question: 'q1', op: 'answered' },
      ],
    })
  })

  it('skips hidden questions and makes soft-mandatory questions optional, saying so', () => {
    const result = fromLimeSurvey(
      tinyLss({
        questions:
          q('1', '1', 'T', 'Q1', '1').replace('<mandatory>N</mandatory>', '<mandatory>S</mandatory>') +
          q('2', '1', 'S', 'Q2', '2'),
        l10ns: text('1', 'nl', 'Toelichting?') + text('2', 'nl', 'Klantnummer'),
        extra:
          '<question_attributes><rows><row><qid>2</qid><attribute>hidden</attribute><value>1</value><language/></row></rows></question_attributes>',
      }),
    )
    assert.equal(question(result, 'q1').required, false)
    assert.deepEqual(
      [item(result, 'Q1').outcome, item(result, 'Q1').reason],
      ['mapped', 'soft mandatory became optional'],
    )
    assert.deepEqual(
      [item(result, 'Q2').outcome, item(result, 'Q2').reason],
      ['skipped', 'it is hidden in the source (attribute hidden) and never shown'],
    )
  })

  it('refuses files that are not a usable LimeSurvey survey, saying why', () => {
    const cases: [string, RegExp][] = [
      [tinyLss({ questions: '', l10ns: '' }), /contains no questions/],
      [
        '<document><LimeSurveyDocType>Group</LimeSurveyDocType></document>',
        /question group \(\.lsg\) export/,
      ],
      [
        '<document><LimeSurveyDocType>Survey</LimeSurveyDocType>\n<questions><rows></questions></document>',
        /not well-formed at line 2/,
      ],
      ['<!DOCTYPE d [<!ENTITY a "aaaa">]><document>&a;</document>', /DOCTYPE/],
      ['<survey><title>Hallo</title></survey>', /not a LimeSurvey export/],
    ]
    for (const [xml, message] of cases) {
      assert.throws(
        () => fromLimeSurvey(xml),
        (e: unknown) => e instanceof SurveyFileError && message.test(e.message),
      )
    }
  })
})
