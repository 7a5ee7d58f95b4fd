/** The response presenter alone (pure): what a role with and without personal access gets. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { newId } from '../../platform/db/ids.ts'
import type { QuestionKind } from '../surveys/schema.ts'
import type { StoredAnswerRow } from './list-responses.ts'
import { presentResponse } from './present.ts'

describe('the response presenter', () => {
  const row = (code: string, kind: QuestionKind, stored: Partial<StoredAnswerRow>): StoredAnswerRow => ({
    ...{ code, kind, item: 0, numericValue: null, optionCode: null, detailCode: null, textValue: null },
    ...{ dateValue: null, ...stored },
  })
  const stored = () => ({
    id: newId(),
    surveyId: newId(),
    surveyVersion: 1,
    status: 'complete' as const,
    submittedAt: new Date('2026-03-02T10:00:00Z'),
    language: 'nl',
    channel: 'balie',
    product: null,
    caseReference: 'Z-9',
    collectionMode: 'self' as const,
    answers: [
      row('cijfer', 'grade', { numericValue: 7 }),
      row('waarom', 'open', { textValue: 'Mijn buurman, Jan Jansen, hielp mij.' }),
      row('reden', 'single', { optionCode: 'other', textValue: 'Mijn rijbewijs van Jan' }),
    ],
  })

  it('leaves out open text, the "other" text and the case reference for a role without personal access', () => {
    const out = presentResponse(stored(), false)
    assert.deepEqual(out.answers, { cijfer: 7, reden: { value: 'other' } })
    assert.ok(!('caseReference' in out))
    assert.ok(!JSON.stringify(out).includes('Jan'))
  })

  it('includes them for a role with personal access', () => {
    const out = presentResponse(stored(), true)
    assert.deepEqual(out.answers, {
      cijfer: 7,
      waarom: 'Mijn buurman, Jan Jansen, hielp mij.',
      reden: { value: 'other', other: 'Mijn rijbewijs van Jan' },
    })
    assert.equal(out.caseReference, 'Z-9')
  })
})
