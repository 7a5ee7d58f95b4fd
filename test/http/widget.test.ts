/**
 * The website widget's public endpoints over real HTTP, called the way another site's page calls them:
 * the script, CORS preflight, the question, the answer (idempotent, touchpoint without query or
 * fragment, channel website) and the follow-up on the same response; every refusal as problem+json.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { loadPublicSurvey } from '../../src/modules/surveys/index.ts'
import { addWidgetFollowUp } from '../../src/modules/widget/add-follow-up.ts'
import { pageFeedbackDefinition } from '../../src/modules/widget/index.ts'
import { ConflictError } from '../../src/platform/errors.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { assertProblem } from '../staff.ts'

let t: TestDatabase
let server: TestServer
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let widgetKey: string
let n = 0

/** What a browser on another site sends with a cross-origin fetch. */
const FROM_OTHER_SITE = { origin: 'https://www.gemeente.example', 'sec-fetch-site': 'cross-site' }

/** A fresh random widget key, as the script makes per page view. */
function newKey() {
  n += 1
  return `test-key-${String(n).padStart(4, '0')}-abcdefghijkl`
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/widget/v1/${widgetKey}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...FROM_OTHER_SITE, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function responsesWithKey(key: string) {
  return t.services.db
    .selectFrom('response')
    .leftJoin('channel', (j) =>
      j
        .onRef('channel.organisation_id', '=', 'response.organisation_id')
        .onRef('channel.id', '=', 'response.channel_id'),
    )
    .select(['response.id', 'response.context', 'response.status', 'channel.code as channel'])
    .where('response.organisation_id', '=', org.org.id)
    .where('response.submission_key', '=', `widget:${key}`)
    .execute()
}

async function answersOf(responseId: string) {
  return t.services.db
    .selectFrom('answer')
    .innerJoin('question', (j) =>
      j
        .onRef('question.organisation_id', '=', 'answer.organisation_id')
        .onRef('question.id', '=', 'answer.question_id'),
    )
    .select(['question.code', 'answer.option_code', 'answer.text_value'])
    .where('answer.organisation_id', '=', org.org.id)
    .where('answer.response_id', '=', responseId)
    .orderBy('question.code')
    .execute()
}

before(async () => {
  t = await createTestDatabase()
  org = await createOrganisationWithStaff(t.services)
  widgetKey = (await createPublishedSurvey(t.services, org.org.id, pageFeedbackDefinition())).publicKey
  server = await startTestServer(t.services)
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

describe('the widget script', () => {
  it('is served small, gzipped, cacheable and loadable by other sites, without cookies', async () => {
    const res = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } })
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/)
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin')
    assert.equal(res.headers.get('access-control-allow-origin'), '*')
    assert.equal(res.headers.get('set-cookie'), null)
    assert.match(res.headers.get('cache-control') ?? '', /max-age=3600/)
    const body = await res.text()
    assert.ok(body.includes('attachShadow'))
    // fetch() unzips; measure what travels over the wire by asking node for the raw bytes.
    const raw = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } })
    assert.equal(raw.headers.get('content-encoding'), 'gzip')
    const etag = raw.headers.get('etag') ?? ''
    const again = await fetch(`${server.url}/widget.js`, { headers: { 'if-none-match': etag } })
    assert.equal(again.status, 304)
    const { widgetScript } = await import('../../src/modules/widget/script.ts')
    const script = widgetScript()
    assert.equal(gunzipSync(script.gzipped).toString(), body)
    assert.ok(script.gzipped.byteLength < 5000, `widget.js is ${script.gzipped.byteLength} bytes gzipped`)
  })
})

