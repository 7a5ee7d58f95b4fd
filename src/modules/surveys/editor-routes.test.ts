import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff } from '../../../test/factories.ts'
import { startTestServer } from '../../../test/server.ts'
import { postForm, type StaffSession, staffSession } from '../../../test/staff.ts'

let t: TestDatabase
let server: { url: string; close(): Promise<void> }
let admin: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let viewer: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let adminSession: StaffSession
let viewerSession: StaffSession

const session = (email: string, slug: string) => staffSession(server.url, email, `/o/${slug}/vragenlijsten`)
const post = (p: string, who: StaffSession | null, fields: Record<string, string>) =>
  postForm(server.url, p, who, fields)

async function page(p: string, s: { cookie: string } | null) {
  const res = await fetch(`${server.url}${p}`, { headers: s ? { cookie: s.cookie } : {}, redirect: 'manual' })
  return { status: res.status, html: await res.text(), location: res.headers.get('location') ?? '' }
}

/** The editor form's current fields, as a browser would post them (checked boxes only). */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    fields[m[1] as string] = (m[2] as string)
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
  for (const m of html.matchAll(/<input[^>]*type="checkbox"[^>]*name="([^"]+)"[^>]*checked/g))
    fields[m[1] as string] = 'on'
  delete fields.json
  return fields
}

async function versions(surveyId: string) {
  return t.services.db
    .selectFrom('survey_version')
    .select(['version', 'status', 'definition'])
    .where('organisation_id', '=', admin.org.id)
    .where('survey_id', '=', surveyId)
    .orderBy('version')
    .execute()
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'analyst')
  viewer = await createOrganisationWithStaff(t.services, 'viewer')
  adminSession = await session(admin.email, admin.org.slug)
  viewerSession = await session(viewer.email, viewer.org.slug)
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

