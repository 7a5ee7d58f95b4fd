import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Target, translateCondition } from './conditions.ts'
import { andExpressions, parseExpression } from './expression.ts'

describe('parseExpression (SurveyJS)', () => {
  it('reads the simple comparisons joined by and', () => {
    assert.deepEqual(parseExpression("{q} = 'x' and {n} = 5 and {a} <= 5 and {b} >= 5", 'surveyjs'), {
      join: 'and',
      terms: [
        { variable: 'q', op: 'eq', value: 'x' },
        { variable: 'n', op: 'eq', value: 5 },
        { variable: 'a', op: 'le', value: 5 },
        { variable: 'b', op: 'ge', value: 5 },
      ],
    })
  })

  it('reads empty, notempty, anyof and contains joined by or', () => {
    assert.deepEqual(
      parseExpression("{a} notempty or {b} empty or {c} anyof ['x', 'y'] or {d} contains 'z'", 'surveyjs'),
      {
        join: 'or',
        terms: [
          { variable: 'a', op: 'notempty' },
          { variable: 'b', op: 'empty' },
          { variable: 'c', op: 'anyof', value: ['x', 'y'] },
          { variable: 'd', op: 'anyof', value: ['z'] },
        ],
      },
    )
  })

  it('keeps "and" inside a quoted value as part of the value', () => {
    const parsed = parseExpression("{q} = 'zwart and wit'", 'surveyjs')
    assert.deepEqual(parsed, { join: 'and', terms: [{ variable: 'q', op: 'eq', value: 'zwart and wit' }] })
  })

  it('reads true and false as yes/no values', () => {
    assert.deepEqual(parseExpression('{ok} = false', 'surveyjs'), {
      join: 'and',
      terms: [{ variable: 'ok', op: 'eq', value: false }],
    })
  })

  it('refuses a mix of and and or, functions and unclosed strings with a reason', () => {
    assert.match(
      errorOf(parseExpression('({a} = 1 and {b} = 2) or {c} = 3', 'surveyjs')),
      /mix of 'and' and 'or'/,
    )
    assert.match(errorOf(parseExpression('age({birth}) > 18', 'surveyjs')), /it contains/)
    assert.match(errorOf(parseExpression("{a} = 'open", 'surveyjs')), /unclosed string/)
  })
})

describe('parseExpression (LimeSurvey)', () => {
  it('reads Q1 == "A1", .NAOK, <= and !is_empty, with the parentheses LimeSurvey writes', () => {
    assert.deepEqual(
      parseExpression('((Q1.NAOK == "A1")) and Q2 <= 5 and !is_empty(Q3) and is_empty(Q4)', 'limesurvey'),
      {
        join: 'and',
        terms: [
          { variable: 'Q1', op: 'eq', value: 'A1' },
          { variable: 'Q2', op: 'le', value: 5 },
          { variable: 'Q3', op: 'notempty' },
          { variable: 'Q4', op: 'empty' },
        ],
      },
    )
  })

  it('reads || as or, and == "" as empty', () => {
    assert.deepEqual(parseExpression('Q1 == "" || Q2 != ""', 'limesurvey'), {
      join: 'or',
      terms: [
        { variable: 'Q1', op: 'empty' },
        { variable: 'Q2', op: 'notempty' },
      ],
    })
  })

  it('names the function it cannot translate', () => {
    assert.equal(errorOf(parseExpression('sum(Q1, Q2) > 10', 'limesurvey')), 'it contains the function sum()')
    assert.match(errorOf(parseExpression('Q1.shown == "Ja"', 'limesurvey')), /variable Q1.shown/)
  })
})

describe('translateCondition', () => {
  const targets = new Map<string, Target>([
    ['cijfer', { code: 'cijfer', type: 'grade' }],
    [
      'kanaal',
      {
        code: 'kanaal',
        type: 'single',
        values: new Map([
          ['A1', 'a1'],
          ['A2', 'a2'],
        ]),
      },
    ],
    [
      'wacht',
      {
        code: 'wacht',
        type: 'single',
        values: new Map([
          ['1', 'o_1'],
          ['2', 'o_2'],
          ['3', 'o_3'],
        ]),
      },
    ],
    ['onderwerp', { code: 'onderwerp', type: 'multiple', values: new Map([['pas', 'paspoort']]) }],
    ['onderwerp_SQ001', { code: 'onderwerp', type: 'multiple', flag: 'paspoort' }],
    [
      'ok',
      {
        code: 'ok',
        type: 'yes_no',
        values: new Map([
          ['Y', true],
          ['N', false],
        ]),
      },
    ],
  ])
  const translate = (src: string, dialect: 'surveyjs' | 'limesurvey' = 'limesurvey') => {
    const parsed = parseExpression(src, dialect)
    assert.ok(!('error' in parsed))
    return translateCondition(parsed, targets)
  }

  it('maps source answer values to Klankbord option codes and booleans', () => {
    assert.deepEqual(translate('kanaal == "A2" and ok == "N"'), {
      visibleIf: {
        all: [
          { question: 'kanaal', op: 'equals', value: 'a2' },
          { question: 'ok', op: 'equals', value: false },
        ],
      },
    })
  })

  it('turns < and > into <= and >= on whole numbers', () => {
    assert.deepEqual(translate('cijfer < 6 or cijfer > 8'), {
      visibleIf: {
        any: [
          { question: 'cijfer', op: 'lte', value: 5 },
          { question: 'cijfer', op: 'gte', value: 9 },
        ],
      },
    })
  })

  it('lists the options of a choice with numeric values for a comparison', () => {
    assert.deepEqual(translate('{wacht} >= 2', 'surveyjs'), {
      visibleIf: { all: [{ question: 'wacht', op: 'in', value: ['o_2', 'o_3'] }] },
    })
  })

  it('tests multiple-choice answers with in / not_in, also through LimeSurvey option variables', () => {
    assert.deepEqual(translate("{onderwerp} contains 'pas'", 'surveyjs'), {
      visibleIf: { all: [{ question: 'onderwerp', op: 'in', value: ['paspoort'] }] },
    })
    assert.deepEqual(translate('onderwerp_SQ001 == "Y" and !is_empty(cijfer)'), {
      visibleIf: {
        all: [
          { question: 'onderwerp', op: 'in', value: ['paspoort'] },
          { question: 'cijfer', op: 'answered' },
        ],
      },
    })
  })

  it('refuses unknown questions, impossible values and comparisons outside the scale', () => {
    assert.match(errorOf(translate('later == "A1"')), /later, which is not an earlier imported question/)
    assert.match(errorOf(translate('kanaal == "A9"')), /"A9" is not an answer kanaal can have/)
    assert.match(errorOf(translate('cijfer > 10')), /always or never true/)
    assert.match(errorOf(translate('kanaal > 1')), /not a numeric question/)
  })
})

describe('andExpressions', () => {
  it('joins a panel condition and a question condition, or passes one on', () => {
    assert.equal(andExpressions('{a} = 1', '{b} = 2'), '({a} = 1) and ({b} = 2)')
    assert.equal(andExpressions(undefined, '{b} = 2'), '{b} = 2')
    assert.equal(andExpressions('{a} = 1', undefined), '{a} = 1')
  })
})

function errorOf(result: object): string {
  assert.ok('error' in result, `expected an error, got ${JSON.stringify(result)}`)
  return (result as { error: string }).error
}
