/**
 * Which `question` rows hold the outcome KPI (the rapportcijfer) that the overview and the doorlooptijd
 * comparison average. Rule (docs/measurement-model.md, "Comparability"):
 * 1. a question linked to the rapportcijfer bouwblok, in the version the kern template uses: its answers
 *    are comparable whatever the survey and whatever the question's code;
 * 2. fallback for rows published before questions carried core links: an unlinked grade question coded
 *    `rapportcijfer` whose Dutch text is the core question's text word for word (the standard survey
 *    always asked it so). A rapportcijfer question whose wording was changed is an eigen vraag and is not
 *    counted, old or new: its answers measure something else.
 * A later rapportcijfer version is counted once the kern template moves to it; mixing two versions in one
 * trend is then a product decision, not something this query does silently.
 */
import { type RawBuilder, sql } from 'kysely'
import { KERN_BLOCKS, KERN_TEMPLATE } from '../measurement/index.ts'

const BLOCK_ID = 'kern.rapportcijfer'
const version = KERN_TEMPLATE.blocks.find((b) => b.blockId === BLOCK_ID)?.blockVersion
const block = KERN_BLOCKS.find((b) => b.id === BLOCK_ID && b.version === version)
const core = block?.questions[0]
if (!block || !core) throw new Error(`the kern template has no ${BLOCK_ID} question`)

/** The bouwblok version and core question the outcome KPI is read from. */
export const OUTCOME_QUESTION = { block: block.id, version: block.version, code: core.code, text: core.text }

/** SQL condition: the question row with alias `q` holds the outcome KPI (see the rule above). */
export function isOutcomeQuestion(q: string): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${q}.${name}`)
  return sql<boolean>`((${col('core_block')} = ${OUTCOME_QUESTION.block} AND ${col('core_version')} = ${OUTCOME_QUESTION.version})
    OR (${col('core_block')} IS NULL AND ${col('kind')} = 'grade' AND ${col('code')} = ${OUTCOME_QUESTION.code}
        AND ${col('text_nl')} = ${OUTCOME_QUESTION.text}))`
}
