import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { everyTypeSurvey } from '../../../../test/fixtures/every-type-survey.ts'
import { SurveyDefinition } from '../../surveys/definition/schema.ts'
import { interviewQuestion } from './interview-wording.ts'

describe('interviewer wording', () => {
  const questions = SurveyDefinition.parse(everyTypeSurvey()).pages.flatMap((p) => p.questions)

  it('keeps the question words and code, and adds "Lees voor:" and how to ask for every type', () => {
    for (const q of questions) {
      const iq = interviewQuestion(q)
      assert.equal(iq.code, q.code)
      assert.equal(iq.type, q.type)
      assert.equal(iq.text.nl, `Lees voor: ${q.text.nl}`)
      assert.match(iq.help?.nl ?? '', /^.*Voor u: \S/)
      if (q.help) assert.ok(iq.help?.nl.startsWith(q.help.nl), 'the original help comes first')
    }
  })

  it('tells the interviewer to tick consent only on a clear "ja"', () => {
    const consent = questions.find((q) => q.type === 'consent')
    assert.ok(consent)
    assert.match(interviewQuestion(consent).help?.nl ?? '', /alleen aan als de persoon zelf duidelijk "ja"/)
  })
})
