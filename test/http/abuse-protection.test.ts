/**
 * Abuse protection of the public survey endpoints over real HTTP: rate limits in front of the real form
 * and intake routes (mounted here the way src/main/http.ts mounts them, with an injected clock), the
 * honeypot, and the minimum fill time.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { AppEnv } from '../../src/modules/app-env.ts'
import { responseApi } from '../../src/modules/responses/api.ts'
import {
  limitPublicSurveyEndpoints,
  publicAbuseCounts,
  surveyPageRoutes,
} from '../../src/modules/surveys/routes.tsx'
import { createBaseApp } from '../../src/platform/http/app.ts'
import { type Listening, listen } from '../../src/platform/http/listen.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff } from '../factories.ts'

let t: TestDatabase
let server: Listening
let url: string
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
const clock = { t: Date.parse('2025-03-03T09:00:00Z') }
let nextClient = 1

/** A fresh client address per test (the app trusts one proxy), so tests do not share buckets. */
function newClient() {
  nextClient += 1
  return `198.51.100.${nextClient}`
}

before(async () => {
  t = await createTestDatabase()
  org = await createOrganisationWithStaff(t.services)
  const app = createBaseApp<AppEnv>({ logger: t.services.logger, maxBodyBytes: 100_000 })
  const now = () => clock.t
  limitPublicSurveyEndpoints(app, { trustProxy: 1, pageViewsPerMinute: 5, now })
  app.route('/', surveyPageRoutes(t.services.db, { minFillMs: 2000, secret: 's'.repeat(32), now }))
  app.route('/api/v1', responseApi(t.services.db))
  server = await listen(app.fetch, 0, '127.0.0.1')
  url = `http://127.0.0.1:${server.port}`
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

async function responseCount() {
  const r = await t.services.db
    .selectFrom('response')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', org.org.id)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Opens the form as `client` and returns its hidden fields. */
async function openForm(client: string) {
  const res = await fetch(`${url}/s/${org.survey.publicKey}`, { headers: { 'x-forwarded-for': client } })
  assert.equal(res.status, 200)
  const html = await res.text()
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]
  return { html, submission: field('_submission') ?? '', started: field('_started') ?? '' }
}

function postForm(client: string, fields: Record<string, string>, accept = 'text/html') {
  return fetch(`${url}/s/${org.survey.publicKey}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'x-forwarded-for': client, accept },
    redirect: 'manual',
  })
}

function postApi(client: string, body: unknown) {
  return fetch(`${url}/api/v1/surveys/${org.survey.publicKey}/responses`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'x-forwarded-for': client, 'content-type': 'application/json' },
  })
}

const BEDANKT = () => `/s/${org.survey.publicKey}/bedankt`

describe('the rate limits on public endpoints', () => {
  it('answers the 61st API submission in a minute with 429, Retry-After and problem+json', async () => {
    const client = newClient()
    const limitedBefore = publicAbuseCounts().rateLimited.submissions
    for (let i = 0; i < 60; i++) {
      const res = await postApi(client, { answers: { rapportcijfer: 7 } })
      assert.equal(res.status, 201, `submission ${i + 1}`)
    }
    const stored = await responseCount()
    const refused = await postApi(client, { answers: { rapportcijfer: 7 } })
    assert.equal(refused.status, 429)
    assert.equal(refused.headers.get('retry-after'), '1')
    assert.equal(refused.headers.get('content-type'), 'application/problem+json')
    const problem = await refused.json()
    assert.equal(problem.type, 'https://klankbord.nl/problems/rate-limited')
    assert.equal(problem.status, 429)
    assert.equal(await responseCount(), stored, 'a refused submission stores nothing')
    assert.equal(publicAbuseCounts().rateLimited.submissions, limitedBefore + 1)

    assert.equal((await postApi(newClient(), { answers: { rapportcijfer: 7 } })).status, 201, 'others go on')
    clock.t += 1000
    assert.equal(
      (await postApi(client, { answers: { rapportcijfer: 7 } })).status,
      201,
      'one per second again',
    )
  })

  it('answers the 61st form post in a minute with 429, Retry-After and the Dutch error page', async () => {
    const client = newClient()
    for (let i = 0; i < 60; i++) {
      const res = await postForm(client, { rapportcijfer: '8' })
      assert.equal(res.status, 303, `post ${i + 1}`)
    }
    const refused = await postForm(client, { rapportcijfer: '8' })
    assert.equal(refused.status, 429)
    assert.equal(refused.headers.get('retry-after'), '1')
    assert.match(refused.headers.get('content-type') ?? '', /^text\/html/)
    const html = await refused.text()
    assert.match(html, /<html lang="nl"/)
    assert.match(html, /U stuurde te veel verzoeken/)
  })

  it('shares one submission budget between the form and the API of the same survey', async () => {
    const client = newClient()
    for (let i = 0; i < 30; i++) assert.equal((await postForm(client, { rapportcijfer: '6' })).status, 303)
    for (let i = 0; i < 30; i++)
      assert.equal((await postApi(client, { answers: { rapportcijfer: 6 } })).status, 201)
    assert.equal((await postForm(client, { rapportcijfer: '6' })).status, 429)
  })

  it('limits page views per address with their own, larger budget', async () => {
    const client = newClient()
    // This app allows 5 page views per minute; the default is 600.
    for (let i = 0; i < 5; i++) await openForm(client)
    const refused = await fetch(`${url}/s/${org.survey.publicKey}/bedankt`, {
      headers: { 'x-forwarded-for': client, accept: 'text/html' },
    })
    assert.equal(refused.status, 429)
    assert.ok(Number(refused.headers.get('retry-after')) >= 1)
    assert.equal((await postForm(client, { rapportcijfer: '6' })).status, 303, 'posting has its own budget')
  })
})

describe('the honeypot and the minimum fill time', () => {
  it('renders a honeypot that is off-screen, out of the Tab order and hidden from screen readers', async () => {
    const { html, started } = await openForm(newClient())
    const wrapper =
      /<div class="([^"]*)" aria-hidden="true"><label for="kb-hp-website">[^<]+<\/label>(<input[^>]*>)/.exec(
        html,
      )
    assert.ok(wrapper, 'an aria-hidden wrapper with a labelled field')
    assert.match(wrapper[1] ?? '', /utrecht-skip-link--hidden/)
    const input = wrapper[2] ?? ''
    assert.match(input, /name="website"/)
    assert.match(input, /tabindex="-1"/)
    assert.match(input, /autocomplete="off"/)
    assert.doesNotMatch(input, /type="hidden"|hidden=""/)
    assert.match(started, /^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/)
  })

  it('stores a normal submission made after the minimum fill time', async () => {
    const client = newClient()
    const form = await openForm(client)
    const before = await responseCount()
    clock.t += 30_000
    const res = await postForm(client, {
      _submission: form.submission,
      _started: form.started,
      website: '',
      rapportcijfer: '9',
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), BEDANKT())
    assert.equal(await responseCount(), before + 1)
  })

  it('drops a post with a filled honeypot but redirects to the thank-you page like a success', async () => {
    const client = newClient()
    const form = await openForm(client)
    const before = await responseCount()
    const counted = publicAbuseCounts().dropped.honeypot
    clock.t += 30_000
    const res = await postForm(client, {
      _submission: form.submission,
      _started: form.started,
      website: 'https://spam.example',
      rapportcijfer: '9',
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), BEDANKT())
    assert.equal(await responseCount(), before)
    assert.equal(publicAbuseCounts().dropped.honeypot, counted + 1)
  })

  it('drops a valid post made faster than 2 seconds but redirects to the thank-you page like a success', async () => {
    const client = newClient()
    const form = await openForm(client)
    const before = await responseCount()
    const counted = publicAbuseCounts().dropped.tooFast
    clock.t += 1999
    const res = await postForm(client, {
      _submission: form.submission,
      _started: form.started,
      rapportcijfer: '2',
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), BEDANKT())
    assert.equal(await responseCount(), before)
    assert.equal(publicAbuseCounts().dropped.tooFast, counted + 1)
  })

  it('stores a post whose start time is missing or cannot be verified (cached page, restart)', async () => {
    const client = newClient()
    const form = await openForm(client)
    const before = await responseCount()
    assert.equal((await postForm(client, { rapportcijfer: '5' })).status, 303)
    const forged = `${clock.t.toString(36)}.${'A'.repeat(22)}`
    assert.equal((await postForm(client, { _started: forged, rapportcijfer: '5' })).status, 303)
    const otherSurvey = form.started.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))
    assert.equal((await postForm(client, { _started: otherSurvey, rapportcijfer: '5' })).status, 303)
    assert.equal(await responseCount(), before + 3)
  })

  it('shows errors for a fast invalid post and keeps the start time, so a quick fix is stored', async () => {
    const client = newClient()
    const form = await openForm(client)
    const before = await responseCount()
    clock.t += 300
    const invalid = await postForm(client, { _submission: form.submission, _started: form.started })
    assert.equal(invalid.status, 400, 'pressing Versturen at once shows the error summary, not a thank-you')
    const html = await invalid.text()
    assert.match(html, /role="alert"/)
    assert.match(html, new RegExp(`name="_started" value="${form.started.replace('.', '\\.')}"`))
    clock.t += 1800
    const fixed = await postForm(client, {
      _submission: form.submission,
      _started: form.started,
      rapportcijfer: '7',
    })
    assert.equal(fixed.status, 303)
    assert.equal(await responseCount(), before + 1)
  })
})

describe('turning a limit off', () => {
  it('mounts no limiter for a limit of 0 (benchmarks and load tests)', () => {
    const used: string[] = []
    const app = { use: ((path: string) => used.push(path)) as never }
    const limiters = limitPublicSurveyEndpoints(app, { pageViewsPerMinute: 0, submissionsPerMinute: 0 })
    assert.deepEqual(used, [])
    assert.deepEqual(limiters, { pageViews: null, submissions: null })
    const defaults = limitPublicSurveyEndpoints(app)
    assert.deepEqual(used, ['/s/*', '/s/*', '/api/v1/surveys/*'])
    assert.ok(defaults.pageViews && defaults.submissions)
  })
})