describe('the survey editor', () => {
  it('starts a survey from the standard questions, edits, reorders, adds, previews and publishes it', async () => {
    const base = `/o/${admin.org.slug}/vragenlijsten`
    const created = await post(`${base}/nieuw`, adminSession, {})
    assert.equal(created.status, 303)
    const surveyPath = created.location
    const surveyId = surveyPath.split('/').at(-1) as string
    let editor = await page(surveyPath, adminSession)
    assert.match(editor.html, /Concept versie 1/)
    assert.match(editor.html, /nog niet gepubliceerd/)
    // Edit the title and the second question, move it up, then add a yes/no question.
    const fields = formFields(editor.html)
    fields.title = 'Uw bezoek aan het Stadswinkel'
    fields['q1-text'] = 'De informatie was duidelijk.'
    const moved = await post(`${surveyPath}/concept`, adminSession, { ...fields, _action: 'up:1' })
    assert.equal(moved.status, 303)
    editor = await page(moved.location, adminSession)
    assert.match(editor.html, /Het concept is opgeslagen/)
    let def = (await versions(surveyId))[0]?.definition as {
      title: { nl: string }
      pages: { questions: { code: string; text: { nl: string }; type: string }[] }[]
    }
    assert.equal(def.title.nl, 'Uw bezoek aan het Stadswinkel')
    assert.deepEqual(
      def.pages[0]?.questions.slice(0, 2).map((q) => q.code),
      ['duidelijkheid', 'rapportcijfer'],
    )
    assert.equal(def.pages[0]?.questions[0]?.text.nl, 'De informatie was duidelijk.')
    await post(`${surveyPath}/concept`, adminSession, {
      ...formFields(editor.html),
      _action: 'add',
      'new-type': 'yes_no',
      'new-text': 'Kwam u voor het eerst?',
    })
    def = (await versions(surveyId))[0]?.definition as typeof def
    assert.deepEqual(def.pages[0]?.questions.at(-1), {
      code: 'kwam_u_voor_het_eerst',
      type: 'yes_no',
      text: { nl: 'Kwam u voor het eerst?' },
      required: false,
    })
    // The preview shows the draft as a respondent sees it, and stores nothing.
    const preview = await page(`${surveyPath}/voorbeeld`, adminSession)
    assert.equal(preview.status, 200)
    assert.match(preview.html, /Voorbeeld: zo ziet de vragenlijst eruit/)
    assert.match(preview.html, /Kwam u voor het eerst\?/)
    // Publish: version 1 becomes immutable and public.
    editor = await page(surveyPath, adminSession)
    const published = await post(`${surveyPath}/concept`, adminSession, {
      ...formFields(editor.html),
      _action: 'publish',
    })
    assert.equal(published.status, 303)
    assert.deepEqual(
      (await versions(surveyId)).map((v) => [v.version, v.status]),
      [[1, 'published']],
    )
    editor = await page(surveyPath, adminSession)
    const key = /href="\/s\/([A-Za-z0-9_-]+)"/.exec(editor.html)?.[1]
    assert.ok(key)
    assert.match((await page(`/s/${key}`, null)).html, /Kwam u voor het eerst\?/)
    // Editing now opens version 2 as a copy; version 1 stays as it was.
    await post(`${surveyPath}/concept`, adminSession, { _action: 'open' })
    editor = await page(surveyPath, adminSession)
    assert.match(editor.html, /Concept versie 2/)
    await post(`${surveyPath}/concept`, adminSession, { ...formFields(editor.html), _action: 'delete:0' })
    const all = await versions(surveyId)
    assert.deepEqual(
      all.map((v) => [v.version, v.status]),
      [
        [1, 'published'],
        [2, 'draft'],
      ],
    )
    assert.equal((all[0]?.definition as typeof def).pages[0]?.questions[0]?.code, 'duidelijkheid')
    assert.equal((all[1]?.definition as typeof def).pages[0]?.questions[0]?.code, 'rapportcijfer')
    // The database refuses to change a published version, whatever the application does.
    await assert.rejects(
      t.services.db
        .updateTable('survey_version')
        .set({ definition: '{}' })
        .where('organisation_id', '=', admin.org.id)
        .where('survey_id', '=', surveyId)
        .where('version', '=', 1)
        .execute(),
      /published and cannot change/,
    )
  })

  it('shows B1 advice on a hard text, and an error summary for an invalid edit without saving it', async () => {
    const created = await post(`/o/${admin.org.slug}/vragenlijsten/nieuw`, adminSession, {})
    const surveyPath = created.location
    const editor = await page(surveyPath, adminSession)
    const fields = formFields(editor.html)
    fields['q0-text'] =
      'Hoe beoordeelt u, rekening houdend met de geldende beleidsuitgangspunten en de doorlooptijdverplichtingen, de totaliteit van de dienstverleningsinteractie?'
    await post(`${surveyPath}/concept`, adminSession, { ...fields, _action: 'save' })
    const after = await page(surveyPath, adminSession)
    assert.match(after.html, /Let op, misschien niet B1 \(leesbaarheid Flesch-Douma \d+\): .*lange zin/)
    const bad = await post(`${surveyPath}/concept`, adminSession, {
      ...formFields(after.html),
      'q0-text': '',
      _action: 'save',
    })
    assert.equal(bad.status, 400)
    const html = bad.html
    assert.match(html, /<a class="utrecht-link" href="#q0-text">/)
    const bad2 = await post(`${surveyPath}/concept`, adminSession, { _action: 'json', json: '{ kapot' })
    assert.equal(bad2.status, 400)
    assert.match(bad2.html, /href="#json">json: Dit is geen geldige JSON/)
  })

  it('imports a LimeSurvey file through the page and shows the report per question', async () => {
    const lss = fs.readFileSync(
      path.join(import.meta.dirname, 'import', 'fixtures', 'limesurvey6-publiekszaken.lss'),
    )
    const body = new FormData()
    body.set('_csrf', adminSession.csrf)
    body.set('bestand', new File([lss], 'publiekszaken.lss'))
    const res = await fetch(`${server.url}/o/${admin.org.slug}/vragenlijsten/importeren`, {
      method: 'POST',
      headers: { cookie: adminSession.cookie },
      body,
    })
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /is geïmporteerd als concept/)
    assert.match(html, /niet overgenomen/)
    const broken = new FormData()
    broken.set('_csrf', adminSession.csrf)
    broken.set('bestand', new File(['<note/>'], 'x.xml'))
    const bad = await fetch(`${server.url}/o/${admin.org.slug}/vragenlijsten/importeren`, {
      method: 'POST',
      headers: { cookie: adminSession.cookie },
      body: broken,
    })
    assert.equal(bad.status, 400)
    assert.match(await bad.text(), /Dit bestand kan niet worden geïmporteerd: .*Er is niets aangemaakt/s)
  })

  it('lets a viewer read but not edit, refuses anonymous visitors and other organisations', async () => {
    const list = await page(`/o/${viewer.org.slug}/vragenlijsten`, viewerSession)
    assert.equal(list.status, 200)
    assert.doesNotMatch(list.html, /Nieuwe vragenlijst maken/)
    assert.equal((await post(`/o/${viewer.org.slug}/vragenlijsten/nieuw`, viewerSession, {})).status, 403)
    assert.equal((await page(`/o/${admin.org.slug}/vragenlijsten`, null)).status, 303)
    const other = await page(`/o/${admin.org.slug}/vragenlijsten/${admin.survey.id}`, viewerSession)
    assert.ok([403, 404].includes(other.status), `got ${other.status}`)
    assert.equal(
      (await post(`/o/${admin.org.slug}/vragenlijsten/nieuw`, { ...adminSession, csrf: 'wrong' }, {})).status,
      403,
    )
  })
})
