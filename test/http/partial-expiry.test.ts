import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { allJobs } from '../../src/main/jobs.ts'
import { purgeExpiredPartialResponses } from '../../src/modules/responses/index.ts'
import { enqueue, JobRunner } from '../../src/platform/jobs/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithEveryTypeSurvey } from '../factories.ts'
import { getPage, hiddenFields, postPage } from '../respondent.ts'
import { startTestServer, type TestServer } from '../server.ts'

let t: TestDatabase
let server: TestServer
let org: Awaited<ReturnType<typeof createOrganisationWithEveryTypeSurvey>>
let key: string

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithEveryTypeSurvey(t.services)
  key = org.everyType.publicKey
})
after(async () => {
  await server.close()
  await t.dispose()
})

const get = (path: string) => getPage(server.url, path)
const post = (path: string, fields: Record<string, string | string[]>) => postPage(server.url, path, fields)

/** Answers the first screen and presses "Opslaan en later verder"; returns the resume link and the key. */
async function saveFirstScreen() {
  const form = hiddenFields((await get(`/s/${key}`)).html)
  const saved = await post(`/s/${key}`, { ...form, _action: 'save', cijfer: '5' })
  assert.equal(saved.status, 303)
  return { resume: saved.location.replace(/\/bewaard$/, ''), saved: saved.location, form }
}

const partialsOf = (submissionKey: string) =>
  t.services.db
    .selectFrom('response')
    .select(['id', 'status'])
    .where('organisation_id', '=', org.org.id)
    .where('submission_key', '=', submissionKey)
    .execute()

describe('a resume link after its partial response expired', () => {
  it('is announced on the "bewaard" page with the configured number of days', async () => {
    const { saved } = await saveFirstScreen()
    const page = await get(saved)
    assert.equal(page.status, 200)
    assert.match(page.html, /Gaat u niet binnen 30 dagen verder\? Dan verwijderen wij uw antwoorden/)
  })

  it('shows "Deze link werkt niet meer" with 404 and a way to start again, and stores nothing on a post', async () => {
    const { resume, form } = await saveFirstScreen()
    assert.equal((await get(resume)).status, 200, 'the link works before the clean-up')
    const [row] = await partialsOf(form._submission as string)
    assert.equal(row?.status, 'partial')
    await sql`UPDATE response SET updated_at = now() - interval '31 days'
               WHERE organisation_id = ${org.org.id} AND id = ${row?.id}`.execute(t.services.db)
    await enqueue(t.services.db, purgeExpiredPartialResponses, {})
    await new JobRunner(t.services, allJobs).runUntilIdle()
    assert.deepEqual(await partialsOf(form._submission as string), [])

    const gone = await get(resume)
    assert.equal(gone.status, 404)
    assert.match(gone.html, /<h1 class="utrecht-heading-1">Deze link werkt niet meer<\/h1>/)
    assert.match(gone.html, /Of u bent lang niet verder gegaan: dan verwijderen wij uw antwoorden\./)
    assert.match(gone.html, new RegExp(`<a class="utrecht-link" href="/s/${key}">Opnieuw beginnen</a>`))
    assert.doesNotMatch(gone.html, /Welk cijfer geeft u ons\?/, 'no form, and no answers')
    assert.equal((await get(`${resume}/bewaard`)).status, 404)

    const late = await post(resume, { _screen: '1', _action: 'next', cijfer: '7' })
    assert.equal(late.status, 404)
    assert.match(late.html, /Deze link werkt niet meer/)
    assert.deepEqual(await partialsOf(form._submission as string), [], 'a late post stores nothing')
  })

  it('in English when the person answered in English', async () => {
    const form = hiddenFields((await get(`/s/${key}?taal=en`)).html)
    const saved = await post(`/s/${key}`, { ...form, _action: 'save', cijfer: '5' })
    const resume = saved.location.split('/bewaard')[0] as string
    await sql`UPDATE response SET updated_at = now() - interval '40 days'
               WHERE organisation_id = ${org.org.id} AND submission_key = ${form._submission}`.execute(
      t.services.db,
    )
    await enqueue(t.services.db, purgeExpiredPartialResponses, {})
    await new JobRunner(t.services, allJobs).runUntilIdle()
    const gone = await get(`${resume}?taal=en`)
    assert.equal(gone.status, 404)
    assert.match(gone.html, /This link no longer works/)
  })
})
