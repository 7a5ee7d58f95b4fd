/**
 * Use case: change the wording of stellingen in the draft. A core stelling with a new wording becomes
 * local and keeps a link to the core question it came from; changed back to the exact core wording, it
 * is core again (docs/measurement-model.md §4).
 */
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { WriteContext } from '../../platform/db/audit.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { inDraft, parse, wordingInput } from './edit-draft.ts'

/**
 * Changes the wording of stellingen in the draft, all in one transaction (one event per changed
 * stelling; unchanged ones are skipped). A core stelling with a new wording becomes local (core_*
 * keeps the link to where it came from); a local one whose wording equals its core question again
 * becomes core again. Returns the resulting origin per changed stelling.
 */
export async function changeStatementWordings(db: Kysely<Database>, ctx: WriteContext, input: unknown) {
  const v = parse(z.object({ changes: z.array(wordingInput).max(200) }), input)
  return inDraft(db, ctx, async (trx, draft) => {
    const ids = v.changes.map((c) => c.statementId)
    const rows = ids.length
      ? await trx
          .selectFrom('measurement_model_statement')
          .selectAll()
          .where('organisation_id', '=', ctx.organisationId)
          .where('model_id', '=', draft.id)
          .where('id', 'in', ids)
          .execute()
      : []
    const missing = v.changes.flatMap((c, i) =>
      rows.some((r) => r.id === c.statementId)
        ? []
        : [{ name: `changes.${i}.statementId`, reason: 'Kies een stelling uit dit meetmodel.' }],
    )
    if (missing.length) throw new ValidationError(missing)
    const result: { id: string; origin: 'core' | 'local' }[] = []
    const events: { type: string; data: object }[] = []
    for (const change of v.changes) {
      const s = rows.find((r) => r.id === change.statementId)
      if (!s || s.text_nl === change.text) continue
      const core =
        s.core_block_id && s.core_block_version && s.core_question_code
          ? await trx
              .selectFrom('measurement_core_question')
              .selectAll()
              .where('block_id', '=', s.core_block_id)
              .where('block_version', '=', s.core_block_version)
              .where('code', '=', s.core_question_code)
              .executeTakeFirst()
          : undefined
      const sameAsCore =
        !!core &&
        core.text_nl === change.text &&
        core.scale_id === s.scale_id &&
        core.scale_version === s.scale_version
      const origin = sameAsCore ? 'core' : 'local'
      await trx
        .updateTable('measurement_model_statement')
        .set({ text_nl: change.text, origin, help_nl: sameAsCore ? (core?.help_nl ?? null) : s.help_nl })
        .where('organisation_id', '=', ctx.organisationId)
        .where('id', '=', s.id)
        .execute()
      result.push({ id: s.id, origin })
      events.push({
        type: 'statement-changed',
        data: { code: s.code, from: s.text_nl, to: change.text, originBefore: s.origin, originAfter: origin },
      })
    }
    return { result, events }
  })
}

/** Changes the wording of one stelling (see changeStatementWordings); returns its resulting origin. */
export async function changeStatementWording(db: Kysely<Database>, ctx: WriteContext, input: unknown) {
  const v = parse(wordingInput, input)
  const [changed] = await changeStatementWordings(db, ctx, { changes: [v] })
  return changed ?? { id: v.statementId, origin: null }
}
