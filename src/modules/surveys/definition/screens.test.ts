import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { visibleQuestions } from './logic.ts'
import { SurveyDefinition } from './schema.ts'
import { nextScreen, progressOf, screensOf } from './screens.ts'

const text = (nl: string) => ({ nl })
const def = (extra: Record<string, unknown> = {}) =>
  SurveyDefinition.parse({
    format: 'klankbord.survey/1',
    title: text('T'),
    pages: [
      {
        shuffleStatements: true,
        questions: [
          { code: 'cijfer', type: 'grade', text: text('Cijfer') },
          { code: 's1', type: 'agreement', text: text('S1') },
          { code: 's2', type: 'agreement', text: text('S2') },
          { code: 's3', type: 'agreement', text: text('S3') },
          { code: 's4', type: 'agreement', text: text('S4') },
          {
            code: 'waarom',
            type: 'open',
            text: text('Waarom?'),
            visibleIf: { all: [{ question: 'cijfer', op: 'lte', value: 5 }] },
          },
        ],
      },
      { questions: [{ code: 'slot', type: 'yes_no', text: text('Slot') }] },
    ],
    ...extra,
  })

describe('screens of a survey', () => {
  it('breaks a page before a question that depends on an answer on the same screen', () => {
    const screens = screensOf(def(), 'seed')
    assert.deepEqual(
      screens.map((s) => s.questions.map((q) => q.code).sort()),
      [['cijfer', 's1', 's2', 's3', 's4'], ['waarom'], ['slot']],
    )
  })

  it('skips the follow-up screen when logic hides it, and counts progress over visible screens', () => {
    const d = def()
    const screens = screensOf(d, 'seed')
    const high = visibleQuestions(d, { cijfer: 8 })
    assert.equal(nextScreen(screens, 0, high), 2)
    assert.deepEqual(progressOf(screens, 2, high), { current: 2, total: 2 })
    const low = visibleQuestions(d, { cijfer: 3 })
    assert.equal(nextScreen(screens, 0, low), 1)
    assert.deepEqual(progressOf(screens, 2, low), { current: 3, total: 3 })
  })

  it('shuffles only the statements, the same way for the same seed, and keeps the grade first', () => {
    const orders = new Set<string>()
    for (let i = 0; i < 30; i++) {
      const codes = screensOf(def(), `respondent-${i}`)[0]?.questions.map((q) => q.code) ?? []
      assert.equal(codes[0], 'cijfer')
      assert.deepEqual([...codes].sort(), ['cijfer', 's1', 's2', 's3', 's4'])
      assert.deepEqual(
        screensOf(def(), `respondent-${i}`)[0]?.questions.map((q) => q.code),
        codes,
      )
      orders.add(codes.join(','))
    }
    // 24 possible orders; 30 seeds landing on one or two would mean no real shuffle.
    assert.ok(orders.size >= 6, `only ${orders.size} orders`)
  })

  it('gives every question its own screen in one-question-per-screen mode', () => {
    assert.equal(screensOf(def({ oneQuestionPerScreen: true }), 'x').length, 7)
  })
})
