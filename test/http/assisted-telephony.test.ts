/**
 * A telephony system (IVR) sends the answers a caller keyed in after a phone call through the public
 * API, as docs/channels-paper-and-interview.md describes: channel telefoon, the queue as touchpoint,
 * the zaak reference, mode telephony. Read back through the staff read API and the database.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { assertProblem, getOrganisationApi } from '../staff.ts'

let t: TestDatabase
let server: TestServer
let o: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  o = await createOrganisationWithStaff(t.services, 'analyst')
})
after(async () => {
  await server.close()
  await t.dispose()
})

const post = (body: unknown) =>
  fetch(`${server.url}/api/v1/surveys/${o.survey.publicKey}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

/** What the IVR of the KCC sends after the caller pressed 8 for the grade and 4 for "duidelijk". */
const IVR_SUBMISSION = {
  submissionKey: 'ivr:call-2026-11-23-0042',
  channel: 'telefoon',
  collectionMode: 'telephony',
  caseReference: 'Z-2026-0042',
  hidden: { locatie: 'Wachtrij Paspoort' },
  answers: { rapportcijfer: 8, duidelijkheid: 4 },
}

describe('answers from a telephony system through the API', () => {
  it('stores channel, queue, zaak and mode, and a retry of the same call stores nothing new', async () => {
    const res = await post(IVR_SUBMISSION)
    assert.equal(res.status, 201)
    const { id } = (await res.json()) as { id: string }
    const again = await post(IVR_SUBMISSION)
    assert.equal(again.status, 200)
    assert.equal(((await again.json()) as { id: string }).id, id)

    const read = await getOrganisationApi(server.url, `${o.org.slug}/responses/${id}`, o.email)
    assert.equal(read.status, 200)
    const body = (await read.json()) as Record<string, unknown>
    assert.equal(body.channel, 'telefoon')
    assert.equal(body.collectionMode, 'telephony')
    assert.equal(body.caseReference, 'Z-2026-0042')
    assert.deepEqual(body.answers, { rapportcijfer: 8, duidelijkheid: 4 })
    const row = await t.services.db
      .selectFrom('response')
      .select(['context', 'collection_mode'])
      .where('organisation_id', '=', o.org.id)
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row.context, { locatie: 'Wachtrij Paspoort' })
    assert.equal(row.collection_mode, 'telephony')
    const event = await t.services.db
      .selectFrom('event')
      .select(['actor_type', 'data'])
      .where('organisation_id', '=', o.org.id)
      .where('subject_id', '=', id)
      .where('type', '=', 'response.submitted')
      .executeTakeFirstOrThrow()
    assert.equal(event.actor_type, 'public')
    assert.equal((event.data as { mode?: string }).mode, 'telephony')
  })

  it('lists a response sent without collectionMode as self, filtered by channel', async () => {
    const res = await post({ channel: 'website', answers: { rapportcijfer: 6 } })
    assert.equal(res.status, 201)
    const { id } = (await res.json()) as { id: string }
    const list = await getOrganisationApi(server.url, `${o.org.slug}/responses?channel=website`, o.email)
    const items = ((await list.json()) as { items: { id: string; collectionMode: string }[] }).items
    assert.equal(items.find((i) => i.id === id)?.collectionMode, 'self')
  })

  it('refuses the staff-only modes and unknown channels as problem+json, naming every field', async () => {
    const res = await post({ ...IVR_SUBMISSION, submissionKey: undefined, collectionMode: 'interview' })
    assertProblem(res, 400)
    const problem = (await res.json()) as { invalidParams?: { name: string }[] }
    assert.ok(
      problem.invalidParams?.some((p) => p.name === 'collectionMode'),
      JSON.stringify(problem),
    )
    const channel = await post({ ...IVR_SUBMISSION, submissionKey: undefined, channel: 'ivr' })
    assertProblem(channel, 400)
    assert.match(JSON.stringify(await channel.json()), /unknown channel code/)
  })
})
