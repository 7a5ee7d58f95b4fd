import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SurveyDefinition } from '../../surveys/index.ts'
import { kioskQuestion, reasonsFor } from './kiosk-question.ts'

const definition = (questions: unknown[]) =>
  SurveyDefinition.parse({ format: 'klankbord.survey/1', title: { nl: 'T' }, pages: [{ questions }] })

describe('kioskQuestion', () => {
  it('is the first smiley question that is always shown', () => {
    const q = kioskQuestion(
      definition([
        { code: 'cijfer', type: 'grade', text: { nl: 'Cijfer' } },
        {
          code: 'eerst',
          type: 'smileys',
          text: { nl: 'Eerst' },
          visibleIf: { all: [{ question: 'cijfer', op: 'lte', value: 5 }] },
        },
        {
          code: 'gevoel',
          type: 'smileys',
          text: { nl: 'Gevoel' },
          reasons: { negative: [{ code: 'wacht', text: { nl: 'Wachten' } }] },
        },
      ]),
    )
    assert.equal(q?.code, 'gevoel')
    assert.deepEqual(
      reasonsFor(q as NonNullable<typeof q>, 'negative').map((r) => r.code),
      ['wacht'],
    )
    assert.deepEqual(reasonsFor(q as NonNullable<typeof q>, 'positive'), [])
  })

  it('is null for a survey without a smiley question', () => {
    assert.equal(kioskQuestion(definition([{ code: 'cijfer', type: 'grade', text: { nl: 'Cijfer' } }])), null)
  })
})
