import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff } from '../../../test/factories.ts'
import { newId } from '../../platform/db/ids.ts'
import { ResponseBatchWriter, type ResponseRow } from './batch-writer.ts'

let t: TestDatabase
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  org = await createOrganisationWithStaff(t.services)
})
after(async () => t.dispose())

function row(key: string | null, grade: number, surveyId = org.survey.id): ResponseRow {
  return {
    organisationId: org.org.id,
    id: newId(),
    surveyId,
    surveyVersion: 1,
    channelId: null,
    submissionKey: key,
    caseReference: null,
    productId: null,
    language: 'nl',
    context: null,
    answers: [
      {
        questionId: org.survey.questionIds.rapportcijfer as string,
        item: 0,
        numericValue: grade,
        optionCode: null,
        detailCode: null,
        textValue: null,
        dateValue: null,
      },
    ],
    consents: [],
    event: { id: newId(), requestId: null, data: '{}' },
  }
}

async function stored(ids: string[]) {
  const responses = await t.services.db
    .selectFrom('response')
    .select('id')
    .where('organisation_id', '=', org.org.id)
    .where('id', 'in', ids)
    .execute()
  const answers = await t.services.db
    .selectFrom('answer')
    .select('response_id')
    .where('organisation_id', '=', org.org.id)
    .where('response_id', 'in', ids)
    .execute()
  const events = await t.services.db
    .selectFrom('event')
    .select('subject_id')
    .where('organisation_id', '=', org.org.id)
    .where('subject_id', 'in', ids)
    .execute()
  return { responses: responses.length, answers: answers.length, events: events.length }
}

describe('the intake batch writer (group commit)', () => {
  it('stores 300 concurrent responses with their answers and events in far fewer statements', async () => {
    const writer = new ResponseBatchWriter(t.services.db, { maxBatch: 50, maxInFlight: 2 })
    const rows = Array.from({ length: 300 }, (_, i) => row(`batch-${i}`, (i % 10) + 1))
    const results = await Promise.all(rows.map((r) => writer.write(r)))
    assert.ok(results.every((r, i) => r.created && r.id === rows[i]?.id))
    assert.deepEqual(await stored(rows.map((r) => r.id)), { responses: 300, answers: 300, events: 300 })
    assert.ok(writer.statements <= 300 / 50 + 2, `expected batching, got ${writer.statements} statements`)
  })

  it('gives both callers the same response when one submission key appears twice in a batch', async () => {
    const writer = new ResponseBatchWriter(t.services.db)
    const [a, b] = await Promise.all([writer.write(row('dup-key-1', 7)), writer.write(row('dup-key-1', 8))])
    assert.equal(a?.id, b?.id)
    assert.deepEqual([a?.created, b?.created].sort(), [false, true])
    const n = await t.services.db
      .selectFrom('response')
      .select('id')
      .where('organisation_id', '=', org.org.id)
      .where('submission_key', '=', 'dup-key-1')
      .execute()
    assert.equal(n.length, 1)
  })

  it('answers a replay of an earlier key with the stored response', async () => {
    const writer = new ResponseBatchWriter(t.services.db)
    const first = await writer.write(row('replay-key-1', 6))
    const again = await writer.write(row('replay-key-1', 6))
    assert.deepEqual(again, { id: first.id, created: false })
  })

  it('fails only the bad response of a batch and stores the others', async () => {
    const writer = new ResponseBatchWriter(t.services.db, { maxBatch: 50, maxInFlight: 1 })
    const good = Array.from({ length: 5 }, (_, i) => row(`good-${i}`, 8))
    const bad = row('bad-1', 8, newId()) // a survey that does not exist: foreign key violation
    const outcomes = await Promise.allSettled([...good, bad].map((r) => writer.write(r)))
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 5)
    assert.equal(outcomes.at(-1)?.status, 'rejected')
    assert.deepEqual(await stored(good.map((r) => r.id)), { responses: 5, answers: 5, events: 5 })
    assert.deepEqual(await stored([bad.id]), { responses: 0, answers: 0, events: 0 })
  })
})
