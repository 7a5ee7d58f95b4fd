import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { visibleQuestions } from '../definition/logic.ts'
import { SurveyDefinition } from '../definition/schema.ts'
import { previewCarry, previewLogic } from './preview-answers.ts'

const def = SurveyDefinition.parse({
  format: 'klankbord.survey/1',
  title: { nl: 'Voorbeeld' },
  pages: [
    {
      questions: [
        { code: 'cijfer', type: 'grade', text: { nl: 'Cijfer?' } },
        {
          code: 'hoe',
          type: 'multiple',
          text: { nl: 'Hoe?' },
          options: [
            { code: 'balie', text: { nl: 'Balie' } },
            { code: 'web', text: { nl: 'Website' } },
          ],
        },
      ],
    },
    {
      questions: [
        {
          code: 'mis',
          type: 'open',
          text: { nl: 'Wat ging mis?' },
          visibleIf: { all: [{ question: 'cijfer', op: 'lte', value: 5 }] },
        },
      ],
    },
  ],
})

describe('answers in the staff preview', () => {
  it('shows a question only when the answers typed in the preview meet its condition', () => {
    assert.ok(visibleQuestions(def, previewLogic(def, { cijfer: ['4'] })).has('mis'))
    assert.ok(!visibleQuestions(def, previewLogic(def, { cijfer: ['8'] })).has('mis'))
    assert.ok(!visibleQuestions(def, previewLogic(def, { cijfer: ['geen cijfer'] })).has('mis'))
  })

  it('carries the answers of other screens, every value of a multiple choice, but not this screen', () => {
    const query = { cijfer: ['4'], hoe: ['balie', 'web'], taal: ['nl'], scherm: ['1'], mis: ['x'] }
    const screen = def.pages[1]?.questions ?? []
    assert.deepEqual(previewCarry(def, query, screen), [
      ['cijfer', '4'],
      ['hoe', 'balie'],
      ['hoe', 'web'],
    ])
  })
})
