/**
 * Paper questionnaires and interviews over real HTTP on a real database: the printable form, typing a
 * paper form in (stored with channel, touchpoint and mode, audited with the staff member, refused a
 * second time), the error summary that stores nothing, interviews, and who may do what.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { checkCharacter, formatFormCode, parseFormCode } from '../../src/modules/assisted/calc/form-code.ts'
import { standardDefinition } from '../../src/modules/surveys/definition/standard.ts'
import { createSurvey } from '../../src/modules/surveys/versions/create-survey.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { postForm, type StaffSession, staffSession } from '../staff.ts'

let t: TestDatabase
let server: TestServer
let o: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let viewerOrg: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let handler: StaffSession
let viewer: StaffSession

const base = () => `/o/${o.org.slug}/vragenlijsten/${o.survey.id}`

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  o = await createOrganisationWithStaff(t.services, 'handler')
  viewerOrg = await createOrganisationWithStaff(t.services, 'viewer')
  handler = await staffSession(server.url, o.email, `${base()}/papier/invoeren`)
  viewer = await staffSession(
    server.url,
    viewerOrg.email,
    `/o/${viewerOrg.org.slug}/vragenlijsten/${viewerOrg.survey.id}/papier`,
  )
})
after(async () => {
  await server.close()
  await t.dispose()
})

const get = (path: string, who: StaffSession | null = handler) =>
  fetch(`${server.url}${path}`, { headers: who ? { cookie: who.cookie } : {}, redirect: 'manual' })

/** A valid form code that no printed form used, made from a counter. */
let serial = 0
function freshCode() {
  serial += 1
  const payload = `TEST${String(serial).padStart(3, '0')}`
  return `${payload}${checkCharacter(payload)}`
}

const responsesOf = (organisationId: string) =>
  t.services.db
    .selectFrom('response')
    .leftJoin('channel', (j) =>
      j
        .onRef('channel.organisation_id', '=', 'response.organisation_id')
        .onRef('channel.id', '=', 'response.channel_id'),
    )
    .select(['response.id', 'response.collection_mode', 'response.context', 'channel.code as channel'])
    .where('response.organisation_id', '=', organisationId)
    .orderBy('response.id')
    .execute()

describe('the printable paper questionnaire', () => {
  it('prints every question with tick boxes, its own form code per copy, the QR code, return and privacy lines', async () => {
    const res = await get(`${base()}/papier?aantal=3&locatie=${encodeURIComponent('Brief bij besluit')}`)
    assert.equal(res.status, 200)
    const html = await res.text()
    const codes = [...html.matchAll(/<strong>([0-9A-Z]{4}-[0-9A-Z]{4})<\/strong>/g)].map(
      (m) => m[1] as string,
    )
    assert.equal(codes.length, 3)
    assert.equal(new Set(codes).size, 3, 'every copy has its own code')
    for (const code of codes) assert.ok(parseFormCode(code), `${code} passes its check character`)
    for (const text of [
      'Waarom geeft u dit cijfer?',
      'Wat kunnen we verbeteren?',
      'Helemaal oneens',
      'Weet ik niet',
    ])
      assert.ok(html.includes(text), text)
    assert.match(html, /class="kb-paper-box"/)
    assert.match(html, /class="kb-paper-line"/)
    assert.ok(
      html.includes(`src="${base()}/qr.svg?kanaal=brief&amp;locatie=Brief+bij+besluit"`),
      'the QR image is the survey QR code for channel brief and the place',
    )
    assert.ok(html.includes(`/s/${o.survey.publicKey}?kanaal=brief&amp;locatie=Brief+bij+besluit`))
    assert.match(html, /antwoordenvelop/)
    assert.match(html, /Privacy:/)
    assert.match(html, /<link rel="stylesheet" href="\/assets\/assisted\/[0-9a-f]{12}\/paper\.css"/)
    const css = await get(/href="(\/assets\/assisted\/[^"]+)"/.exec(html)?.[1] ?? '', null)
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8')
    assert.match(await css.text(), /@media print/)
  })

  it('refuses a wrong number of copies with an error summary, and is open to viewers but not to strangers', async () => {
    const bad = await get(`${base()}/papier?aantal=500`)
    assert.equal(bad.status, 400)
    assert.match(await bad.text(), /href="#aantal"[^>]*>Vul bij &quot;Aantal formulieren&quot; een getal in/)
    const asViewer = await get(`/o/${viewerOrg.org.slug}/vragenlijsten/${viewerOrg.survey.id}/papier`, viewer)
    assert.equal(asViewer.status, 200)
    assert.equal(
      (await get(`/o/${viewerOrg.org.slug}/vragenlijsten/${viewerOrg.survey.id}/papier`)).status,
      404,
    )
    assert.equal((await get(`${base()}/papier`, null)).status, 303)
  })
})

