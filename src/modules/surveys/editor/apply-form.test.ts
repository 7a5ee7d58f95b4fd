import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkDefinition } from '../definition/check.ts'
import { type Condition, type Question, SurveyDefinition } from '../definition/schema.ts'
import { ConditionFields, SmileyReasonFields } from '../pages/condition-fields.tsx'
import { SurveySettingsFields } from '../pages/survey-settings-fields.tsx'
import { applyEditorForm, optionLines } from './apply-form.ts'
import { allQuestions, formatConditionValue } from './condition-form.ts'
import { logicFieldFor } from './logic-field-for.ts'

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

/** A survey with conditions, smiley reasons, hidden fields and two languages, as the editor shows it. */
const logicDef = SurveyDefinition.parse({
  format: 'klankbord.survey/1',
  title: { nl: 'Balie' },
  languages: ['nl', 'en'],
  hidden: [{ code: 'kanaal', source: 'channel', queryParam: 'kanaal' }],
  pages: [
    {
      shuffleStatements: true,
      questions: [
        { code: 'cijfer', type: 'grade', text: { nl: 'Cijfer?' } },
        {
          code: 'gevoel',
          type: 'smileys',
          text: { nl: 'Hoe was het?' },
          reasons: { negative: [{ code: 'wachten', text: { nl: 'Lang wachten', en: 'Long wait' } }] },
        },
        {
          code: 'reden',
          type: 'single',
          text: { nl: 'Waarvoor kwam u?' },
          options: [
            { code: 'paspoort', text: { nl: 'Paspoort' } },
            { code: 'rijbewijs', text: { nl: 'Rijbewijs' } },
          ],
        },
        { code: 'eerste', type: 'yes_no', text: { nl: 'Eerste keer?' } },
        { code: 'snel', type: 'agreement', text: { nl: 'Ik werd snel geholpen.' } },
      ],
    },
    {
      questions: [
        {
          code: 'waarom',
          type: 'open',
          text: { nl: 'Wat ging er mis?' },
          visibleIf: { all: [{ question: 'cijfer', op: 'lte', value: 5 }] },
        },
      ],
    },
  ],
})

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** What a browser posts for rendered HTML: text fields, ticked boxes and radios, selected options. */
function posted(html: string): Record<string, string> {
  const form: Record<string, string> = {}
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    form[m[1] as string] = unescape(m[2] as string)
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] as string
    const name = /name="([^"]+)"/.exec(attrs)?.[1]
    const type = /type="([^"]+)"/.exec(attrs)?.[1]
    if (!name) continue
    if ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(attrs)) continue
    form[name] = unescape(/value="([^"]*)"/.exec(attrs)?.[1] ?? 'on')
  }
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const options = [...(m[2] as string).matchAll(/<option value="([^"]*)"([^>]*)>/g)]
    const chosen = options.find((o) => /selected/.test(o[2] as string)) ?? options[0]
    form[m[1] as string] = unescape(chosen?.[1] ?? '')
  }
  return form
}

/** The editor's fields for `d` as rendered by the page components (conditions, reasons, settings). */
function renderedForm(d: SurveyDefinition): Record<string, string> {
  let html = String(SurveySettingsFields({ def: d, errorFor: () => undefined }))
  allQuestions(d).forEach((q, i) => {
    html += `<textarea name="q${i}-text">${q.text.nl}</textarea>`
    html += String(SmileyReasonFields({ q, index: i, errorFor: () => undefined }) ?? '')
    html += String(ConditionFields({ def: d, index: i, errorFor: () => undefined }) ?? '')
    if (q.required) html += `<input type="checkbox" name="q${i}-required" checked>`
    if (i > 0 && d.pages.some((p) => p.questions[0]?.code === q.code))
      html += `<input type="checkbox" name="q${i}-page" checked>`
  })
  return { title: d.title.nl, ...posted(html) }
}

const questionOf = (d: unknown, code: string) =>
  allQuestions(d as SurveyDefinition).find((q) => q.code === code) as Question

/** The editor fields the check's problems link to. */
function errorFields(d: unknown) {
  const checked = checkDefinition(d)
  assert.ok(!checked.ok, 'the check should fail')
  const shown = SurveyDefinition.safeParse(d)
  return checked.errors.map((e) => logicFieldFor(shown.success ? shown.data : logicDef, e.name))
}

