import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { KERN_REFERENCE } from '../kern-reference.ts'
import { applyCoreLinks, coreNoticeEn, coreNoticeNl } from './core-links.ts'
import { SurveyDefinition, type SurveyDefinitionInput } from './schema.ts'
import { standardDefinition } from './standard.ts'

type QuestionInput = SurveyDefinitionInput['pages'][0]['questions'][0]

function survey(...questions: QuestionInput[]): SurveyDefinition {
  return SurveyDefinition.parse({
    format: 'klankbord.survey/1',
    title: { nl: 'Test' },
    pages: [{ questions }],
  })
}

const SNELHEID = { block: 'kern.snelheid', version: 1 }
const snelheid: QuestionInput = {
  code: 'snelheid',
  type: 'agreement',
  text: { nl: 'Ik werd snel geholpen.' },
  core: SNELHEID,
}
const links = (d: SurveyDefinition) => d.pages.flatMap((p) => p.questions.map((q) => q.core?.block ?? null))

describe('core links of a survey definition', () => {
  it('keeps every link of the standard survey: it asks the kern core questions word for word', () => {
    const r = applyCoreLinks(standardDefinition(), KERN_REFERENCE)
    assert.deepEqual(r.errors, [])
    assert.deepEqual(r.notices, [])
    assert.deepEqual(links(r.definition), [
      'kern.rapportcijfer',
      'kern.duidelijkheid',
      'kern.snelheid',
      'kern.deskundigheid',
      'kern.serieus_genomen',
      'kern.gemak',
      null,
      null,
    ])
  })

  it('keeps the link when only the code, translations, help or required differ', () => {
    const q = {
      ...snelheid,
      code: 'vlot',
      text: { nl: 'Ik  werd snel\ngeholpen. ', en: 'I was helped quickly.' },
      help: { nl: 'Denk aan de wachttijd aan de balie.' },
      required: true,
    }
    const r = applyCoreLinks(survey(q), KERN_REFERENCE)
    assert.deepEqual(r.notices, [])
    assert.deepEqual(r.definition.pages[0]?.questions[0]?.core, SNELHEID)
  })

  it('drops the link of a changed wording and says the question is now an eigen (lokale) vraag', () => {
    const r = applyCoreLinks(survey({ ...snelheid, text: { nl: 'Ik werd vlot geholpen.' } }), KERN_REFERENCE)
    assert.deepEqual(r.errors, [])
    assert.equal(r.definition.pages[0]?.questions[0]?.core, undefined)
    assert.deepEqual(r.notices, [
      { path: 'pages.0.questions.0', code: 'snelheid', block: 'kern.snelheid', version: 1, reason: 'text' },
    ])
    const nl = coreNoticeNl(r.notices[0] as never, KERN_REFERENCE)
    assert.match(nl, /^Vraag ‘snelheid’ is nu een eigen \(lokale\) vraag\. De tekst is anders/)
    assert.match(nl, /kernvraag Snelheid \(versie 1\)/)
    assert.match(coreNoticeEn(r.notices[0] as never), /now a local question/)
  })

  it('drops the link when the answer scale differs: another type, or agreement without "weet ik niet"', () => {
    const asCes = applyCoreLinks(survey({ ...snelheid, type: 'ces' } as QuestionInput), KERN_REFERENCE)
    assert.equal(asCes.notices[0]?.reason, 'scale')
    assert.equal(asCes.definition.pages[0]?.questions[0]?.core, undefined)
    const noDontKnow = applyCoreLinks(
      survey({ ...snelheid, dontKnow: false } as QuestionInput),
      KERN_REFERENCE,
    )
    assert.equal(noDontKnow.notices[0]?.reason, 'scale')
    const gradeAsAgreement = applyCoreLinks(
      survey({
        code: 'cijfer',
        type: 'agreement',
        text: { nl: 'Welk cijfer geeft u ons voor hoe wij u hebben geholpen?' },
        core: { block: 'kern.rapportcijfer', version: 1 },
      }),
      KERN_REFERENCE,
    )
    assert.equal(gradeAsAgreement.notices[0]?.reason, 'scale')
  })

  it('refuses a link to an unknown bouwblok or version, to a bouwblok without a question, and a second link', () => {
    const r = applyCoreLinks(
      survey(
        { ...snelheid, code: 'a', core: { block: 'kern.bestaat_niet', version: 1 } },
        { ...snelheid, code: 'b', core: { block: 'kern.snelheid', version: 2 } },
        { ...snelheid, code: 'c', core: { block: 'kern.doorlooptijd', version: 1 } },
        { ...snelheid, code: 'd' },
        { ...snelheid, code: 'e' },
      ),
      KERN_REFERENCE,
    )
    assert.deepEqual(
      r.errors.map((e) => e.name),
      [
        'pages.0.questions.0.core',
        'pages.0.questions.1.core',
        'pages.0.questions.2.core',
        'pages.0.questions.4.core',
      ],
    )
    assert.match(r.errors[1]?.reason ?? '', /kern\.snelheid version 2 is not a bouwblok/)
    assert.match(r.errors[3]?.reason ?? '', /already linked by question d/)
  })

  it('is idempotent: applying the rules to its own outcome changes nothing and reports nothing', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.boolean(), (text, keep) => {
        const nl = keep ? 'Ik werd snel geholpen.' : text.trim() || 'x'
        const once = applyCoreLinks(survey({ ...snelheid, text: { nl } }), KERN_REFERENCE)
        const twice = applyCoreLinks(once.definition, KERN_REFERENCE)
        assert.deepEqual(twice.definition, once.definition)
        assert.deepEqual(twice.notices, [])
        assert.equal(once.notices.length === 0, nl.replace(/\s+/g, ' ') === 'Ik werd snel geholpen.')
      }),
    )
  })
})