describe('typing in a paper form', () => {
  it('stores the answers with channel, place and mode paper, audited with the staff member, then offers the next form', async () => {
    const code = freshCode()
    const before = (await responsesOf(o.org.id)).length
    const res = await postForm(server.url, `${base()}/papier/invoeren`, handler, {
      'kb-formuliercode': formatFormCode(code).toLowerCase(),
      'kb-kanaal': 'brief',
      'kb-locatie': 'Antwoordnummer',
      rapportcijfer: '7',
      duidelijkheid: '4',
      snelheid: 'dont_know',
      waarom: 'De brief was duidelijk.',
    })
    assert.equal(res.status, 303)
    assert.match(res.location, /\/papier\/invoeren\?kanaal=brief&locatie=Antwoordnummer&opgeslagen=/)
    const stored = await responsesOf(o.org.id)
    assert.equal(stored.length, before + 1)
    const row = stored.find((r) => r.collection_mode === 'paper')
    assert.ok(row)
    assert.equal(row.channel, 'brief')
    assert.deepEqual(row.context, { locatie: 'Antwoordnummer' })
    const answers = await t.services.db
      .selectFrom('answer')
      .innerJoin('question', (j) =>
        j
          .onRef('question.organisation_id', '=', 'answer.organisation_id')
          .onRef('question.id', '=', 'answer.question_id'),
      )
      .select(['question.code', 'answer.numeric_value', 'answer.option_code', 'answer.text_value'])
      .where('answer.organisation_id', '=', o.org.id)
      .where('answer.response_id', '=', row.id)
      .orderBy('question.code')
      .execute()
    assert.deepEqual(
      answers.map((a) => [
        a.code,
        a.numeric_value === null ? null : Number(a.numeric_value),
        a.option_code,
        a.text_value,
      ]),
      [
        ['duidelijkheid', 4, null, null],
        ['rapportcijfer', 7, null, null],
        ['snelheid', null, 'dont_know', null],
        ['waarom', null, null, 'De brief was duidelijk.'],
      ],
    )
    const account = await t.services.db
      .selectFrom('account')
      .select('id')
      .where('email', '=', o.email)
      .executeTakeFirstOrThrow()
    const event = await t.services.db
      .selectFrom('event')
      .select(['type', 'actor_type', 'actor_id', 'data'])
      .where('organisation_id', '=', o.org.id)
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow()
    assert.equal(event.type, 'response.submitted')
    assert.equal(event.actor_type, 'account')
    assert.equal(event.actor_id, account.id)
    assert.equal((event.data as { mode: string }).mode, 'paper')
    assert.equal((event.data as { formCode: string }).formCode, code)
    const next = await get(res.location)
    const html = await next.text()
    assert.match(html, new RegExp(`Formulier ${formatFormCode(code)} is opgeslagen`))
    assert.match(html, /href="#kb-formuliercode"[^>]*>Volgende formulier/)
    assert.match(html, /id="kb-formuliercode" name="kb-formuliercode"[^>]*value=""[^>]*autofocus/)
  })

  it('refuses the same form code a second time with a clear message, storing nothing', async () => {
    const code = freshCode()
    const fields = { 'kb-kanaal': 'brief', rapportcijfer: '5' }
    const first = await postForm(server.url, `${base()}/papier/invoeren`, handler, {
      ...fields,
      'kb-formuliercode': code,
    })
    assert.equal(first.status, 303)
    const count = (await responsesOf(o.org.id)).length
    const again = await postForm(server.url, `${base()}/papier/invoeren`, handler, {
      ...fields,
      'kb-formuliercode': ` ${formatFormCode(code)} `,
    })
    assert.equal(again.status, 400)
    assert.match(
      again.html,
      new RegExp(
        `href="#kb-formuliercode"[^>]*>Formulier ${formatFormCode(code)} is al ingevoerd op \\d+ \\w+ \\d{4}`,
      ),
    )
    assert.match(again.html, /Voer het niet nog een keer in/)
    assert.equal((await responsesOf(o.org.id)).length, count)
  })

  it('stores a paper form with a required question left blank, but refuses a form without any answer', async () => {
    const code = freshCode()
    const res = await postForm(server.url, `${base()}/papier/invoeren`, handler, {
      'kb-formuliercode': code,
      'kb-kanaal': 'brief',
      duidelijkheid: '2',
    })
    assert.equal(res.status, 303, 'the person skipped the rapportcijfer on paper; the other answer counts')
    const row = await t.services.db
      .selectFrom('paper_form_entry')
      .select('response_id as id')
      .where('organisation_id', '=', o.org.id)
      .where('form_code', '=', code)
      .executeTakeFirstOrThrow()
    const codes = await t.services.db
      .selectFrom('answer')
      .innerJoin('question', (j) =>
        j
          .onRef('question.organisation_id', '=', 'answer.organisation_id')
          .onRef('question.id', '=', 'answer.question_id'),
      )
      .select('question.code')
      .where('answer.organisation_id', '=', o.org.id)
      .where('answer.response_id', '=', row.id)
      .execute()
    assert.deepEqual(
      codes.map((c) => c.code),
      ['duidelijkheid'],
    )
    const count = (await responsesOf(o.org.id)).length
    const empty = await postForm(server.url, `${base()}/papier/invoeren`, handler, {
      'kb-formuliercode': freshCode(),
      'kb-kanaal': 'brief',
    })
    assert.equal(empty.status, 400)
    assert.match(empty.html, /Er is op dit formulier geen enkele vraag beantwoord/)
    assert.equal((await responsesOf(o.org.id)).length, count)
  })

  it('shows an error summary for a wrong code, an unknown channel and a wrong answer, keeps what was typed and stores nothing', async () => {
    const count = (await responsesOf(o.org.id)).length
    const res = await postForm(server.url, `${base()}/papier/invoeren`, handler, {
      'kb-formuliercode': 'ABCD-EFGH',
      'kb-kanaal': 'duif',
      duidelijkheid: '9',
      waarom: 'Bewaard na een fout',
    })
    assert.equal(res.status, 400)
    assert.match(res.html, /<title>Fout: /)
    assert.match(res.html, /role="alert"/)
    assert.match(res.html, /href="#kb-formuliercode"[^>]*>Deze formuliercode klopt niet/)
    assert.match(res.html, /href="#kb-kanaal"[^>]*>Kies een kanaal uit de lijst/)
    assert.doesNotMatch(res.html, /href="#rapportcijfer"/, 'a blank question is allowed on paper')
    assert.match(res.html, /href="#duidelijkheid"/)
    assert.match(res.html, /value="ABCD-EFGH"/)
    assert.match(res.html, />Bewaard na een fout<\/textarea>/)
    assert.equal((await responsesOf(o.org.id)).length, count)
  })

  it('is closed to viewers, to posts without the CSRF token and to other organisations', async () => {
    const viewerPath = `/o/${viewerOrg.org.slug}/vragenlijsten/${viewerOrg.survey.id}/papier/invoeren`
    assert.equal((await get(viewerPath, viewer)).status, 403)
    const post = await postForm(server.url, viewerPath, viewer, {
      'kb-formuliercode': freshCode(),
      'kb-kanaal': 'brief',
      rapportcijfer: '8',
    })
    assert.equal(post.status, 403)
    assert.equal((await responsesOf(viewerOrg.org.id)).length, 0)
    const noCsrf = await fetch(`${server.url}${base()}/papier/invoeren`, {
      method: 'POST',
      headers: { cookie: handler.cookie },
      body: new URLSearchParams({
        'kb-formuliercode': freshCode(),
        'kb-kanaal': 'brief',
        rapportcijfer: '8',
      }),
      redirect: 'manual',
    })
    assert.equal(noCsrf.status, 403)
    assert.equal(
      (await get(`/o/${viewerOrg.org.slug}/vragenlijsten/${viewerOrg.survey.id}/papier/invoeren`)).status,
      404,
    )
    assert.equal(
      (await postForm(server.url, `${base()}/papier/invoeren`, null, { rapportcijfer: '8' })).status,
      401,
    )
  })

  it('says a survey must be published before answers can be typed in', async () => {
    const ctx = { organisationId: o.org.id, actor: { type: 'system' as const } }
    const draft = await createSurvey(t.services.db, ctx, { definition: standardDefinition(), origin: 'test' })
    const entry = await get(`/o/${o.org.slug}/vragenlijsten/${draft.id}/papier/invoeren`)
    assert.equal(entry.status, 404)
    const paper = await get(`/o/${o.org.slug}/vragenlijsten/${draft.id}/papier`)
    assert.equal(paper.status, 200)
    assert.match(await paper.text(), /nog niet gepubliceerd/)
  })
})

