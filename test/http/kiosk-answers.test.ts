/**
 * The kiosk's answer endpoint POST /kiosk/antwoorden over HTTP, on a real server and database: device
 * token authentication, validation as problem+json listing every field, answered-at bounds, idempotent
 * batches (a retry after a lost reply stores nothing twice), channel and place on every response, a
 * revoked kiosk, and the rate limit per kiosk.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../factories.ts'
import { balieSurvey } from '../fixtures/balie-survey.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { assertProblem, postForm, type StaffSession, staffSession } from '../staff.ts'

let t: TestDatabase
let server: TestServer
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: StaffSession
let surveyId: string
let plainSurveyId: string

/** Makes a kiosk through the staff form and returns its device token. */
async function makeKiosk(survey: string, place: string): Promise<string> {
  const res = await postForm(server.url, `/o/${org.org.slug}/kiosken`, admin, {
    vragenlijst: survey,
    plek: place,
    kanaal: 'balie',
    seconden: '10',
  })
  assert.equal(res.status, 200, res.html)
  const token = /\/kiosk\/([A-Za-z0-9_-]{43})/.exec(res.html)?.[1]
  assert.ok(token, 'the page shows the kiosk link')
  return token
}

function post(token: string | null, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/kiosk/antwoorden`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function answer(over: Record<string, unknown> = {}) {
  return { id: crypto.randomUUID(), answeredAt: new Date().toISOString(), smiley: 'positive', ...over }
}

async function responsesOf(survey: string) {
  return t.services.db
    .selectFrom('response')
    .innerJoin('answer', (j) =>
      j
        .onRef('answer.organisation_id', '=', 'response.organisation_id')
        .onRef('answer.response_id', '=', 'response.id'),
    )
    .innerJoin('channel', (j) =>
      j
        .onRef('channel.organisation_id', '=', 'response.organisation_id')
        .onRef('channel.id', '=', 'response.channel_id'),
    )
    .select([
      'response.id',
      'response.submission_key',
      'response.submitted_at',
      'response.context',
      'response.status',
      'channel.code as channel',
      'answer.option_code',
      'answer.detail_code',
      'answer.numeric_value',
    ])
    .where('response.organisation_id', '=', org.org.id)
    .where('response.survey_id', '=', survey)
    .orderBy('response.submitted_at')
    .execute()
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services, 'admin')
  surveyId = (await createPublishedSurvey(t.services, org.org.id, balieSurvey({ openQuestion: true }))).id
  plainSurveyId = (
    await createPublishedSurvey(
      t.services,
      org.org.id,
      balieSurvey({ openQuestion: true, touchpointField: false }),
    )
  ).id
  admin = await staffSession(server.url, org.email, `/o/${org.org.slug}/kiosken`)
})
after(async () => {
  await server.close()
  await t.dispose()
})

describe('POST /kiosk/antwoorden', () => {
  it('refuses a request without a device token, or with an unknown one, as 401 problem+json', async () => {
    assertProblem(await post(null, { answers: [answer()] }), 401)
    assertProblem(await post('x'.repeat(43), { answers: [answer()] }), 401)
  })

  it('refuses a body that is not JSON as 415 problem+json', async () => {
    const token = await makeKiosk(surveyId, 'Stadskantoor, balie 1')
    const res = await post(token, 'answers', { 'content-type': 'text/plain' })
    assertProblem(res, 415)
  })

  it('lists every invalid field of a batch at once and stores nothing', async () => {
    const token = await makeKiosk(surveyId, 'Stadskantoor, balie 2')
    const res = await post(token, {
      answers: [{ id: 'not-a-uuid', answeredAt: 'gisteren', smiley: 'angry' }, answer({ extra: true })],
    })
    assertProblem(res, 400)
    const problem = (await res.json()) as { invalidParams: { name: string }[] }
    const names = problem.invalidParams.map((p) => p.name).sort()
    assert.deepEqual(names, ['answers.0.answeredAt', 'answers.0.id', 'answers.0.smiley', 'answers.1'])
    assertProblem(await post(token, { answers: [] }), 400)
    assertProblem(await post(token, { answers: Array.from({ length: 51 }, () => answer()) }), 400)
    assert.equal((await responsesOf(surveyId)).length, 0)
  })

  it("refuses a reason that is not one of the chosen smiley's reasons, naming the answer", async () => {
    const token = await makeKiosk(surveyId, 'Stadskantoor, balie 3')
    const res = await post(token, {
      answers: [answer(), answer({ smiley: 'positive', reason: 'wachttijd' })],
    })
    assertProblem(res, 400)
    const problem = (await res.json()) as { invalidParams: { name: string }[] }
    assert.deepEqual(
      problem.invalidParams.map((p) => p.name),
      ['answers.1.reason'],
    )
    assert.equal(
      (await responsesOf(surveyId)).length,
      0,
      'the valid answer of a refused batch is not stored either',
    )
  })

  it('refuses answered-at times in the future, before the kiosk existed, and a UUID twice in one batch', async () => {
    const token = await makeKiosk(surveyId, 'Stadskantoor, balie 4')
    const future = new Date(Date.now() + 10 * 60_000).toISOString()
    const past = new Date(Date.now() - 3 * 24 * 3_600_000).toISOString()
    const twice = answer()
    const res = await post(token, {
      answers: [answer({ answeredAt: future }), answer({ answeredAt: past }), twice, twice],
    })
    assertProblem(res, 400)
    const problem = (await res.json()) as { invalidParams: { name: string; reason: string }[] }
    assert.deepEqual(
      problem.invalidParams.map((p) => p.name),
      ['answers.0.answeredAt', 'answers.1.answeredAt', 'answers.3.id'],
    )
    assert.match(problem.invalidParams[0]?.reason ?? '', /future/)
    assert.match(problem.invalidParams[1]?.reason ?? '', /before the kiosk/)
  })

  it('stores a batch with the time it was answered, the channel and the place; a retry stores nothing twice', async () => {
    const token = await makeKiosk(surveyId, 'Stadskantoor, balie 5')
    const earlier = new Date(Date.now() - 60_000)
    const batch = [
      answer({ smiley: 'negative', reason: 'wachttijd', answeredAt: earlier.toISOString() }),
      answer({ smiley: 'neutral' }),
      answer({ smiley: 'positive', reason: null }),
    ]
    const first = await post(token, { answers: batch })
    assert.equal(first.status, 200)
    assert.deepEqual(await first.json(), {
      results: batch.map((a) => ({ id: a.id, status: 'stored' })),
    })
    // The reply was lost: the tablet sends the same answers again, with one new one.
    const extra = answer({ smiley: 'positive', reason: 'snel' })
    const retry = await post(token, { answers: [...batch, extra] })
    assert.equal(retry.status, 200)
    assert.deepEqual(await retry.json(), {
      results: [...batch.map((a) => ({ id: a.id, status: 'duplicate' })), { id: extra.id, status: 'stored' }],
    })
    const rows = (await responsesOf(surveyId)).filter((r) =>
      JSON.stringify(r.context).includes('Stadskantoor, balie 5'),
    )
    assert.equal(rows.length, 4)
    for (const r of rows) {
      assert.equal(r.channel, 'balie')
      assert.deepEqual(r.context, { locatie: 'Stadskantoor, balie 5' })
      assert.equal(r.status, 'complete')
    }
    const first0 = rows.find((r) => r.submission_key?.endsWith(batch[0]?.id ?? '-'))
    assert.ok(first0)
    assert.equal(
      first0.submitted_at.toISOString(),
      earlier.toISOString(),
      'the response records when it was answered',
    )
    assert.equal(first0.option_code, 'negative')
    assert.equal(first0.detail_code, 'wachttijd')
    const events = await t.services.db
      .selectFrom('event')
      .select(['data'])
      .where('organisation_id', '=', org.org.id)
      .where('type', '=', 'response.submitted')
      .where(
        'subject_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute()
    assert.equal(events.length, 4, 'one response.submitted event per stored response, none for the retry')
  })

  it('records the place as "touchpoint" when the survey has no touchpoint field', async () => {
    const token = await makeKiosk(plainSurveyId, 'Wijkpost Noord')
    assert.equal((await post(token, { answers: [answer()] })).status, 200)
    const rows = await responsesOf(plainSurveyId)
    assert.equal(rows.length, 1)
    assert.deepEqual(rows[0]?.context, { touchpoint: 'Wijkpost Noord' })
    assert.equal(rows[0]?.channel, 'balie')
  })

  it('keeps the UUIDs of one kiosk apart from those of another', async () => {
    const a = await makeKiosk(plainSurveyId, 'Balie A')
    const b = await makeKiosk(plainSurveyId, 'Balie B')
    const same = answer()
    assert.deepEqual(await (await post(a, { answers: [same] })).json(), {
      results: [{ id: same.id, status: 'stored' }],
    })
    assert.deepEqual(await (await post(b, { answers: [same] })).json(), {
      results: [{ id: same.id, status: 'stored' }],
    })
  })

  it('answers 410 problem+json for a revoked kiosk and stores nothing', async () => {
    const token = await makeKiosk(surveyId, 'Stadskantoor, balie 6')
    const list = await (
      await fetch(`${server.url}/o/${org.org.slug}/kiosken`, { headers: { cookie: admin.cookie } })
    ).text()
    // The newest kiosk is listed first: the one just made.
    const id = new RegExp(`/o/${org.org.slug}/kiosken/([0-9a-f-]{36})/intrekken`).exec(list)?.[1]
    assert.ok(id)
    const revoked = await postForm(server.url, `/o/${org.org.slug}/kiosken/${id}/intrekken`, admin, {})
    assert.equal(revoked.status, 303)
    const res = await post(token, { answers: [answer()] })
    assertProblem(res, 410)
    const stored = await responsesOf(surveyId)
    assert.ok(!stored.some((r) => JSON.stringify(r.context).includes('balie 6')))
    const page = await fetch(`${server.url}/kiosk/${token}`)
    assert.equal(page.status, 410)
    assert.match(await page.text(), /Deze kiosk staat uit/)
  })
})

describe('the rate limit per kiosk', () => {
  let limited: TestDatabase
  let limitedServer: TestServer

  before(async () => {
    limited = await createTestDatabase({ RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '2' })
    limitedServer = await startTestServer(limited.services)
  })
  after(async () => {
    await limitedServer.close()
    await limited.dispose()
  })

  it('answers 429 problem+json with Retry-After once a kiosk has used its posts for the minute', async () => {
    const o = await createOrganisationWithStaff(limited.services, 'admin')
    const s = await createPublishedSurvey(limited.services, o.org.id, balieSurvey({ openQuestion: true }))
    const who = await staffSession(limitedServer.url, o.email, `/o/${o.org.slug}/kiosken`)
    const made = await postForm(limitedServer.url, `/o/${o.org.slug}/kiosken`, who, {
      vragenlijst: s.id,
      plek: 'Balie',
      kanaal: 'balie',
      seconden: '10',
    })
    const token = /\/kiosk\/([A-Za-z0-9_-]{43})/.exec(made.html)?.[1] ?? ''
    const send = () =>
      fetch(`${limitedServer.url}/kiosk/antwoorden`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ answers: [answer()] }),
      })
    assert.equal((await send()).status, 200)
    assert.equal((await send()).status, 200)
    const third = await send()
    assertProblem(third, 429)
    assert.ok(Number(third.headers.get('retry-after')) >= 1)
  })

  it('limits one address also when every post carries another made-up token', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${limitedServer.url}/kiosk/antwoorden`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(40)}${i}` },
        body: JSON.stringify({ answers: [answer()] }),
      })
      statuses.push(res.status)
    }
    // Two posts per kiosk per minute give ten times as many per address; the first post of the test
    // above used three of them.
    assert.ok(statuses.includes(429), `statuses: ${statuses.join(',')}`)
    assert.ok(statuses.filter((x) => x === 401).length <= 20)
  })
})
