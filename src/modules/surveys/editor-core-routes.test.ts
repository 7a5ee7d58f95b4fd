import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff } from '../../../test/factories.ts'
import { startTestServer } from '../../../test/server.ts'
import { postForm, type StaffSession, staffSession } from '../../../test/staff.ts'

let t: TestDatabase
let server: { url: string; close(): Promise<void> }
let admin: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let other: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let s: StaffSession
let otherSession: StaffSession

const session = (email: string, slug: string) => staffSession(server.url, email, `/o/${slug}/vragenlijsten`)
const post = (p: string, who: StaffSession | null, fields: Record<string, string>) =>
  postForm(server.url, p, who, fields)

async function page(p: string) {
  const res = await fetch(`${server.url}${p}`, { headers: { cookie: s.cookie }, redirect: 'manual' })
  return res.text()
}

/** The editor's text fields and checked boxes, as a browser posts them. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    fields[m[1] as string] = (m[2] as string).replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  for (const m of html.matchAll(/<input[^>]*type="checkbox"[^>]*name="([^"]+)"[^>]*checked/g))
    fields[m[1] as string] = 'on'
  delete fields.json
  return fields
}

const markers = (html: string) =>
  [...html.matchAll(/<strong>Kernvraag \(([^)]+)\)<\/strong>/g)].map((m) => m[1])
const offered = (html: string) =>
  [
    ...(/<select[^>]*name="new-core"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '').matchAll(
      /value="([^"]+)"/g,
    ),
  ].map((m) => m[1])

type Def = { pages: { questions: Record<string, unknown>[] }[] }
async function draftDefinition(surveyId: string) {
  const row = await t.services.db
    .selectFrom('survey_version')
    .select('definition')
    .where('organisation_id', '=', admin.org.id)
    .where('survey_id', '=', surveyId)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow()
  return (row.definition as Def).pages.flatMap((p) => p.questions)
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'admin')
  other = await createOrganisationWithStaff(t.services, 'admin')
  s = await session(admin.email, admin.org.slug)
  otherSession = await session(other.email, other.org.slug)
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

describe('core questions (kernvragen) in the survey editor', () => {
  it('marks core-linked questions, adds a core question without JavaScript, and reports a changed one', async () => {
    const created = await post(`/o/${admin.org.slug}/vragenlijsten/nieuw`, s, {})
    const surveyPath = created.location
    const surveyId = surveyPath.split('/').at(-1) as string
    let html = await page(surveyPath)
    assert.deepEqual(markers(html), [
      'Rapportcijfer, versie 1',
      'Duidelijkheid, versie 1',
      'Snelheid, versie 1',
      'Deskundigheid, versie 1',
      'Serieus genomen, versie 1',
      'Gemak, versie 1',
    ])
    assert.deepEqual(offered(html), [
      'kern.meedenken@1',
      'kern.inlevingsvermogen@1',
      'kern.vriendelijkheid@1',
    ])

    const added = await post(`${surveyPath}/concept`, s, {
      ...formFields(html),
      _action: 'add-core',
      'new-core': 'kern.vriendelijkheid@1',
    })
    assert.equal(added.status, 303)
    assert.deepEqual((await draftDefinition(surveyId)).at(-1), {
      code: 'vriendelijkheid',
      type: 'agreement',
      text: { nl: 'Ik werd vriendelijk geholpen.' },
      required: false,
      driver: 'vriendelijkheid',
      core: { block: 'kern.vriendelijkheid', version: 1 },
      dontKnow: true,
    })
    html = await page(added.location)
    assert.equal(markers(html).at(-1), 'Vriendelijkheid, versie 1')
    assert.deepEqual(offered(html), ['kern.meedenken@1', 'kern.inlevingsvermogen@1'])

    // Question 3 (snelheid) gets another wording: it becomes an eigen vraag, and the editor says so.
    const fields = formFields(html)
    fields['q2-text'] = 'Ik hoefde niet lang te wachten.'
    const saved = await post(`${surveyPath}/concept`, s, { ...fields, _action: 'publish' })
    assert.equal(saved.status, 303)
    html = await page(saved.location)
    assert.match(
      html,
      /Vraag ‘snelheid’ is nu een eigen \(lokale\) vraag\. De tekst is anders dan bij de kernvraag Snelheid \(versie 1\)/,
    )
    assert.ok(!markers(html).includes('Snelheid, versie 1'))
    const rows = await t.services.db
      .selectFrom('question')
      .select(['code', 'core_block'])
      .where('organisation_id', '=', admin.org.id)
      .where('survey_id', '=', surveyId)
      .where('code', 'in', ['snelheid', 'vriendelijkheid', 'gemak'])
      .orderBy('position')
      .execute()
    assert.deepEqual(rows, [
      { code: 'snelheid', core_block: null },
      { code: 'gemak', core_block: 'kern.gemak' },
      { code: 'vriendelijkheid', core_block: 'kern.vriendelijkheid' },
    ])
  })

  it('adds nothing for a value that is not a core question, and refuses a link to an unknown bouwblok', async () => {
    const surveyPath = (await post(`/o/${admin.org.slug}/vragenlijsten/nieuw`, s, {})).location
    const surveyId = surveyPath.split('/').at(-1) as string
    const before = await draftDefinition(surveyId)
    for (const value of ['kern.doorlooptijd@1', 'kern.snelheid@9', '<script>'])
      await post(`${surveyPath}/concept`, s, { _action: 'add-core', 'new-core': value })
    assert.deepEqual(await draftDefinition(surveyId), before)

    const json = {
      format: 'klankbord.survey/1',
      title: { nl: 'T' },
      pages: [
        {
          questions: [
            {
              code: 'a',
              type: 'grade',
              text: { nl: 'Cijfer?' },
              core: { block: 'kern.bestaat_niet', version: 1 },
            },
          ],
        },
      ],
    }
    const refused = await post(`${surveyPath}/concept`, s, { _action: 'json', json: JSON.stringify(json) })
    assert.equal(refused.status, 400)
    assert.match(refused.html, /kern\.bestaat_niet version 1 is not a bouwblok of kern/)
    assert.deepEqual(await draftDefinition(surveyId), before)
  })

  it('lets nobody outside the organisation add a core question', async () => {
    const surveyPath = (await post(`/o/${admin.org.slug}/vragenlijsten/nieuw`, s, {})).location
    const surveyId = surveyPath.split('/').at(-1) as string
    const before = await draftDefinition(surveyId)
    const fields = { _action: 'add-core', 'new-core': 'kern.meedenken@1' }
    const anonymous = await post(`${surveyPath}/concept`, null, fields)
    assert.ok([303, 401, 403].includes(anonymous.status), `anonymous got ${anonymous.status}`)
    const foreign = await post(`${surveyPath}/concept`, otherSession, fields)
    assert.ok([403, 404].includes(foreign.status), `other organisation got ${foreign.status}`)
    assert.deepEqual(await draftDefinition(surveyId), before)
  })
})
