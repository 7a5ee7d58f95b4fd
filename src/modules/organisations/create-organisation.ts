/** Use case: create an organisation (tenant). */
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { recordEvent } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { ConflictError, invalidParamsFromZod, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { STANDARD_CHANNELS } from './standard-channels.ts'

export const organisationInput = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use 2–63 lowercase letters, digits or hyphens'),
  name: z.string().trim().min(2).max(200),
})

/**
 * Creates the organisation with the standard channels and records `organisation.created`; a taken slug
 * is a conflict.
 */
export async function createOrganisation(
  db: Kysely<Database>,
  input: unknown,
  actor: { requestId?: string } = {},
) {
  const parsed = organisationInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(invalidParamsFromZod(parsed.error.issues))
  const id = newId()
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', parsed.data.slug)
      .executeTakeFirst()
    if (taken) throw new ConflictError(`An organisation with slug ${parsed.data.slug} exists.`)
    await trx
      .insertInto('organisation')
      .values({ id, ...parsed.data })
      .execute()
    await trx
      .insertInto('channel')
      .values(
        STANDARD_CHANNELS.map((c) => ({ organisation_id: id, id: newId(), code: c.code, name: c.name })),
      )
      .execute()
    await recordEvent(
      trx,
      { organisationId: id, actor: { type: 'system' }, requestId: actor.requestId },
      {
        type: 'organisation.created',
        subjectType: 'organisation',
        subjectId: id,
        data: { ...parsed.data, channels: STANDARD_CHANNELS.map((c) => c.code) },
      },
    )
    return { id, ...parsed.data }
  })
}