describe('interview mode', () => {
  it('words the questions for the interviewer and stores the answers as an interview by phone', async () => {
    const page = await get(`${base()}/interview`)
    assert.equal(page.status, 200)
    const html = await page.text()
    assert.match(html, /Lees voor: Welk cijfer geeft u ons/)
    assert.match(html, /Voor u: Vraag om een cijfer van 1 tot en met 10/)
    assert.match(html, /<option value="telefoon" selected="">Telefoon<\/option>/)
    const res = await postForm(server.url, `${base()}/interview`, handler, {
      'kb-kanaal': 'huisbezoek',
      'kb-locatie': 'Wmo-keukentafelgesprek',
      rapportcijfer: '9',
      gemak: '5',
    })
    assert.equal(res.status, 303)
    assert.match(res.location, /\/interview\?kanaal=huisbezoek&locatie=Wmo-keukentafelgesprek&opgeslagen=1/)
    const row = (await responsesOf(o.org.id)).find((r) => r.collection_mode === 'interview')
    assert.ok(row)
    assert.equal(row.channel, 'huisbezoek')
    assert.deepEqual(row.context, { locatie: 'Wmo-keukentafelgesprek' })
    const event = await t.services.db
      .selectFrom('event')
      .select(['actor_type', 'data'])
      .where('organisation_id', '=', o.org.id)
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow()
    assert.equal(event.actor_type, 'account')
    assert.equal((event.data as { mode: string }).mode, 'interview')
    assert.match(await (await get(res.location)).text(), /Het gesprek is opgeslagen/)
  })

  it('validates like online: a missing required answer gives the error summary and stores nothing', async () => {
    const count = (await responsesOf(o.org.id)).length
    const res = await postForm(server.url, `${base()}/interview`, handler, {
      'kb-kanaal': 'telefoon',
      gemak: '7',
    })
    assert.equal(res.status, 400)
    assert.match(res.html, /href="#rapportcijfer"/)
    assert.match(res.html, /href="#gemak"/)
    assert.equal((await responsesOf(o.org.id)).length, count)
  })
})
