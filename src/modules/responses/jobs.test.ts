import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithEveryTypeSurvey } from '../../../test/factories.ts'
import { allJobs, allSchedules } from '../../main/jobs.ts'
import { newId } from '../../platform/db/ids.ts'
import { enqueue, JobRunner } from '../../platform/jobs/index.ts'
import { loadPublicSurvey, type PublicSurvey } from '../surveys/index.ts'
import { deleteExpiredPartialResponses } from './delete-expired-partials.ts'
import { purgeExpiredPartialResponses, responseJobs } from './jobs.ts'
import { startPartialResponse } from './partial-response.ts'
import { resolveContext, submitResponse } from './submit-response.ts'
import { validateAnswers } from './validate-answers.ts'

let t: TestDatabase
let org: Awaited<ReturnType<typeof createOrganisationWithEveryTypeSurvey>>
let survey: PublicSurvey

before(async () => {
  t = await createTestDatabase()
  org = await createOrganisationWithEveryTypeSurvey(t.services)
  survey = await loadPublicSurvey(t.services.db, org.everyType.publicKey)
})
after(() => t.dispose())

/** A partial response with an open-text answer and a consent, last saved `daysAgo` days ago. */
async function partialResponse(daysAgo: number) {
  const raw = { cijfer: 3, wat_mis: 'Ik ben Jan Jansen en moest lang wachten.', mag_bellen: 'yes' }
  const checked = validateAnswers(survey, raw, { rejectUnknown: true, scope: new Set(Object.keys(raw)) })
  assert.deepEqual(checked.errors, [])
  const key = `partial-${newId()}`
  const { id } = await startPartialResponse(t.services.db, survey, {
    submissionKey: key,
    resumeToken: key,
    context: resolveContext(survey, { answers: {}, caseReference: 'Z-2026-7', strict: false }),
    values: checked.values,
    consents: checked.consents,
    screenReached: 1,
    language: 'nl',
    complete: false,
  })
  await age(id, daysAgo)
  return id
}

/** A complete response submitted (and last touched) `daysAgo` days ago. */
async function completeResponse(daysAgo: number) {
  const { id } = await submitResponse(t.services.db, survey, {
    answers: { cijfer: 8, toelichting: 'Prima geholpen door Jan.' },
    strict: false,
  })
  await age(id, daysAgo)
  return id
}

async function age(id: string, daysAgo: number) {
  await sql`UPDATE response
               SET updated_at = now() - ${daysAgo}::integer * interval '1 day',
                   submitted_at = now() - ${daysAgo}::integer * interval '1 day'
             WHERE organisation_id = ${org.org.id} AND id = ${id}`.execute(t.services.db)
}

const count = async (table: 'response' | 'answer' | 'consent', id: string) => {
  const column = table === 'response' ? 'id' : 'response_id'
  const row = await t.services.db
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organisation_id', '=', org.org.id)
    .where(column, '=', id)
    .executeTakeFirstOrThrow()
  return row.n
}

async function runPurge(payload: { olderThanDays?: number } = {}) {
  await enqueue(t.services.db, purgeExpiredPartialResponses, payload)
  assert.equal(await new JobRunner(t.services, responseJobs).runUntilIdle(), 1)
}

