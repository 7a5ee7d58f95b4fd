import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SurveyDefinition, standardDefinition } from '../../surveys/index.ts'
import { pageFeedbackDefinition } from '../page-feedback-template.ts'
import { followUpAfter, widgetShape } from './widget-shape.ts'

const feedback = () => SurveyDefinition.parse(pageFeedbackDefinition())

describe('which surveys the widget can show', () => {
  it('accepts the Paginafeedback template, with the page field as touchpoint', () => {
    const shape = widgetShape(feedback())
    assert.ok(shape.ok)
    assert.equal(shape.question.code, 'nuttig')
    assert.equal(shape.touchpointCode, 'pagina')
    assert.deepEqual(
      shape.followUp.map((q) => q.code),
      ['verbeteren', 'goed'],
    )
  })

  it('asks what to improve after Nee and what was good after Ja', () => {
    const def = feedback()
    const shape = widgetShape(def)
    assert.ok(shape.ok)
    assert.deepEqual(
      followUpAfter(def, shape, false).map((q) => q.code),
      ['verbeteren'],
    )
    assert.deepEqual(
      followUpAfter(def, shape, true).map((q) => q.code),
      ['goed'],
    )
  })

  it('refuses the standard survey and names every reason', () => {
    const shape = widgetShape(SurveyDefinition.parse(standardDefinition()))
    assert.equal(shape.ok, false)
    assert.ok(!shape.ok && shape.problems.some((p) => p.includes('ja/nee-vraag')))
    assert.ok(!shape.ok && shape.problems.some((p) => p.includes('hoogstens 3')))
  })

  it('refuses a required follow-up and a survey without a page field', () => {
    const def = feedback()
    const page = def.pages[0]
    assert.ok(page)
    const second = page.questions[1]
    assert.ok(second)
    second.required = true
    def.hidden = def.hidden.filter((h) => h.source !== 'touchpoint')
    const shape = widgetShape(def)
    assert.equal(shape.ok, false)
    assert.equal(shape.ok ? 0 : shape.problems.length, 2)
  })
})
