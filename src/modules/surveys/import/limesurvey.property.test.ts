import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { checkDefinition } from '../definition/check.ts'
import { fromLimeSurvey } from './limesurvey.ts'
import { SurveyFileError } from './report.ts'
import { lssQuestion as q, strings, lssText as text, tinyLss } from './test-helpers.ts'

describe('fromLimeSurvey with any survey', () => {
  it('gives a valid definition or a SurveyFileError for random surveys, never an importer bug (property)', () => {
    const types = [
      'L',
      '!',
      'O',
      'M',
      'P',
      'T',
      'S',
      'U',
      'Y',
      'D',
      '5',
      'N',
      'F',
      'A',
      'B',
      'H',
      'X',
      'R',
      'Q',
      'G',
    ]
    const titles = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5']
    const relevance = fc.oneof(
      fc.constantFrom('1', '', 'sum(Q1) > 2', 'Q1 == "A1" and Q2 == "A2" or Q3'),
      fc
        .tuple(
          fc.constantFrom(...titles, 'Q1_SQ1', 'Q2_SQ2'),
          fc.constantFrom('==', '!=', '<=', '>=', '<', '>'),
          fc.constantFrom('"A1"', '"Y"', '"N"', '3', '11', '"x"', '""'),
        )
        .map(([v, op, value]) => `${v}.NAOK ${op} ${value}`),
    )
    const attribute = fc.tuple(
      fc.constantFrom(
        'max_answers',
        'min_answers',
        'min_num_value_n',
        'max_num_value_n',
        'date_min',
        'date_max',
        'date_format',
        'maximum_chars',
        'display_rows',
        'hidden',
      ),
      fc.constantFrom(
        '0',
        '1',
        '2',
        '10',
        '99999',
        '2024-01-01',
        '2020-01-01',
        'HH:MM',
        'dd-mm-yyyy',
        '',
        'x',
      ),
    )
    const question = fc.record({
      type: fc.constantFrom(...types),
      relevance,
      mandatory: fc.constantFrom('Y', 'N', 'S'),
      other: fc.constantFrom('Y', 'N'),
      text: fc.constantFrom('', 'Vraag?', '<script>x</script>', '<b>Stelling</b>'),
      answers: fc.array(
        fc.tuple(
          fc.constantFrom('A1', 'A2', 'A3', 'A4', 'A5', 'A6', '1', '-oth-'),
          fc.constantFrom('', 'Ja', 'Helemaal eens', 'Weet ik niet', '7'),
        ),
        { maxLength: 11 },
      ),
      subquestions: fc.array(fc.constantFrom('SQ1', 'SQ2', 'SQ3', 'sq1'), { maxLength: 4 }),
      attributes: fc.array(attribute, { maxLength: 3 }),
    })
    let imported = 0
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 5 }), (questions) => {
        let rows = ''
        let l10ns = ''
        let answers = ''
        let subs = ''
        let attrs = ''
        let id = 100
        questions.forEach((x, i) => {
          const qid = String(i + 1)
          rows += q(qid, '1', x.type, titles[i] as string, String(i), x.relevance)
            .replace('<mandatory>N</mandatory>', `<mandatory>${x.mandatory}</mandatory>`)
            .replace('<other>N</other>', `<other>${x.other}</other>`)
          l10ns += text(qid, 'nl', x.text)
          x.answers.forEach(([code, label], k) => {
            answers += `<row><qid>${qid}</qid><code>${code}</code><answer><![CDATA[${label}]]></answer><sortorder>${k}</sortorder><language>nl</language><scale_id>0</scale_id></row>`
          })
          for (const sq of x.subquestions) {
            id++
            subs += `<row><qid>${id}</qid><parent_qid>${qid}</parent_qid><gid>1</gid><type>T</type><title>${sq}</title><question_order>${id}</question_order><scale_id>0</scale_id><relevance>1</relevance></row>`
            l10ns += text(String(id), 'nl', sq === 'sq1' ? '' : `Rij ${sq}`)
          }
          for (const [name, value] of x.attributes)
            attrs += `<row><qid>${qid}</qid><attribute>${name}</attribute><value>${value}</value><language/></row>`
        })
        const extra =
          `<answers><rows>${answers}</rows></answers><subquestions><rows>${subs}</rows></subquestions>` +
          `<question_attributes><rows>${attrs}</rows></question_attributes>`
        try {
          const result = fromLimeSurvey(tinyLss({ questions: rows, l10ns, extra }))
          imported++
          assert.equal(checkDefinition(result.definition).ok, true)
          for (const s of strings(result.definition)) assert.ok(!/<[A-Za-z]|script/.test(s), s)
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
