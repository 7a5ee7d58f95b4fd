/**
 * The kern template as the surveys capability sees it: the reference data that core links point to.
 * One place, so the standard survey, the editor and the checks on save read the same bouwblokken.
 */
import { KERN_BLOCKS, KERN_SCALES, KERN_TEMPLATE } from '../measurement/index.ts'
import type { CoreBlockRef, CoreReference } from './definition/core-links.ts'

/** The bouwblokken and scales of kern, for applyCoreLinks and the editor. */
export const KERN_REFERENCE: CoreReference = { blocks: KERN_BLOCKS, scales: KERN_SCALES }

/** The bouwblok versions of the kern template (in template order) that have a core question. */
export function kernQuestionBlocks(): CoreBlockRef[] {
  return KERN_TEMPLATE.blocks
    .map((tb) => KERN_BLOCKS.find((b) => b.id === tb.blockId && b.version === tb.blockVersion))
    .filter((b): b is (typeof KERN_BLOCKS)[number] => !!b && b.questions.length > 0)
}

/** The bouwblok version the kern template uses for a block id (for example kern.rapportcijfer). */
export function kernBlock(id: string): CoreBlockRef {
  const version = KERN_TEMPLATE.blocks.find((b) => b.blockId === id)?.blockVersion
  const block = KERN_BLOCKS.find((b) => b.id === id && b.version === version)
  if (!block) throw new Error(`${id} is not a bouwblok of the kern template`)
  return block
}
