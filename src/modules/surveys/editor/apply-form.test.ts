import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkDefinition } from '../definition/check.ts'
import { SurveyDefinition } from '../definition/schema.ts'
import { applyEditorForm, optionLines } from './apply-form.ts'

const def = SurveyDefinition.parse({
  format: 'klankbord.survey/1',
  title: { nl: 'Titel', en: 'Title' },
  languages: ['nl', 'en'],
  pages: [
    {
      questions: [
        { code: 'cijfer', type: 'grade', text: { nl: 'Cijfer?', en: 'Grade?' }, required: true },
        {
          code: 'reden',
          type: 'single',
          text: { nl: 'Waarom kwam u?' },
          options: [
            { code: 'paspoort', text: { nl: 'Paspoort', en: 'Passport' } },
            { code: 'rijbewijs', text: { nl: 'Rijbewijs' } },
          ],
        },
      ],
    },
    { questions: [{ code: 'waarom', type: 'open', text: { nl: 'Toelichting' } }] },
  ],
})

/** The fields the editor page posts for `def` unchanged (checked boxes only). */
function unchangedForm(): Record<string, string> {
  return {
    title: 'Titel',
    'title-en': 'Title',
    'q0-text': 'Cijfer?',
    'q0-text-en': 'Grade?',
    'q0-required': 'on',
    'q1-text': 'Waarom kwam u?',
    'q1-options': optionLines(def.pages[0]?.questions[1] as never),
    'q2-text': 'Toelichting',
    'q2-page': 'on',
  }
}

const codes = (d: unknown) => (d as SurveyDefinition).pages.map((p) => p.questions.map((q) => q.code))

describe('the editor form applied to a draft', () => {
  it('gives back the same definition when nothing was changed', () => {
    const out = applyEditorForm(def, { ...unchangedForm(), _action: 'save' })
    const checked = checkDefinition(out)
    assert.ok(checked.ok)
    assert.deepEqual(checked.definition, def)
  })

  it('moves, deletes and adds questions, keeping page breaks where the form says', () => {
    assert.deepEqual(codes(applyEditorForm(def, { ...unchangedForm(), _action: 'down:0' })), [
      ['reden', 'cijfer'],
      ['waarom'],
    ])
    assert.deepEqual(codes(applyEditorForm(def, { ...unchangedForm(), _action: 'delete:1' })), [
      ['cijfer'],
      ['waarom'],
    ])
    const added = applyEditorForm(def, {
      ...unchangedForm(),
      _action: 'add',
      'new-type': 'multiple',
      'new-text': 'Hoe kwam u?',
    })
    assert.deepEqual(codes(added), [
      ['cijfer', 'reden'],
      ['waarom', 'hoe_kwam_u'],
    ])
    assert.ok(checkDefinition(added).ok)
  })

  it('keeps translations of options and reads new option lines, with codes made from the text', () => {
    const out = applyEditorForm(def, {
      ...unchangedForm(),
      'q1-options': 'paspoort = Paspoort of ID-kaart\nUittreksel BRP',
    }) as SurveyDefinition
    const q = out.pages[0]?.questions[1]
    assert.ok(q && 'options' in q)
    assert.deepEqual(q.options, [
      { code: 'paspoort', text: { nl: 'Paspoort of ID-kaart', en: 'Passport' } },
      { code: 'uittreksel_brp', text: { nl: 'Uittreksel BRP' } },
    ])
  })

  it('clears a translation that was emptied and unticks required', () => {
    const out = applyEditorForm(def, {
      ...unchangedForm(),
      'q0-text-en': '',
      'q0-required': '',
    }) as SurveyDefinition
    assert.deepEqual(out.pages[0]?.questions[0]?.text, { nl: 'Cijfer?' })
    assert.equal(out.pages[0]?.questions[0]?.required, false)
  })

  it('replaces everything from the JSON field, and reports JSON that does not parse', () => {
    const json = JSON.stringify({ ...def, title: { nl: 'Nieuw' } })
    assert.equal((applyEditorForm(def, { _action: 'json', json }) as SurveyDefinition).title.nl, 'Nieuw')
    assert.ok('__invalidJson' in (applyEditorForm(def, { _action: 'json', json: '{' }) as object))
  })
})