describe('CORS of the widget endpoints', () => {
  it('answers the preflight of a JSON post from any site, without credentials', async () => {
    const res = await fetch(`${server.url}/widget/v1/${widgetKey}/responses`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.gemeente.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    assert.equal(res.status, 204)
    assert.equal(res.headers.get('access-control-allow-origin'), '*')
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/)
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /content-type/i)
    assert.equal(res.headers.get('access-control-allow-credentials'), null)
  })

  it('still refuses cross-site posts everywhere else', async () => {
    const api = await fetch(`${server.url}/api/v1/surveys/${widgetKey}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...FROM_OTHER_SITE },
      body: JSON.stringify({ answers: { nuttig: true } }),
    })
    assertProblem(api, 403)
    const other = await post('/responses/extra', { key: newKey() })
    assert.equal(other.status, 403)
  })
})

describe('the widget question', () => {
  it('gives the question in the page language, readable by any site', async () => {
    const nl = await fetch(`${server.url}/widget/v1/${widgetKey}`, { headers: FROM_OTHER_SITE })
    assert.equal(nl.status, 200)
    assert.equal(nl.headers.get('access-control-allow-origin'), '*')
    assert.deepEqual(await nl.json(), {
      language: 'nl',
      question: 'Was deze pagina nuttig?',
      thanks: 'Bedankt! Wij lezen alle reacties en gebruiken ze om onze website beter te maken.',
    })
    const en = await (await fetch(`${server.url}/widget/v1/${widgetKey}?lang=en`)).json()
    assert.equal(en.question, 'Was this page useful?')
    const other = await (await fetch(`${server.url}/widget/v1/${widgetKey}?lang=tr`)).json()
    assert.equal(other.language, 'nl')
  })

  it('answers 404 problem+json for an unknown key and for a survey that is no widget survey', async () => {
    const unknown = await fetch(`${server.url}/widget/v1/doesnotexist123`)
    assertProblem(unknown, 404)
    assert.equal(unknown.headers.get('access-control-allow-origin'), '*')
    assertProblem(await fetch(`${server.url}/widget/v1/${org.survey.publicKey}`), 404)
  })
})

describe('the answer', () => {
  it('is stored at once with channel website and the page path without query or fragment', async () => {
    const key = newKey()
    const res = await post('/responses', {
      key,
      useful: false,
      page: 'https://www.gemeente.example/paspoort/aanvragen?email=jan@example.nl#stap-2',
      language: 'nl',
    })
    assert.equal(res.status, 201)
    assert.equal(res.headers.get('access-control-allow-origin'), '*')
    assert.equal(res.headers.get('set-cookie'), null)
    const body = await res.json()
    assert.equal(body.created, true)
    assert.deepEqual(
      body.followUp.map((q: { code: string }) => q.code),
      ['verbeteren'],
    )
    assert.equal(body.followUp[0].text, 'Wat kunnen we verbeteren aan deze pagina?')
    const [stored, ...more] = await responsesWithKey(key)
    assert.ok(stored)
    assert.equal(more.length, 0)
    assert.equal(stored.channel, 'website')
    assert.equal(stored.status, 'complete')
    assert.equal((stored.context as Record<string, string>).pagina, '/paspoort/aanvragen')
    assert.doesNotMatch(JSON.stringify(stored.context), /jan@example|stap-2/)
    assert.deepEqual(await answersOf(stored.id), [{ code: 'nuttig', option_code: 'no', text_value: null }])
  })

  it('is stored once when the same key is posted again, and the follow-up follows the first answer', async () => {
    const key = newKey()
    const first = await post('/responses', { key, useful: true, page: '/afval' })
    assert.equal(first.status, 201)
    const retry = await post('/responses', { key, useful: false, page: '/afval' })
    assert.equal(retry.status, 200)
    const body = await retry.json()
    assert.equal(body.created, false)
    assert.deepEqual(
      body.followUp.map((q: { code: string }) => q.code),
      ['goed'],
    )
    assert.equal((await responsesWithKey(key)).length, 1)
  })

  it('refuses invalid input with every problem at once', async () => {
    const res = await post('/responses', { key: 'short', useful: 'ja', page: 'paspoort', extra: 1 })
    assertProblem(res, 400)
    const names = ((await res.json()).invalidParams as { name: string }[]).map((p) => p.name).sort()
    assert.deepEqual(names, ['(body)', 'key', 'useful'])
    const page = await post('/responses', { key: newKey(), useful: true, page: 'javascript:alert(1)' })
    assertProblem(page, 400)
    assert.equal((await page.json()).invalidParams[0].name, 'page')
    assertProblem(await post('/responses', '{not json'), 400)
    assertProblem(
      await post('/responses', 'key=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    )
    const unknownSurvey = await fetch(`${server.url}/widget/v1/doesnotexist123/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...FROM_OTHER_SITE },
      body: JSON.stringify({ key: newKey(), useful: true, page: '/' }),
    })
    assertProblem(unknownSurvey, 404)
  })
})

describe('the follow-up', () => {
  it('is added to the same response once; a retry stores nothing new', async () => {
    const key = newKey()
    assert.equal((await post('/responses', { key, useful: false, page: '/parkeren' })).status, 201)
    const res = await post('/follow-up', { key, answers: { verbeteren: 'Zet de kosten bovenaan.' } })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('access-control-allow-origin'), '*')
    assert.deepEqual(await res.json(), { stored: true })
    const retry = await post('/follow-up', { key, answers: { verbeteren: 'Iets anders.' } })
    assert.deepEqual(await retry.json(), { stored: false })
    const [stored, ...more] = await responsesWithKey(key)
    assert.ok(stored)
    assert.equal(more.length, 0)
    assert.deepEqual(await answersOf(stored.id), [
      { code: 'nuttig', option_code: 'no', text_value: null },
      { code: 'verbeteren', option_code: null, text_value: 'Zet de kosten bovenaan.' },
    ])
    const events = await t.services.db
      .selectFrom('event')
      .select('type')
      .where('organisation_id', '=', org.org.id)
      .where('subject_id', '=', stored.id)
      .orderBy('occurred_at')
      .execute()
    assert.deepEqual(
      events.map((e) => e.type),
      ['response.submitted', 'response.follow-up-added'],
    )
  })

  it('refuses a question not asked after the answer, an empty follow-up and an unknown key', async () => {
    const key = newKey()
    await post('/responses', { key, useful: false, page: '/' })
    const notAsked = await post('/follow-up', { key, answers: { goed: 'Alles.' } })
    assertProblem(notAsked, 400)
    assert.equal((await notAsked.json()).invalidParams[0].name, 'answers.goed')
    assertProblem(await post('/follow-up', { key, answers: { verbeteren: '   ' } }), 400)
    assertProblem(await post('/follow-up', { key: newKey(), answers: { verbeteren: 'Hallo' } }), 404)
    assertProblem(await post('/follow-up', { key, answers: { verbeteren: 'x'.repeat(1001) } }), 400)
  })

  it('is refused more than two hours after the answer', async () => {
    const key = newKey()
    await post('/responses', { key, useful: false, page: '/' })
    const survey = await loadPublicSurvey(t.services.db, widgetKey)
    await assert.rejects(
      addWidgetFollowUp(t.services.db, survey, {
        key,
        answers: { verbeteren: 'Te laat' },
        now: new Date(Date.now() + 3 * 60 * 60 * 1000),
      }),
      ConflictError,
    )
  })
})