describe('conditions, smiley reasons and survey settings in the editor form', () => {
  it('gives back the same definition from the rendered controls when nothing was changed', () => {
    const out = applyEditorForm(logicDef, { ...renderedForm(logicDef), _action: 'save' })
    const checked = checkDefinition(out)
    assert.ok(checked.ok)
    assert.deepEqual(checked.definition, logicDef)
  })

  it('shows a saved condition in Dutch, and offers only earlier questions and hidden fields', () => {
    const form = renderedForm(logicDef)
    assert.equal(form['q5-if0-question'], 'cijfer')
    assert.equal(form['q5-if0-op'], 'lte')
    assert.equal(form['q5-if0-value'], '5')
    assert.equal(form['q5-if-mode'], 'all')
    assert.equal(form['q5-if1-question'], '', 'one empty row to add a condition')
    const html = String(ConditionFields({ def: logicDef, index: 2, errorFor: () => undefined }))
    const offered = [...html.matchAll(/id="q2-if0-question"[\s\S]*?<\/select>/g)][0]?.[0] ?? ''
    const values = [...offered.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])
    assert.deepEqual(values, ['', 'cijfer', 'gevoel', 'kanaal'])
    assert.match(html, /<option value="in"[^>]*>is een van</)
  })

  it('adds a condition from the empty row, with values typed as staff read them', () => {
    const out = applyEditorForm(logicDef, {
      ...renderedForm(logicDef),
      'q5-if-mode': 'any',
      'q5-if1-question': 'reden',
      'q5-if1-op': 'in',
      'q5-if1-value': 'Paspoort, rijbewijs',
    })
    assert.ok(checkDefinition(out).ok)
    assert.deepEqual(questionOf(out, 'waarom').visibleIf, {
      any: [
        { question: 'cijfer', op: 'lte', value: 5 },
        { question: 'reden', op: 'in', value: ['paspoort', 'rijbewijs'] },
      ],
    })
    // …and back: the page shows the new condition the way it was typed, with a fresh empty row.
    const again = renderedForm(checkDefinition(out).ok ? (out as SurveyDefinition) : logicDef)
    assert.equal(again['q5-if1-value'], 'paspoort, rijbewijs')
    assert.equal(again['q5-if-mode'], 'any')
    assert.equal(again['q5-if2-question'], '')
  })

  it('reads ja/nee, smiley names and "weet ik niet", and needs no value for "is beantwoord"', () => {
    const cases: [string, string, string, unknown][] = [
      ['eerste', 'equals', 'ja', true],
      ['gevoel', 'not_equals', 'niet tevreden', 'negative'],
      ['snel', 'equals', 'weet ik niet', 'dont_know'],
      ['cijfer', 'gte', '8', 8],
      ['kanaal', 'equals', 'balie', 'balie'],
      ['reden', 'answered', 'genegeerd', undefined],
    ]
    for (const [question, op, value, expected] of cases) {
      const out = applyEditorForm(logicDef, {
        ...renderedForm(logicDef),
        'q5-if0-question': question,
        'q5-if0-op': op,
        'q5-if0-value': value,
      })
      assert.ok(checkDefinition(out).ok, `${question} ${op} ${value}`)
      const c = (questionOf(out, 'waarom').visibleIf as { all: Condition[] }).all[0]
      assert.deepEqual(c, { question, op, ...(expected === undefined ? {} : { value: expected }) })
      const shown = formatConditionValue(questionOf(out, question), c?.value)
      assert.equal(shown, expected === undefined ? '' : value)
    }
  })

  it('removes a condition with its button or by choosing no question', () => {
    const byButton = applyEditorForm(logicDef, { ...renderedForm(logicDef), _action: 'if-remove:5:0' })
    assert.equal(questionOf(byButton, 'waarom').visibleIf, undefined)
    const bySelect = applyEditorForm(logicDef, { ...renderedForm(logicDef), 'q5-if0-question': '' })
    assert.equal(questionOf(bySelect, 'waarom').visibleIf, undefined)
  })

  it('links check errors of a condition to the question and value fields of its row', () => {
    const later = applyEditorForm(logicDef, {
      ...renderedForm(logicDef),
      'q0-if-mode': 'all',
      'q0-if0-question': 'reden',
    })
    assert.deepEqual(errorFields(later), ['q0-if0-question'])
    const impossible = applyEditorForm(logicDef, { ...renderedForm(logicDef), 'q5-if0-value': '11' })
    assert.deepEqual(errorFields(impossible), ['q5-if0-value'])
    const notANumber = applyEditorForm(logicDef, { ...renderedForm(logicDef), 'q5-if0-value': 'laag' })
    assert.deepEqual(errorFields(notANumber), ['q5-if0-value'])
  })

  it('edits smiley reasons as code = tekst lines, keeping translations, and drops an emptied list', () => {
    assert.equal(renderedForm(logicDef)['q1-reasons-negative'], 'wachten = Lang wachten')
    const out = applyEditorForm(logicDef, {
      ...renderedForm(logicDef),
      'q1-reasons-negative': 'wachten = Ik moest lang wachten\nNiet geholpen',
      'q1-reasons-positive': 'vriendelijk = Vriendelijk',
    })
    assert.ok(checkDefinition(out).ok)
    assert.deepEqual((questionOf(out, 'gevoel') as { reasons?: unknown }).reasons, {
      negative: [
        { code: 'wachten', text: { nl: 'Ik moest lang wachten', en: 'Long wait' } },
        { code: 'niet_geholpen', text: { nl: 'Niet geholpen' } },
      ],
      positive: [{ code: 'vriendelijk', text: { nl: 'Vriendelijk' } }],
    })
    const none = applyEditorForm(logicDef, { ...renderedForm(logicDef), 'q1-reasons-negative': '' })
    assert.equal((questionOf(none, 'gevoel') as { reasons?: unknown }).reasons, undefined)
  })

  it('sets the languages: Dutch always first, English by its box, others by their code', () => {
    const form = renderedForm(logicDef)
    assert.equal(form['lang-en'], 'on')
    assert.equal(form['lang-nl'], undefined, 'the Dutch box is shown but cannot be unticked')
    const out = applyEditorForm(logicDef, { ...form, 'lang-en': '', 'lang-new': 'tr, AR' })
    assert.deepEqual((out as SurveyDefinition).languages, ['nl', 'tr', 'ar'])
    const bad = applyEditorForm(logicDef, { ...form, 'lang-new': 'turks' })
    assert.deepEqual(errorFields(bad), ['lang-new'])
  })

  it('adds, changes and removes hidden fields, and links a duplicate code to its row', () => {
    const form = renderedForm(logicDef)
    assert.deepEqual(
      [form['hidden0-code'], form['hidden0-source'], form['hidden0-param']],
      ['kanaal', 'channel', 'kanaal'],
    )
    const added = applyEditorForm(logicDef, {
      ...form,
      'hidden1-code': 'zaak',
      'hidden1-source': 'case_reference',
      'hidden1-param': 'z',
    })
    assert.ok(checkDefinition(added).ok)
    assert.deepEqual((added as SurveyDefinition).hidden, [
      { code: 'kanaal', source: 'channel', queryParam: 'kanaal' },
      { code: 'zaak', source: 'case_reference', queryParam: 'z' },
    ])
    const removed = applyEditorForm(logicDef, { ...form, _action: 'hidden-remove:0' })
    assert.deepEqual((removed as SurveyDefinition).hidden, [])
    const twice = applyEditorForm(logicDef, { ...form, 'hidden1-code': 'kanaal' })
    // check.ts reports the duplicate once per row; both problems point at the row that added it.
    assert.deepEqual([...new Set(errorFields(twice))], ['hidden1-code'])
  })

  it('turns statement shuffling and one question per screen on and off for the whole survey', () => {
    const form = renderedForm(logicDef)
    assert.equal(form['shuffleStatements-shown'], 'mixed')
    const kept = applyEditorForm(logicDef, form) as SurveyDefinition
    assert.deepEqual(
      kept.pages.map((p) => p.shuffleStatements),
      [true, false],
      'an untouched box keeps each page as it was',
    )
    const all = applyEditorForm(logicDef, { ...form, shuffleStatements: 'on', oneQuestionPerScreen: 'on' })
    assert.deepEqual(
      (all as SurveyDefinition).pages.map((p) => p.shuffleStatements),
      [true, true],
    )
    assert.equal((all as SurveyDefinition).oneQuestionPerScreen, true)
    const on = all as SurveyDefinition
    const off = applyEditorForm(on, { ...renderedForm(on), shuffleStatements: '' }) as SurveyDefinition
    assert.deepEqual(
      off.pages.map((p) => p.shuffleStatements),
      [false, false],
    )
  })
})
