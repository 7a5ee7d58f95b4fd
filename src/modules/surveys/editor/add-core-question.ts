/**
 * The editor's "Kernvraag toevoegen": a core question of the kern template as a survey question, with
 * the wording, help, answer scale, drijfveer and core link of its bouwblok version (pure). The select
 * posts `new-core` as "<block>@<version>" (for example kern.snelheid@1).
 */
import { findCoreBlock } from '../definition/core-links.ts'
import type { Question } from '../definition/schema.ts'
import { toCode } from '../import/sanitise.ts'
import { KERN_REFERENCE } from '../kern-reference.ts'

/**
 * The question for a posted `new-core` value, or null when the value names no core question. The code
 * is the core question's code, numbered when the survey already uses it (the code is not part of the
 * match, so the link holds). The KPI question (rapportcijfer) is required, as in the standard survey.
 */
export function newCoreQuestion(value: string, taken: Set<string>): Question | null {
  const m = /^(kern\.[a-z0-9_]+)@(\d+)$/.exec(value)
  if (!m) return null
  const block = findCoreBlock(KERN_REFERENCE, m[1] as string, Number(m[2]))
  const core = block?.questions[0]
  if (!block || !core) return null
  const scale = KERN_REFERENCE.scales.find((s) => s.id === core.scale.id && s.version === core.scale.version)
  if (!scale) return null
  const base = {
    code: toCode(core.code, taken, 'vraag'),
    text: { nl: core.text },
    ...(core.help ? { help: { nl: core.help } } : {}),
    required: block.kind === 'kpi',
    ...(block.kind === 'driver' ? { driver: block.code } : {}),
    core: { block: block.id, version: block.version },
  }
  return scale.kind === 'grade'
    ? { ...base, type: 'grade' }
    : { ...base, type: 'agreement', dontKnow: scale.dontKnow }
}