describe('responses.purge-expired-partials', () => {
  it('deletes a partial response not updated for 30 days with its answers and consents', async () => {
    const old = await partialResponse(31)
    assert.equal(await count('answer', old), 3)
    assert.equal(await count('consent', old), 1)
    await runPurge()
    assert.equal(await count('response', old), 0)
    assert.equal(await count('answer', old), 0)
    assert.equal(await count('consent', old), 0)
    const events = await t.services.db
      .selectFrom('event')
      .select(['type', 'actor_type', 'data'])
      .where('organisation_id', '=', org.org.id)
      .where('subject_id', '=', old)
      .orderBy('occurred_at')
      .execute()
    assert.deepEqual(
      events.map((e) => e.type),
      ['response.started', 'response.deleted'],
    )
    assert.equal(events[1]?.actor_type, 'system')
    assert.deepEqual(events[1]?.data, {
      reason: 'partial-expired',
      retentionDays: 30,
      surveyId: survey.surveyId,
      version: survey.version,
      signalsUnlinked: 0,
    })
  })

  it('keeps a recent partial response and an old complete one, answers and all', async () => {
    const recent = await partialResponse(29)
    const oldComplete = await completeResponse(400)
    await runPurge()
    assert.equal(await count('response', recent), 1)
    assert.equal(await count('answer', recent), 3)
    assert.equal(await count('consent', recent), 1)
    assert.equal(await count('response', oldComplete), 1)
    assert.equal(await count('answer', oldComplete), 2)
  })

  it('keeps a signal that came with an expired partial response, without the link', async () => {
    const old = await partialResponse(45)
    const signalId = newId()
    await t.services.db
      .insertInto('signal')
      .values({
        organisation_id: org.org.id,
        id: signalId,
        kind: 'klacht',
        response_id: old,
        description: 'Ik wil een klacht indienen.',
      })
      .execute()
    await runPurge()
    assert.equal(await count('response', old), 0)
    const signal = await t.services.db
      .selectFrom('signal')
      .select(['response_id', 'description'])
      .where('organisation_id', '=', org.org.id)
      .where('id', '=', signalId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(signal, { response_id: null, description: 'Ik wil een klacht indienen.' })
    const deleted = await t.services.db
      .selectFrom('event')
      .select('data')
      .where('organisation_id', '=', org.org.id)
      .where('subject_id', '=', old)
      .where('type', '=', 'response.deleted')
      .executeTakeFirstOrThrow()
    assert.equal((deleted.data as { signalsUnlinked: number }).signalsUnlinked, 1)
  })

  it('deletes a backlog larger than one batch', async () => {
    const ids = [await partialResponse(60), await partialResponse(61), await partialResponse(62)]
    assert.equal(await deleteExpiredPartialResponses(t.services.db, 30, { batchSize: 2 }), 3)
    for (const id of ids) assert.equal(await count('response', id), 0)
  })

  it('takes the number of days from the payload when given', async () => {
    const tenDays = await partialResponse(10)
    await runPurge({ olderThanDays: 20 })
    assert.equal(await count('response', tenDays), 1)
    await runPurge({ olderThanDays: 7 })
    assert.equal(await count('response', tenDays), 0)
  })

  it('runs every night, in the job list of both serve and worker', () => {
    const entry = allSchedules.find((s) => s.definition === purgeExpiredPartialResponses)
    assert.equal(entry?.cron, '15 3 * * *')
    assert.ok(allJobs.includes(purgeExpiredPartialResponses))
  })
})

describe('PARTIAL_RESPONSE_RETENTION_DAYS', () => {
  it('sets how old a partial response must be before the job deletes it', async () => {
    const short = await createTestDatabase({ PARTIAL_RESPONSE_RETENTION_DAYS: '7' })
    try {
      assert.equal(short.config.PARTIAL_RESPONSE_RETENTION_DAYS, 7)
      assert.equal(t.config.PARTIAL_RESPONSE_RETENTION_DAYS, 30, 'the default')
      const o = await createOrganisationWithEveryTypeSurvey(short.services)
      const s = await loadPublicSurvey(short.services.db, o.everyType.publicKey)
      const key = `partial-${newId()}`
      const { id } = await startPartialResponse(short.services.db, s, {
        submissionKey: key,
        resumeToken: key,
        context: resolveContext(s, { answers: {}, strict: false }),
        values: [],
        consents: [],
        screenReached: 1,
        language: 'nl',
        complete: false,
      })
      await sql`UPDATE response SET updated_at = now() - interval '8 days' WHERE id = ${id}`.execute(
        short.services.db,
      )
      await enqueue(short.services.db, purgeExpiredPartialResponses, {})
      await new JobRunner(short.services, responseJobs).runUntilIdle()
      const left = await short.services.db.selectFrom('response').select('id').where('id', '=', id).execute()
      assert.deepEqual(left, [])
    } finally {
      await short.dispose()
    }
  })
})
