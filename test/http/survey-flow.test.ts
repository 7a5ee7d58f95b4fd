import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { storedAnswerRows } from '../answers.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../factories.ts'
import { everyTypeSurvey } from '../fixtures/every-type-survey.ts'
import { getPage, hiddenFields, postPage } from '../respondent.ts'
import { startTestServer, type TestServer } from '../server.ts'

let t: TestDatabase
let server: TestServer
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let key: string
let surveyId: string

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services)
  await t.services.db
    .insertInto('product')
    .values({
      organisation_id: org.org.id,
      id: crypto.randomUUID(),
      code: 'paspoort',
      name: 'Paspoort',
      department_id: null,
    })
    .execute()
  const created = await createPublishedSurvey(t.services, org.org.id, everyTypeSurvey())
  key = created.publicKey
  surveyId = created.id
})
after(async () => {
  await server.close()
  await t.dispose()
})

const get = (path: string) => getPage(server.url, path)
const post = (path: string, fields: Record<string, string | string[]>) => postPage(server.url, path, fields)

async function responseRow(id: string) {
  return t.services.db
    .selectFrom('response')
    .selectAll()
    .where('organisation_id', '=', org.org.id)
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

async function responseBySubmission(submissionKey: string) {
  return t.services.db
    .selectFrom('response')
    .selectAll()
    .where('organisation_id', '=', org.org.id)
    .where('submission_key', '=', submissionKey)
    .execute()
}

async function answersOf(responseId: string) {
  return storedAnswerRows(t.services, org.org.id, responseId)
}

describe('a survey with several screens, every question type and logic', () => {
  it('walks through all screens, keeping each screen as a partial response until the last one completes it', async () => {
    const start = await get(`/s/${key}?kanaal=balie&product=paspoort&zaak=Z-9&campagne=najaar`)
    assert.equal(start.status, 200)
    assert.match(start.html, /Stap 1 van 3/)
    assert.match(start.html, /<legend[^>]*>Welk cijfer geeft u ons\?<\/legend>/)
    const form = hiddenFields(start.html)
    assert.equal(form._h_product, 'paspoort')
    // Screen 1: a low grade, a negative smiley with its reason.
    const first = await post(`/s/${key}`, {
      ...form,
      _action: 'next',
      cijfer: '4',
      gevoel: 'negative',
      'gevoel--reden': 'negative:wachttijd',
      moeite: '2',
      aanbevelen: '3',
    })
    assert.equal(first.status, 303)
    const resume = first.location.split('?')[0] as string
    assert.match(resume, new RegExp(`^/s/${key}/verder/[A-Za-z0-9_-]{20,}$`))
    const [partial] = await responseBySubmission(form._submission as string)
    assert.ok(partial)
    assert.equal(partial.status, 'partial')
    assert.equal((await answersOf(partial.id)).find((a) => a.code === 'gevoel')?.detail_code, 'wachttijd')
    // Screen 2 shows the follow-up question because the grade was 5 or lower.
    const second = await get(first.location)
    assert.match(second.html, /Stap 2 van 3/)
    assert.match(second.html, /Wat ging er mis\?/)
    assert.match(second.html, /Wilt u later verder\?/)
    const invalid = await post(resume, { ...hiddenFields(second.html), _action: 'next', duidelijk: '9' })
    assert.equal(invalid.status, 400)
    assert.match(
      invalid.html,
      /<a class="utrecht-link" href="#duidelijk">Kies een van de antwoorden bij: De uitleg was duidelijk\.<\/a>/,
    )
    const third = await post(resume, {
      ...hiddenFields(second.html),
      _action: 'next',
      duidelijk: 'dont_know',
      vriendelijk: '4',
      serieus: '2',
      wat_mis: 'Lang gewacht.',
    })
    assert.equal(third.status, 303)
    const page3 = await get(third.location)
    assert.match(page3.html, /Stap 3 van 3/)
    assert.match(page3.html, /Versturen/)
    const done = await post(resume, {
      ...hiddenFields(page3.html),
      _action: 'send',
      reden: 'other',
      'reden--anders': 'Uittreksel',
      kanalen: ['telefoon', 'brief'],
      eerder: 'no',
      bezoekdatum: '17-3-2026',
      'mag_bellen--gevraagd': '1',
      mag_bellen: 'yes',
      'mag_citeren--gevraagd': '1',
    })
    assert.equal(done.status, 303)
    assert.equal(done.location, `/s/${key}/bedankt`)
    const row = await responseRow(partial.id)
    assert.equal(row.status, 'complete')
    assert.equal(row.resume_token_hash, null)
    assert.equal(row.case_reference, 'Z-9')
    assert.ok(row.product_id, 'the product code from the link was resolved')
    assert.equal((row.context as Record<string, unknown>).campagne, 'najaar')
    const answers = await answersOf(partial.id)
    const by = (code: string) => answers.filter((a) => a.code === code)
    assert.deepEqual(
      by('kanalen').map((a) => [a.item, a.option_code]),
      [
        [0, 'telefoon'],
        [1, 'brief'],
      ],
    )
    assert.equal(by('reden')[0]?.text_value, 'Uittreksel')
    assert.equal(by('bezoekdatum')[0]?.date_value, '2026-03-17')
    assert.equal(by('duidelijk')[0]?.option_code, 'dont_know')
    assert.equal(by('duidelijk')[0]?.numeric_value, null)
    assert.equal(by('eerder')[0]?.option_code, 'no')
    const consents = await t.services.db
      .selectFrom('consent')
      .select(['purpose', 'given', 'statement'])
      .where('organisation_id', '=', org.org.id)
      .where('response_id', '=', partial.id)
      .orderBy('purpose')
      .execute()
    assert.deepEqual(consents, [
      { purpose: 'quoting', given: false, statement: 'U mag mijn tekst zonder naam gebruiken.' },
      { purpose: 'recontact', given: true, statement: 'U mag mij bellen over mijn antwoorden.' },
    ])
    const events = await t.services.db
      .selectFrom('event')
      .select('type')
      .where('organisation_id', '=', org.org.id)
      .where('subject_id', '=', partial.id)
      .orderBy('occurred_at')
      .execute()
    assert.deepEqual(
      events.map((e) => e.type),
      ['response.started', 'response.saved', 'response.submitted'],
    )
    // The link no longer shows the answers once the response is complete.
    const gone = await get(resume)
    assert.equal(gone.status, 404)
    assert.match(gone.html, /Deze link werkt niet meer/)
  })

  it('skips the follow-up question when the grade is high, and stores no answer a person never saw', async () => {
    const start = await get(`/s/${key}`)
    const form = hiddenFields(start.html)
    const first = await post(`/s/${key}`, { ...form, _action: 'next', cijfer: '9' })
    const second = await get(first.location)
    assert.doesNotMatch(second.html, /Wat ging er mis\?/)
    const resume = first.location.split('?')[0] as string
    await post(resume, { ...hiddenFields(second.html), _action: 'next', wat_mis: 'verstopt antwoord' })
    const [r] = await responseBySubmission(form._submission as string)
    assert.ok(r)
    assert.equal(
      (await answersOf(r.id)).some((a) => a.code === 'wat_mis'),
      false,
    )
  })

  it('goes back without losing answers, and "save and continue later" shows the link', async () => {
    const start = await get(`/s/${key}`)
    const form = hiddenFields(start.html)
    const first = await post(`/s/${key}`, { ...form, _action: 'next', cijfer: '7', aanbevelen: '8' })
    const resume = first.location.split('?')[0] as string
    const second = await get(first.location)
    const back = await post(resume, { ...hiddenFields(second.html), _action: 'back', vriendelijk: '5' })
    assert.equal(back.status, 303)
    assert.match(back.location, /scherm=0/)
    const again = await get(back.location)
    assert.match(again.html, /id="cijfer-7" name="cijfer" value="7" checked/)
    const saved = await post(resume, { ...hiddenFields(again.html), _action: 'save', cijfer: '6' })
    assert.equal(saved.status, 303)
    const savedPage = await get(saved.location)
    assert.match(savedPage.html, /Uw antwoorden zijn bewaard/)
    assert.ok(savedPage.html.includes(resume))
    const [r] = await responseBySubmission(form._submission as string)
    assert.ok(r)
    const answers = await answersOf(r.id)
    assert.equal(answers.find((a) => a.code === 'cijfer')?.numeric_value, 6)
    assert.equal(answers.find((a) => a.code === 'vriendelijk')?.numeric_value, 5)
    assert.equal(r.status, 'partial')
  })

  it('a double post of the first screen creates one response and leads to the same link', async () => {
    const form = hiddenFields((await get(`/s/${key}`)).html)
    const a = await post(`/s/${key}`, { ...form, _action: 'next', cijfer: '8' })
    const b = await post(`/s/${key}`, { ...form, _action: 'next', cijfer: '8' })
    assert.equal(a.location, b.location)
    assert.equal((await responseBySubmission(form._submission as string)).length, 1)
  })

  it('speaks English with ?taal=en, falls back to Dutch per text, and stores the language', async () => {
    const start = await get(`/s/${key}?taal=en`)
    assert.match(start.html, /<html lang="en"/)
    assert.match(start.html, /What grade do you give us\?/)
    assert.match(start.html, /Step 1 of 3/)
    assert.match(start.html, /hreflang="nl"[^>]*>Nederlands</)
    const form = hiddenFields(start.html)
    const first = await post(`/s/${key}`, { ...form, _action: 'next' })
    assert.equal(first.status, 400)
    assert.match(first.html, /Please answer the question: What grade do you give us\?/)
    const ok = await post(`/s/${key}`, { ...form, _action: 'next', cijfer: '8' })
    const second = await get(ok.location)
    assert.match(second.html, /The employee|De medewerker was vriendelijk\./)
    assert.match(second.html, /It was clear\./)
    const [r] = await responseBySubmission(form._submission as string)
    assert.equal(r?.language, 'en')
  })

  it('keeps a respondent’s shuffled statement order on every visit, and orders differently across respondents', async () => {
    const order = (html: string) =>
      [...html.matchAll(/<fieldset[^>]*id="(duidelijk|vriendelijk|serieus)"/g)].map((m) => m[1]).join(',')
    const seen = new Set<string>()
    for (let i = 0; i < 8; i++) {
      const form = hiddenFields((await get(`/s/${key}`)).html)
      const first = await post(`/s/${key}`, { ...form, _action: 'next', cijfer: '8' })
      const a = order((await get(first.location)).html)
      const b = order((await get(first.location)).html)
      assert.equal(a, b)
      seen.add(a)
    }
    assert.ok(seen.size > 1, 'eight respondents all saw the same order')
  })

  it('shows one question per screen when the survey asks for it', async () => {
    const created = await createPublishedSurvey(
      t.services,
      org.org.id,
      everyTypeSurvey({ oneQuestionPerScreen: true }),
    )
    const start = await get(`/s/${created.publicKey}`)
    assert.equal((start.html.match(/class="utrecht-form-fieldset kb-question/g) ?? []).length, 1)
    assert.match(start.html, /Stap 1 van \d+/)
  })

  it('does not show a survey that was never published', async () => {
    const { createSurvey } = await import('../../src/modules/surveys/index.ts')
    const draft = await createSurvey(
      t.services.db,
      { organisationId: org.org.id, actor: { type: 'system' } },
      {
        definition: everyTypeSurvey(),
        origin: 'test',
      },
    )
    assert.equal((await get(`/s/${draft.publicKey}`)).status, 404)
    assert.ok(surveyId)
  })
})
