/** Use case: store (or clear) an organisation's design tokens, after checking every line. */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { ValidationError } from '../../platform/errors.ts'
import { parseThemeTokens } from './calc/theme.ts'
import type { OrganisationTables } from './schema.ts'

/** Checks the pasted tokens and stores them; an empty text restores the default theme. */
export async function setTheme(db: Kysely<OrganisationTables>, ctx: WriteContext, text: string) {
  const { tokens, problems } = parseThemeTokens(text)
  if (problems.length)
    throw new ValidationError(
      problems.map((p) => ({ name: 'tokens', reason: `Regel ${p.line}: ${p.reason}` })),
      'The design tokens are not valid.',
    )
  const count = Object.keys(tokens).length
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organisation')
      .set({ theme_tokens: count ? JSON.stringify(tokens) : null })
      .where('id', '=', ctx.organisationId)
      .execute()
    await recordEvent(trx, ctx, {
      type: 'organisation.theme-changed',
      subjectType: 'organisation',
      subjectId: ctx.organisationId,
      data: { tokens: count },
    })
  })
  return tokens
}

/** The stylesheet link of an organisation's tokens, versioned by content so browsers may cache it. */
export function themeHref(slug: string, tokens: unknown): string | undefined {
  if (!tokens || typeof tokens !== 'object' || Object.keys(tokens).length === 0) return undefined
  let h = 0
  for (const ch of JSON.stringify(tokens)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0
  return `/o/${slug}/huisstijl.css?v=${(h >>> 0).toString(36)}`
}
