import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { meanWithCi, momentsOf } from '../../src/modules/analytics/calc/mean-ci.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, login } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'

let t: TestDatabase
let server: TestServer
let a: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let b: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  a = await createOrganisationWithStaff(t.services, 'viewer')
  b = await createOrganisationWithStaff(t.services, 'admin')
})
after(async () => {
  await server.close()
  await t.dispose()
})

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function responseCount(organisationId: string) {
  const r = await t.services.db
    .selectFrom('response')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

describe('the public survey page', () => {
  it('shows every closed question as a fieldset with a legend and a hidden submission key', async () => {
    const res = await fetch(`${server.url}/s/${a.survey.publicKey}`)
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.equal((html.match(/<fieldset/g) ?? []).length, 6)
    assert.match(html, /<legend[^>]*>Welk cijfer geeft u ons/)
    assert.match(html, /name="_submission" value="[A-Za-z0-9_-]{16,}"/)
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/)
  })

  it('answers an unknown survey link with a friendly 404 page, not a stack trace', async () => {
    const res = await fetch(`${server.url}/s/doesnotexist123`, { headers: { accept: 'text/html' } })
    assert.equal(res.status, 404)
    const html = await res.text()
    assert.match(html, /Deze pagina bestaat niet|Dat lukte niet/)
    assert.doesNotMatch(html, /at .*\.ts:\d+/)
  })

  it('stores a submitted form, redirects to the thank-you page and shows it in the overview at once', async () => {
    const before = await responseCount(a.org.id)
    const form = new URLSearchParams({
      _submission: 'form-key-000000000001',
      rapportcijfer: '9',
      duidelijkheid: '5',
      gemak: 'dont_know',
      waarom: 'Heel vriendelijk.',
    })
    const res = await fetch(`${server.url}/s/${a.survey.publicKey}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/s/${a.survey.publicKey}/bedankt`)
    const thanks = await (await fetch(`${server.url}${res.headers.get('location')}`)).text()
    assert.match(thanks, /Wat doen wij met uw antwoorden/)
    assert.equal(await responseCount(a.org.id), before + 1)

    const { cookie } = await login(server.url, a.email)
    const overview = await (
      await fetch(`${server.url}/api/v1/organisations/${a.org.slug}/overview`, { headers: { cookie } })
    ).json()
    assert.equal(overview.responses, before + 1)
  })

  it('submitting the same form twice stores one response', async () => {
    const before = await responseCount(a.org.id)
    const form = new URLSearchParams({ _submission: 'form-key-000000000002', rapportcijfer: '7' })
    for (let i = 0; i < 2; i++)
      await fetch(`${server.url}/s/${a.survey.publicKey}`, { method: 'POST', body: form, redirect: 'manual' })
    assert.equal(await responseCount(a.org.id), before + 1)
  })

  it('shows an error summary linked to each invalid question and stores nothing', async () => {
    const before = await responseCount(a.org.id)
    const form = new URLSearchParams({
      _submission: 'form-key-000000000003',
      snelheid: '9',
      waarom: 'x'.repeat(2001),
    })
    const res = await fetch(`${server.url}/s/${a.survey.publicKey}`, { method: 'POST', body: form })
    assert.equal(res.status, 400)
    const html = await res.text()
    assert.match(html, /role="alert"/)
    assert.match(html, /href="#rapportcijfer"/)
    assert.match(html, /href="#snelheid"/)
    assert.match(html, /href="#waarom"/)
    assert.match(html, /aria-invalid="true"/)
    assert.equal(await responseCount(a.org.id), before)
  })

  it('refuses a form posted from another site', async () => {
    const res = await fetch(`${server.url}/s/${a.survey.publicKey}`, {
      method: 'POST',
      body: new URLSearchParams({ rapportcijfer: '1' }),
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      redirect: 'manual',
    })
    assert.equal(res.status, 403)
  })
})

