import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { applyCoreLinks } from '../definition/core-links.ts'
import { SurveyDefinition } from '../definition/schema.ts'
import { KERN_REFERENCE } from '../kern-reference.ts'
import { newCoreQuestion } from './add-core-question.ts'

describe('adding a core question in the editor', () => {
  it('makes the rapportcijfer a required grade question with the core wording, help and link', () => {
    assert.deepEqual(newCoreQuestion('kern.rapportcijfer@1', new Set()), {
      code: 'rapportcijfer',
      type: 'grade',
      text: { nl: 'Welk cijfer geeft u ons voor hoe wij u hebben geholpen?' },
      help: { nl: '1 is heel slecht, 10 is uitstekend.' },
      required: true,
      core: { block: 'kern.rapportcijfer', version: 1 },
    })
  })

  it('numbers the code when the survey already uses it, and the link still holds', () => {
    const q = newCoreQuestion('kern.meedenken@1', new Set(['meedenken']))
    assert.equal(q?.code, 'meedenken_2')
    const def = SurveyDefinition.parse({
      format: 'klankbord.survey/1',
      title: { nl: 'T' },
      pages: [{ questions: [q] }],
    })
    const r = applyCoreLinks(def, KERN_REFERENCE)
    assert.deepEqual([r.errors, r.notices], [[], []])
  })

  it('gives nothing for a bouwblok without a question, an unknown version or a malformed value', () => {
    for (const v of ['kern.doorlooptijd@1', 'kern.snelheid@2', 'kern.snelheid', '', 'kern.x@1'])
      assert.equal(newCoreQuestion(v, new Set()), null, v)
  })
})
