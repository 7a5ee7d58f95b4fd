import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { checkDefinition } from './check.ts'
import { type AnswerValue, visibleQuestions } from './logic.ts'
import type { SurveyDefinitionInput } from './schema.ts'
import { standardDefinition } from './standard.ts'

function survey(questions: unknown[], extra: Partial<SurveyDefinitionInput> = {}): unknown {
  return { format: 'klankbord.survey/1', title: { nl: 'Test' }, pages: [{ questions }], ...extra }
}

const grade = { code: 'cijfer', type: 'grade', text: { nl: 'Welk cijfer?' }, required: true }

describe('the survey definition format', () => {
  it('accepts the standard survey, with every question type the thin slice uses', () => {
    const r = checkDefinition(standardDefinition())
    assert.equal(r.ok, true, JSON.stringify(!r.ok && r.errors))
  })

  it('accepts one question of every type', () => {
    const all = [
      grade,
      { code: 'eens', type: 'agreement', text: { nl: 'Ik werd snel geholpen.' } },
      { code: 'moeite', type: 'ces', text: { nl: 'Hoe makkelijk was het?' } },
      { code: 'aanbevelen', type: 'nps', text: { nl: 'Zou u ons aanraden?' } },
      {
        code: 'smiley',
        type: 'smileys',
        text: { nl: 'Hoe was het?' },
        reasons: { negative: [{ code: 'wachten', text: { nl: 'Lang wachten' } }] },
      },
      {
        code: 'kanaal',
        type: 'single',
        text: { nl: 'Hoe nam u contact op?' },
        options: [
          { code: 'balie', text: { nl: 'Balie' } },
          { code: 'web', text: { nl: 'Website' } },
        ],
        other: true,
      },
      {
        code: 'onderwerp',
        type: 'multiple',
        text: { nl: 'Waarover?' },
        options: [
          { code: 'a', text: { nl: 'A' } },
          { code: 'b', text: { nl: 'B' } },
        ],
        maxChoices: 2,
      },
      { code: 'waarom', type: 'open', text: { nl: 'Waarom?' }, maxLength: 500 },
      { code: 'opgelost', type: 'yes_no', text: { nl: 'Is het opgelost?' } },
      { code: 'datum', type: 'date', text: { nl: 'Wanneer?' }, min: '2020-01-01', max: '2030-12-31' },
      {
        code: 'terugbellen',
        type: 'consent',
        purpose: 'recontact',
        text: { nl: 'U mag mij bellen over mijn antwoorden.' },
      },
    ]
    const r = checkDefinition(survey(all, { languages: ['nl', 'en'] }))
    assert.equal(r.ok, true, JSON.stringify(!r.ok && r.errors))
    // Every question lacks English text: one warning each, but the survey is valid (Dutch is the fallback).
    assert.equal(r.warnings.length, all.length)
  })

  it('reports every problem at once with its path', () => {
    const r = checkDefinition(
      survey([
        grade,
        { code: 'cijfer', type: 'yes_no', text: { nl: 'Dubbel' } },
        {
          code: 'later',
          type: 'open',
          text: { nl: 'Toon als' },
          visibleIf: { all: [{ question: 'nog_niet', op: 'answered' }] },
        },
        {
          code: 'fout',
          type: 'open',
          text: { nl: 'Toon als' },
          visibleIf: { all: [{ question: 'cijfer', op: 'lte', value: 'laag' }] },
        },
        {
          code: 'buiten',
          type: 'open',
          text: { nl: 'Toon als' },
          visibleIf: { any: [{ question: 'cijfer', op: 'equals', value: 11 }] },
        },
        { code: 'nog_niet', type: 'yes_no', text: { nl: 'Te laat' } },
        {
          code: 'keuze',
          type: 'single',
          text: { nl: 'Kies' },
          options: [
            { code: 'a', text: { nl: 'A' } },
            { code: 'a', text: { nl: 'B' } },
          ],
        },
        { code: 'akkoord1', type: 'consent', purpose: 'panel', text: { nl: 'Panel' } },
        { code: 'akkoord2', type: 'consent', purpose: 'panel', text: { nl: 'Panel' } },
      ]),
    )
    assert.equal(r.ok, false)
    const names = !r.ok ? r.errors.map((e) => e.name).sort() : []
    assert.deepEqual(names, [
      'pages.0.questions.1.code',
      'pages.0.questions.2.visibleIf.0.question',
      'pages.0.questions.3.visibleIf.0.value',
      'pages.0.questions.4.visibleIf.0.value',
      'pages.0.questions.6.options',
      'pages.0.questions.8.purpose',
    ])
  })

  it('refuses a definition without Dutch text, a wrong format or an unknown question type', () => {
    for (const bad of [
      survey([{ code: 'x', type: 'grade', text: { en: 'Grade?' } }]),
      { ...(survey([grade]) as object), format: 'surveyjs' },
      survey([{ code: 'x', type: 'slider', text: { nl: 'Schuif' } }]),
      survey([grade], { languages: ['en'] }),
    ]) {
      const r = checkDefinition(bad)
      assert.equal(r.ok, false)
    }
  })
})

describe('show and hide logic', () => {
  const def = checkDefinition(
    survey([
      grade,
      {
        code: 'waarom_laag',
        type: 'open',
        text: { nl: 'Wat ging er mis?' },
        visibleIf: { all: [{ question: 'cijfer', op: 'lte', value: 5 }] },
      },
      {
        code: 'contact',
        type: 'yes_no',
        text: { nl: 'Mogen wij bellen?' },
        visibleIf: { all: [{ question: 'waarom_laag', op: 'answered' }] },
      },
      {
        code: 'tevreden',
        type: 'open',
        text: { nl: 'Wat ging goed?' },
        visibleIf: { any: [{ question: 'cijfer', op: 'gte', value: 8 }] },
      },
    ]),
  )
  assert.ok(def.ok)
  const definition = def.ok ? def.definition : (undefined as never)

  it('shows follow-up questions only when their condition holds, and cascades hiding', () => {
    assert.deepEqual(
      [...visibleQuestions(definition, { cijfer: 4, waarom_laag: 'Wachten' })],
      ['cijfer', 'waarom_laag', 'contact'],
    )
    // With a high grade the low-grade question hides, so its (stale) answer no longer shows "contact".
    assert.deepEqual(
      [...visibleQuestions(definition, { cijfer: 9, waarom_laag: 'Wachten' })],
      ['cijfer', 'tevreden'],
    )
    assert.deepEqual([...visibleQuestions(definition, {})], ['cijfer'])
  })

  it('agrees with a direct reading of the rules for every grade and answer combination', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 1, max: 10 })), fc.option(fc.string()), (g, why) => {
        const answers: Record<string, AnswerValue> = { cijfer: g ?? undefined, waarom_laag: why ?? undefined }
        const v = visibleQuestions(definition, answers)
        const low = g !== null && g <= 5
        assert.equal(v.has('waarom_laag'), low)
        assert.equal(v.has('contact'), low && why !== null && why !== '')
        assert.equal(v.has('tevreden'), g !== null && g >= 8)
      }),
    )
  })
})