describe('the response API', () => {
  const answers = {
    rapportcijfer: 8,
    duidelijkheid: 4,
    snelheid: 3,
    deskundigheid: 5,
    serieus_genomen: 4,
    gemak: 'dont_know',
    waarom: 'Snel geholpen.',
  }

  it('stores a response with typed answers and an audit event in one go', async () => {
    const res = await postJson(`/api/v1/surveys/${b.survey.publicKey}/responses`, {
      submissionKey: 'api-key-0001',
      channel: 'balie',
      answers,
    })
    assert.equal(res.status, 201)
    assert.equal(res.headers.get('api-version'), '1.0.0')
    const { id } = await res.json()
    const rows = await t.services.db
      .selectFrom('answer')
      .selectAll()
      .where('organisation_id', '=', b.org.id)
      .where('response_id', '=', id)
      .execute()
    assert.equal(rows.length, 7)
    const dontKnow = rows.find((r) => r.option_code === 'dont_know')
    assert.equal(dontKnow?.numeric_value, null)
    const event = await t.services.db
      .selectFrom('event')
      .selectAll()
      .where('organisation_id', '=', b.org.id)
      .where('subject_id', '=', id)
      .executeTakeFirst()
    assert.equal(event?.type, 'response.submitted')
  })

  it('answers a retry with the same submission key with the first response', async () => {
    const first = await (
      await postJson(`/api/v1/surveys/${b.survey.publicKey}/responses`, {
        submissionKey: 'api-key-0002',
        answers,
      })
    ).json()
    const again = await postJson(`/api/v1/surveys/${b.survey.publicKey}/responses`, {
      submissionKey: 'api-key-0002',
      answers,
    })
    assert.equal(again.status, 200)
    assert.deepEqual(await again.json(), { id: first.id, created: false })
  })

  it('lists every invalid field at once as problem+json', async () => {
    const res = await postJson(`/api/v1/surveys/${b.survey.publicKey}/responses`, {
      channel: 'postduif',
      answers: { rapportcijfer: 11, snelheid: 'soms', onbekend: 1 },
    })
    assert.equal(res.status, 400)
    assert.equal(res.headers.get('content-type'), 'application/problem+json')
    assert.equal(res.headers.get('api-version'), '1.0.0')
    const problem = await res.json()
    const names = problem.invalidParams.map((p: { name: string }) => p.name).sort()
    assert.deepEqual(names, ['answers.onbekend', 'answers.rapportcijfer', 'answers.snelheid', 'channel'])
  })

  it('refuses malformed JSON, a wrong content type, extra fields and an oversized body with 4xx problems', async () => {
    const url = `/api/v1/surveys/${b.survey.publicKey}/responses`
    const malformed = await postJson(url, '{"answers": {')
    assert.equal(malformed.status, 400)
    assert.equal(malformed.headers.get('content-type'), 'application/problem+json')
    const text = await fetch(`${server.url}${url}`, {
      method: 'POST',
      body: 'rapportcijfer=8',
      headers: { 'content-type': 'text/plain' },
    })
    assert.equal(text.status, 415)
    const extra = await postJson(url, { answers, admin: true })
    assert.equal(extra.status, 400)
    assert.ok((await extra.json()).invalidParams.length >= 1)
    const huge = await postJson(url, { answers: { waarom: 'x'.repeat(200_000) } })
    assert.equal(huge.status, 413)
    assert.equal(huge.headers.get('content-type'), 'application/problem+json')
    // Without Content-Length (chunked), the limit is counted as the bytes arrive.
    const chunked = (body: string) =>
      fetch(`${server.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Blob([body]).stream(),
        duplex: 'half',
      } as RequestInit)
    const hugeChunked = await chunked(JSON.stringify({ answers: { waarom: 'x'.repeat(200_000) } }))
    assert.equal(hugeChunked.status, 413)
    assert.equal(hugeChunked.headers.get('content-type'), 'application/problem+json')
    const smallChunked = await chunked(JSON.stringify({ answers }))
    assert.equal(smallChunked.status, 201)
  })

  it('answers an unknown survey with 404 problem+json', async () => {
    const res = await postJson('/api/v1/surveys/unknown-key-123/responses', { answers })
    assert.equal(res.status, 404)
    assert.equal((await res.json()).status, 404)
  })
})

describe('the overview', () => {
  it('needs a login: the API answers 401 and the page redirects to the login page', async () => {
    const api = await fetch(`${server.url}/api/v1/organisations/${a.org.slug}/overview`)
    assert.equal(api.status, 401)
    const page = await fetch(`${server.url}/o/${a.org.slug}`, { redirect: 'manual' })
    assert.equal(page.status, 303)
    assert.match(page.headers.get('location') ?? '', /^\/login\?next=/)
  })

  it("hides another organisation's overview behind a 404", async () => {
    const { cookie } = await login(server.url, a.email)
    const res = await fetch(`${server.url}/api/v1/organisations/${b.org.slug}/overview`, {
      headers: { cookie },
    })
    assert.equal(res.status, 404)
    const page = await fetch(`${server.url}/o/${b.org.slug}`, { headers: { cookie, accept: 'text/html' } })
    assert.equal(page.status, 404)
  })

  it('rejects an invalid organisation slug with 400', async () => {
    const { cookie } = await login(server.url, a.email)
    const res = await fetch(`${server.url}/api/v1/organisations/NOT_A_SLUG/overview`, { headers: { cookie } })
    assert.equal(res.status, 400)
  })

  it('reports the mean grade with the same 95% interval as the reference calculator', async () => {
    const grades = [6, 7, 8, 8, 9, 5, 10, 7]
    for (const [i, g] of grades.entries()) {
      const r = await postJson(`/api/v1/surveys/${b.survey.publicKey}/responses`, {
        submissionKey: `ov-key-${i}-000`,
        channel: 'telefoon',
        answers: { rapportcijfer: g },
      })
      assert.equal(r.status, 201)
    }
    const { cookie } = await login(server.url, b.email)
    const o = await (
      await fetch(`${server.url}/api/v1/organisations/${b.org.slug}/overview`, { headers: { cookie } })
    ).json()
    const tel = o.byChannel.find((c: { key: string }) => c.key === 'telefoon')
    const expected = meanWithCi(momentsOf(grades))
    assert.equal(tel.n, grades.length)
    assert.ok(Math.abs(tel.mean - (expected.mean ?? 0)) < 1e-4)
    assert.ok(Math.abs(tel.lower - (expected.lower ?? 0)) < 1e-4)
    assert.ok(Math.abs(tel.upper - (expected.upper ?? 0)) < 1e-4)
    const thisMonth = o.byMonth.at(-1)
    assert.ok(thisMonth.n >= grades.length)
  })

  it('shows the overview page with a labelled SVG chart and data tables', async () => {
    const { cookie } = await login(server.url, b.email)
    const res = await fetch(`${server.url}/o/${b.org.slug}`, { headers: { cookie } })
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /<svg role="img" aria-label="Gemiddeld rapportcijfer per maand/)
    assert.match(html, /<caption class="utrecht-table__caption">Rapportcijfer per maand<\/caption>/)
    assert.match(html, /<caption class="utrecht-table__caption">Rapportcijfer per kanaal<\/caption>/)
  })
})

describe('the overview beside process data', () => {
  it('shows the grade by doorlooptijd of the linked zaak, and counts responses without one', async () => {
    const product = await t.services.db
      .selectFrom('product')
      .select('id')
      .where('organisation_id', '=', b.org.id)
      .executeTakeFirst()
    const productId = product?.id ?? crypto.randomUUID()
    if (!product) {
      await t.services.db
        .insertInto('product')
        .values({
          organisation_id: b.org.id,
          id: productId,
          code: 'paspoort',
          name: 'Paspoort',
          department_id: null,
        })
        .execute()
    }
    const channel = await t.services.db
      .selectFrom('channel')
      .select('id')
      .where('organisation_id', '=', b.org.id)
      .where('code', '=', 'balie')
      .executeTakeFirstOrThrow()
    const caseId = crypto.randomUUID()
    const started = new Date(Date.now() - 10 * 86_400_000)
    await t.services.db
      .insertInto('service_case')
      .values({
        organisation_id: b.org.id,
        id: caseId,
        reference: 'Z-2026-0001',
        product_id: productId,
        channel_id: channel.id,
        started_at: started,
        ended_at: new Date(started.getTime() + 4 * 86_400_000),
        contact_count: 2,
      })
      .execute()
    const res = await postJson(`/api/v1/surveys/${b.survey.publicKey}/responses`, {
      answers: { rapportcijfer: 9 },
    })
    const { id } = await res.json()
    await t.services.db
      .updateTable('response')
      .set({ case_id: caseId })
      .where('organisation_id', '=', b.org.id)
      .where('id', '=', id)
      .execute()
    const { cookie } = await login(server.url, b.email)
    const html = await (await fetch(`${server.url}/o/${b.org.slug}`, { headers: { cookie } })).text()
    assert.match(html, /<caption class="utrecht-table__caption">Rapportcijfer naar doorlooptijd<\/caption>/)
    // The zaak took 4 days: one response in the 2–7 days row, grade 9,0, median 4.
    assert.match(html, /2–7 dagen<\/th><td[^>]*>1<\/td><td[^>]*>9,0<\/td><td[^>]*>—<\/td><td[^>]*>4<\/td>/)
    assert.match(html, /reacties zonder zaak/)
  })
})

describe('staff login', () => {
  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: a.email, password: 'nope-nope-nope' }),
    })
    const unknown = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'nobody@x.test', password: 'nope-nope-nope' }),
    })
    assert.equal(wrong.status, 401)
    assert.equal(unknown.status, 401)
    assert.match(await wrong.text(), /Het e-mailadres of het wachtwoord klopt niet/)
  })

  it('sets an HttpOnly SameSite session cookie and logs out only with the CSRF token', async () => {
    const res = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: a.email, password: 'correct horse battery staple' }),
      redirect: 'manual',
    })
    const setCookie = res.headers.get('set-cookie') ?? ''
    assert.match(setCookie, /HttpOnly/i)
    assert.match(setCookie, /SameSite=Lax/i)
    const cookie = setCookie.split(';')[0] ?? ''
    const noToken = await fetch(`${server.url}/logout`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({}),
      redirect: 'manual',
    })
    assert.equal(noToken.status, 403)
    const page = await (await fetch(`${server.url}/o/${a.org.slug}`, { headers: { cookie } })).text()
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
    const out = await fetch(`${server.url}/logout`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ _csrf: csrf }),
      redirect: 'manual',
    })
    assert.equal(out.status, 303)
    const afterLogout = await fetch(`${server.url}/api/v1/organisations/${a.org.slug}/overview`, {
      headers: { cookie },
    })
    assert.equal(afterLogout.status, 401)
  })
})

describe('operations', () => {
  it('reports health with the database kind and the migration version', async () => {
    const h = await (await fetch(`${server.url}/health`)).json()
    assert.equal(h.status, 'ok')
    assert.equal(h.database, process.env.DATABASE_URL ? 'postgresql' : 'pglite')
    assert.match(h.migration, /^\d{14}$/)
  })

  it('exposes Prometheus metrics including request counts', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text()
    assert.match(text, /klankbord_http_requests_total\{method="GET",status="2xx"\} \d+/)
    assert.match(text, /klankbord_jobs\{state="dead"\} \d+/)
    assert.match(text, /klankbord_jobs_oldest_due_seconds \d+/)
  })
})
