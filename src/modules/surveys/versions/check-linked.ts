/**
 * The check every stored definition passes (save, create, import): the format rules of checkDefinition,
 * then the core links against the kern template. Links that no longer match are dropped before storing,
 * so a stored definition and the `question` rows published from it never claim a core question they do
 * not ask; the caller reports the notices.
 */
import type { InvalidParam } from '../../../platform/errors.ts'
import { checkDefinition } from '../definition/check.ts'
import { applyCoreLinks, type CoreLinkNotice } from '../definition/core-links.ts'
import type { SurveyDefinition } from '../definition/schema.ts'
import { KERN_REFERENCE } from '../kern-reference.ts'

/** Outcome: the definition to store with its warnings and dropped links, or every error. */
export type LinkedCheck =
  | { ok: true; definition: SurveyDefinition; warnings: InvalidParam[]; coreNotices: CoreLinkNotice[] }
  | { ok: false; errors: InvalidParam[]; warnings: InvalidParam[] }

/** Checks a definition and applies the core-link rules (definition/core-links.ts). */
export function checkLinkedDefinition(input: unknown): LinkedCheck {
  const checked = checkDefinition(input)
  if (!checked.ok) return checked
  const linked = applyCoreLinks(checked.definition, KERN_REFERENCE)
  if (linked.errors.length) return { ok: false, errors: linked.errors, warnings: checked.warnings }
  return { ok: true, definition: linked.definition, warnings: checked.warnings, coreNotices: linked.notices }
}
