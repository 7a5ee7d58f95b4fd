/**
 * The staff pages "Kiosken" and the kiosk page without JavaScript, over HTTP on a real server and
 * database: who may see and make kiosks, the form's error summary, the link shown once (only a hash
 * stored), revoking, and the plain form flow smiley → reason → "Bedankt" with one response per form.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { addStaffMember } from '../../src/modules/organisations/add-staff-member.ts'
import { clearSurveyCache } from '../../src/modules/surveys/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import {
  createOrganisationWithStaff,
  createPublishedSurvey,
  publishNewVersion,
  TEST_PASSWORD,
} from '../factories.ts'
import { balieSurvey } from '../fixtures/balie-survey.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { postForm, type StaffSession, staffSession } from '../staff.ts'

let t: TestDatabase
let server: TestServer
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let other: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: StaffSession
let viewer: StaffSession
let surveyId: string

const page = (path: string, who: StaffSession | null) =>
  fetch(`${server.url}${path}`, { headers: who ? { cookie: who.cookie } : {}, redirect: 'manual' })

async function makeKiosk(fields: Record<string, string> = {}) {
  const res = await postForm(server.url, `/o/${org.org.slug}/kiosken`, admin, {
    vragenlijst: surveyId,
    plek: 'Stadskantoor, balie 3',
    kanaal: 'balie',
    seconden: '10',
    ...fields,
  })
  return { ...res, token: /\/kiosk\/([A-Za-z0-9_-]{43})/.exec(res.html)?.[1] ?? '' }
}

async function kioskResponses() {
  return t.services.db
    .selectFrom('response')
    .innerJoin('answer', (j) =>
      j
        .onRef('answer.organisation_id', '=', 'response.organisation_id')
        .onRef('answer.response_id', '=', 'response.id'),
    )
    .select(['response.id', 'response.context', 'answer.option_code', 'answer.detail_code'])
    .where('response.organisation_id', '=', org.org.id)
    .where('response.survey_id', '=', surveyId)
    .execute()
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services, 'admin')
  other = await createOrganisationWithStaff(t.services, 'admin')
  surveyId = (await createPublishedSurvey(t.services, org.org.id, balieSurvey())).id
  await addStaffMember(
    t.services.db,
    { organisationId: org.org.id, actor: { type: 'system' } },
    { email: `viewer@${org.org.slug}.test`, displayName: 'Kijker', password: TEST_PASSWORD, role: 'viewer' },
  )
  admin = await staffSession(server.url, org.email, `/o/${org.org.slug}/kiosken`)
  viewer = await staffSession(server.url, `viewer@${org.org.slug}.test`, `/o/${org.org.slug}`)
})
after(async () => {
  await server.close()
  await t.dispose()
})

describe('the staff page Kiosken', () => {
  it('sends a visitor without a session to the login page', async () => {
    const res = await page(`/o/${org.org.slug}/kiosken`, null)
    assert.equal(res.status, 303)
    assert.match(res.headers.get('location') ?? '', /^\/login\?next=/)
    const post = await postForm(server.url, `/o/${org.org.slug}/kiosken`, null, { plek: 'x' })
    assert.equal(post.status, 401)
  })

  it("answers 404 for another organisation's page, as if it did not exist", async () => {
    const outsider = await staffSession(server.url, other.email, `/o/${other.org.slug}`)
    assert.equal((await page(`/o/${org.org.slug}/kiosken`, outsider)).status, 404)
    const res = await postForm(server.url, `/o/${org.org.slug}/kiosken`, outsider, {
      vragenlijst: surveyId,
      plek: 'Balie',
      kanaal: 'balie',
      seconden: '10',
    })
    assert.equal(res.status, 404)
  })

  it('shows a viewer the list without the form, and refuses a viewer who posts', async () => {
    const res = await page(`/o/${org.org.slug}/kiosken`, viewer)
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /<h1[^>]*>Kiosken<\/h1>/)
    assert.doesNotMatch(html, /Maak kiosk/)
    const post = await postForm(server.url, `/o/${org.org.slug}/kiosken`, viewer, {
      vragenlijst: surveyId,
      plek: 'Balie',
      kanaal: 'balie',
      seconden: '10',
    })
    assert.equal(post.status, 403)
  })

  it('refuses a post without the CSRF token', async () => {
    const res = await fetch(`${server.url}/o/${org.org.slug}/kiosken`, {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: new URLSearchParams({ vragenlijst: surveyId, plek: 'Balie', kanaal: 'balie', seconden: '10' }),
    })
    assert.equal(res.status, 403)
  })

  it('lists every invalid field in an error summary (400) and shows what was typed', async () => {
    const res = await makeKiosk({ plek: '  ', seconden: '1', kanaal: 'duif' })
    assert.equal(res.status, 400)
    assert.match(res.html, /<title>Fout: Kiosken/)
    assert.match(res.html, /href="#plek"[^>]*>Vul de plek in/)
    assert.match(res.html, /href="#seconden"[^>]*>Kies minstens 3 seconden/)
    assert.match(res.html, /name="seconden"[^>]*value="1"/)
    const unknown = await makeKiosk({ kanaal: 'duif' })
    assert.equal(unknown.status, 400)
    assert.match(unknown.html, /href="#kanaal"[^>]*>Kies een kanaal uit de lijst/)
  })

  it('refuses a survey without a smiley question (the standard survey)', async () => {
    const res = await makeKiosk({ vragenlijst: org.survey.id })
    assert.equal(res.status, 400)
    assert.match(res.html, /href="#vragenlijst"[^>]*>Kies een vragenlijst uit de lijst/)
    const html = await (await page(`/o/${org.org.slug}/kiosken`, admin)).text()
    assert.doesNotMatch(html, new RegExp(`<option value="${org.survey.id}"`))
  })

  it('makes a kiosk, shows its link once and stores only the hash of the token', async () => {
    const res = await makeKiosk({ plek: 'Stadskantoor, balie 7', seconden: '15' })
    assert.equal(res.status, 200)
    assert.match(res.token, /^[A-Za-z0-9_-]{43}$/)
    const row = await t.services.db
      .selectFrom('kiosk')
      .selectAll()
      .where('organisation_id', '=', org.org.id)
      .where('place', '=', 'Stadskantoor, balie 7')
      .executeTakeFirstOrThrow()
    assert.equal(row.reset_seconds, 15)
    assert.notEqual(row.token_hash, res.token)
    assert.doesNotMatch(JSON.stringify(row), new RegExp(res.token))
    const list = await (await page(`/o/${org.org.slug}/kiosken`, admin)).text()
    assert.match(list, /Stadskantoor, balie 7/)
    assert.doesNotMatch(list, new RegExp(res.token), 'the list never shows the link again')
    const events = await t.services.db
      .selectFrom('event')
      .select(['type', 'actor_type', 'data'])
      .where('organisation_id', '=', org.org.id)
      .where('subject_id', '=', row.id)
      .execute()
    assert.deepEqual(
      events.map((e) => [e.type, e.actor_type]),
      [['kiosk.created', 'account']],
    )
  })

  it('turns a kiosk off; the tablet then shows a friendly page (410) and revoking again changes nothing', async () => {
    const { token } = await makeKiosk({ plek: 'Wijkpost Zuid' })
    const row = await t.services.db
      .selectFrom('kiosk')
      .select('id')
      .where('organisation_id', '=', org.org.id)
      .where('place', '=', 'Wijkpost Zuid')
      .executeTakeFirstOrThrow()
    assert.equal(
      (await postForm(server.url, `/o/${org.org.slug}/kiosken/${row.id}/intrekken`, viewer, {})).status,
      403,
    )
    const res = await postForm(server.url, `/o/${org.org.slug}/kiosken/${row.id}/intrekken`, admin, {})
    assert.equal(res.status, 303)
    assert.equal(res.location, `/o/${org.org.slug}/kiosken?ingetrokken=1`)
    assert.equal(
      (await postForm(server.url, `/o/${org.org.slug}/kiosken/${row.id}/intrekken`, admin, {})).status,
      303,
    )
    const revokedEvents = await t.services.db
      .selectFrom('event')
      .select('id')
      .where('organisation_id', '=', org.org.id)
      .where('subject_id', '=', row.id)
      .where('type', '=', 'kiosk.revoked')
      .execute()
    assert.equal(revokedEvents.length, 1)
    const tablet = await fetch(`${server.url}/kiosk/${token}`)
    assert.equal(tablet.status, 410)
    assert.match(await tablet.text(), /Deze kiosk staat uit/)
    const otherAdmin = await staffSession(server.url, other.email, `/o/${other.org.slug}`)
    const foreign = await postForm(
      server.url,
      `/o/${other.org.slug}/kiosken/${row.id}/intrekken`,
      otherAdmin,
      {},
    )
    assert.equal(foreign.status, 404, "another organisation cannot turn this organisation's kiosk off")
  })
})

describe('the kiosk page without JavaScript', () => {
  let token: string

  before(async () => {
    token = (await makeKiosk({ plek: 'Stadskantoor, balie 9', seconden: '5' })).token
  })

  it('shows the question with three smiley buttons, and keeps the link out of caches and referrers', async () => {
    const res = await fetch(`${server.url}/kiosk/${token}`)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    assert.equal(res.headers.get('referrer-policy'), 'same-origin', 'the token never goes to other sites')
    const html = await res.text()
    assert.match(html, /Hoe tevreden bent u over ons\?/)
    assert.equal(html.match(/name="gezicht"/g)?.length, 3)
    assert.match(html, /Stadskantoor, balie 9/)
    // The script and stylesheet carry no token: they are cached for good, by their content hash.
    const script = /src="(\/kiosk\/static\/[0-9a-f]{12}\/kiosk\.js)"/.exec(html)?.[1]
    assert.ok(script)
    const js = await fetch(`${server.url}${script}`)
    assert.equal(js.status, 200)
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/)
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable')
  })

  it('asks for a reason after a smiley with reasons, then thanks and goes back after the reset time', async () => {
    const key = crypto.randomUUID()
    const step = await postForm(server.url, `/kiosk/${token}`, null, { sleutel: key, gezicht: 'negative' })
    assert.equal(step.status, 200)
    assert.match(step.html, /Waarom\? Kies wat het beste past/)
    assert.match(step.html, /value="wachttijd"/)
    assert.equal((await kioskResponses()).length, 0, 'nothing is stored before the reason step')
    const fields = { sleutel: key, gezicht: 'negative', stap: 'reden', reden: 'wachttijd' }
    const res = await fetch(`${server.url}/kiosk/${token}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
    })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('refresh'), `5; url=/kiosk/${token}`)
    assert.match(await res.text(), /Bedankt voor uw antwoord!/)
    // A double tap posts the same form again: still one response.
    assert.equal((await postForm(server.url, `/kiosk/${token}`, null, fields)).status, 200)
    const rows = await kioskResponses()
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.option_code, 'negative')
    assert.equal(rows[0]?.detail_code, 'wachttijd')
    assert.deepEqual(rows[0]?.context, { locatie: 'Stadskantoor, balie 9' })
  })

  it('stores a smiley without reasons at once, and a skipped reason as none', async () => {
    const before = (await kioskResponses()).length
    const neutral = await postForm(server.url, `/kiosk/${token}`, null, {
      sleutel: crypto.randomUUID(),
      gezicht: 'neutral',
    })
    assert.match(neutral.html, /Bedankt/)
    const skipped = await postForm(server.url, `/kiosk/${token}`, null, {
      sleutel: crypto.randomUUID(),
      gezicht: 'negative',
      stap: 'reden',
      reden: '',
    })
    assert.match(skipped.html, /Bedankt/)
    const rows = await kioskResponses()
    assert.equal(rows.length, before + 2)
    assert.ok(rows.some((r) => r.option_code === 'negative' && r.detail_code === null))
  })

  it('answers an unknown smiley or reason with 400 and the question again, storing nothing', async () => {
    const before = (await kioskResponses()).length
    const bad = await postForm(server.url, `/kiosk/${token}`, null, { gezicht: 'boos' })
    assert.equal(bad.status, 400)
    assert.match(bad.html, /role="alert"[^>]*>Kies een van de gezichtjes/)
    const reason = await postForm(server.url, `/kiosk/${token}`, null, {
      gezicht: 'negative',
      stap: 'reden',
      reden: 'onbekend',
    })
    assert.equal(reason.status, 400)
    assert.equal((await kioskResponses()).length, before)
  })

  it('answers 404 with a friendly page for an unknown link', async () => {
    const res = await fetch(`${server.url}/kiosk/${'A'.repeat(43)}`)
    assert.equal(res.status, 404)
    assert.match(await res.text(), /Deze kiosk bestaat niet/)
  })

  it('says the kiosk does not work now (503) when the published survey lost its smiley question', async () => {
    const s = await createPublishedSurvey(t.services, org.org.id, balieSurvey())
    const { token: tk } = await makeKiosk({ vragenlijst: s.id, plek: 'Tijdelijk' })
    await publishNewVersion(t.services, org.org.id, s.id, {
      format: 'klankbord.survey/1',
      title: { nl: 'Balie' },
      pages: [{ questions: [{ code: 'cijfer', type: 'grade', text: { nl: 'Welk cijfer geeft u?' } }] }],
    })
    clearSurveyCache()
    const res = await fetch(`${server.url}/kiosk/${tk}`)
    assert.equal(res.status, 503)
    assert.match(await res.text(), /Deze kiosk werkt nu even niet/)
  })
})
