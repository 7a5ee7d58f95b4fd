/**
 * The CSV upload of contact moments over HTTP with the real server and database: a Dutch Excel file
 * (';' and a byte order mark) is recorded with a decision per line; a file with errors records nothing
 * and lists line, column and message; a re-upload with kenmerken stores nothing new; roles and
 * organisations are checked.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { addStaffMember } from '../../src/modules/organisations/add-staff-member.ts'
import { newId } from '../../src/platform/db/ids.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { type StaffSession, staffSession } from '../staff.ts'

let t: TestDatabase
let server: TestServer
let admin: StaffSession
let analyst: StaffSession
let viewer: StaffSession
let other: StaffSession
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services, 'admin')
  await t.services.db
    .insertInto('product')
    .values({
      organisation_id: org.org.id,
      id: newId(),
      code: 'paspoort',
      name: 'Paspoort',
      department_id: null,
    })
    .execute()
  const ctx = { organisationId: org.org.id, actor: { type: 'system' as const } }
  for (const role of ['viewer', 'analyst'] as const)
    await addStaffMember(t.services.db, ctx, {
      email: `${role}@${org.org.slug}.test`,
      displayName: role,
      password: TEST_PASSWORD,
      role,
    })
  const page = `/o/${org.org.slug}`
  admin = await staffSession(server.url, org.email, page)
  analyst = await staffSession(server.url, `analyst@${org.org.slug}.test`, page)
  viewer = await staffSession(server.url, `viewer@${org.org.slug}.test`, page)
  const elsewhere = await createOrganisationWithStaff(t.services, 'admin')
  other = await staffSession(server.url, elsewhere.email, `/o/${elsewhere.org.slug}`)
})
after(async () => {
  await server.close()
  await t.dispose()
})

const path = () => `/o/${org.org.slug}/uitnodigingen/contacten-uploaden`

/** Posts the upload form as a browser does: multipart with the survey and the file. */
async function upload(who: StaffSession | null, csv: string | Uint8Array, surveyId = org.survey.id) {
  const form = new FormData()
  if (who) form.set('_csrf', who.csrf)
  form.set('vragenlijst', surveyId)
  form.set(
    'bestand',
    new Blob([typeof csv === 'string' ? csv : Buffer.from(csv)], { type: 'text/csv' }),
    'contacten.csv',
  )
  const res = await fetch(`${server.url}${path()}`, {
    method: 'POST',
    headers: who ? { cookie: who.cookie } : {},
    body: form,
    redirect: 'manual',
  })
  return { status: res.status, html: await res.text() }
}

async function csvMoments() {
  return t.services.db
    .selectFrom('contact_moment as m')
    .innerJoin('invitation as i', (j) =>
      j.onRef('i.organisation_id', '=', 'm.organisation_id').onRef('i.contact_moment_id', '=', 'm.id'),
    )
    .select(['m.external_id', 'm.case_reference', 'm.occurred_at', 'm.language', 'i.status', 'i.channel'])
    .where('m.organisation_id', '=', org.org.id)
    .where('m.source', '=', 'csv')
    .orderBy('m.external_id')
    .execute()
}

/** The number in the result table's row named `label`. */
function countIn(html: string, label: string): number {
  const m = new RegExp(`${label.replace(/[()]/g, '\\$&')}</th><td[^>]*>(\\d+)</td>`).exec(html)
  assert.ok(m, `no row "${label}" in the result`)
  return Number(m[1])
}

// Dutch Excel: BOM, ';', CRLF, quoted field with a ';' inside, an empty line, Dutch dates.
const EXCEL =
  '\uFEFFE-mail;Telefoon;Zaak;Product;Kanaal;Moment;Taal;Kenmerk\r\n' +
  'anna@example.nl;;Z-1;paspoort;balie;2026-11-23 14:05;nl;k-1\r\n' +
  ';06 12345678;Z-2;;telefoon;23-11-2026 15:30;;k-2\r\n' +
  '\r\n' +
  'ANNA@example.nl ;;Z-3;;"balie";2026-11-23T16:00:00+01:00;en;k-3\r\n' +
  'bert@example.nl;;Z-1;paspoort;balie;24-11-2026 09:00;nl;k-4\r\n'

describe('CSV upload of contacts', () => {
  it('shows the form with the columns and an example file to the roles that may upload', async () => {
    for (const who of [admin, analyst]) {
      const res = await fetch(`${server.url}${path()}`, { headers: { cookie: who.cookie } })
      assert.equal(res.status, 200)
      const html = await res.text()
      assert.match(html, /enctype="multipart\/form-data"/)
      assert.match(html, /<code>kenmerk<\/code>/)
    }
    const example = await fetch(`${server.url}/o/${org.org.slug}/uitnodigingen/voorbeeld-contacten.csv`, {
      headers: { cookie: admin.cookie },
    })
    assert.equal(example.status, 200)
    assert.match(example.headers.get('content-disposition') ?? '', /attachment/)
    // Response.text() drops a byte order mark: read the bytes to see that it is there for Excel.
    const text = Buffer.from(await example.arrayBuffer()).toString('utf8')
    assert.ok(text.startsWith('\uFEFFe-mail;telefoon;zaak;product;kanaal;moment;taal;kenmerk\r\n'))
  })

  it('records a Dutch Excel file (; and BOM) with a decision per line, as source csv', async () => {
    const res = await upload(admin, EXCEL)
    assert.equal(res.status, 200, res.html)
    assert.match(res.html, /We hebben 4 regels verwerkt/)
    assert.equal(countIn(res.html, 'Gepland'), 2)
    // Anna twice (case-insensitive address): the second is suppressed; Z-1 again: duplicate.
    assert.equal(countIn(res.html, 'Onderdrukt (kort geleden al uitgenodigd)'), 1)
    assert.equal(countIn(res.html, 'Dubbel (al uitgenodigd voor deze zaak)'), 1)
    assert.equal(countIn(res.html, 'Al eerder ontvangen (zelfde kenmerk)'), 0)
    const rows = await csvMoments()
    assert.deepEqual(
      rows.map((r) => [r.external_id, r.case_reference, r.status, r.channel]),
      [
        ['k-1', 'Z-1', 'planned', 'email'],
        ['k-2', 'Z-2', 'planned', 'sms'],
        ['k-3', 'Z-3', 'suppressed', 'email'],
        ['k-4', 'Z-1', 'duplicate', 'email'],
      ],
    )
    // Without an offset the moment is Amsterdam time (CET in November: UTC+1).
    assert.equal(rows[0]?.occurred_at.toISOString(), '2026-11-23T13:05:00.000Z')
    assert.equal(rows[1]?.occurred_at.toISOString(), '2026-11-23T14:30:00.000Z')
    assert.equal(rows[2]?.language, 'en')
    const events = await t.services.db
      .selectFrom('event')
      .select(['actor_id', 'data'])
      .where('organisation_id', '=', org.org.id)
      .where('type', '=', 'contact-moments.uploaded')
      .execute()
    assert.equal(events.length, 1)
    assert.ok(events[0]?.actor_id, 'the upload is recorded with the staff member')
  })

  it('answers a re-upload of the same file from the kenmerken and stores nothing new', async () => {
    const res = await upload(analyst, EXCEL)
    assert.equal(res.status, 200, res.html)
    assert.equal(countIn(res.html, 'Al eerder ontvangen (zelfde kenmerk)'), 4)
    assert.equal(countIn(res.html, 'Gepland'), 0)
    assert.equal((await csvMoments()).length, 4)
  })

  it('records nothing when a line is wrong, and lists line, column and message for each problem', async () => {
    const before = (await csvMoments()).length
    const bad =
      'e-mail,telefoon,zaak,product,kanaal,moment,taal,kenmerk\n' +
      'goed@example.nl,,Z-10,,balie,2026-11-23 10:00,nl,n-1\n' +
      'geen-adres,,Z-11,,balie,2026-11-23 10:00,nl,n-2\n' +
      ',,Z-12,onbekend,fax,31-02-2026 10:00,nederlands,n-3\n' +
      'c@example.nl,0612,Z 13,,balie,2026-11-23,nl,n-1\n'
    const res = await upload(admin, bad)
    assert.equal(res.status, 400)
    assert.match(res.html, /Er is niets opgeslagen: het bestand heeft fouten/)
    for (const expected of [
      'Regel 3, kolom e-mail: Dit is geen geldig e-mailadres.',
      'Regel 4, kolom e-mail: Vul een e-mailadres of telefoonnummer in.',
      'Regel 4, kolom product: Deze productcode kennen we niet.',
      'Regel 4, kolom kanaal: Deze kanaalcode kennen we niet.',
      'Regel 4, kolom moment: Dit is geen datum en tijd.',
      'Regel 4, kolom taal: Schrijf de taal als code van 2 of 3 letters',
      'Regel 5, kolom telefoon: Dit is geen geldig telefoonnummer.',
      'Regel 5, kolom zaak: Een zaaknummer heeft alleen letters',
      'Regel 5, kolom moment: Vul ook de tijd in',
      'Regel 5, kolom kenmerk: Dit kenmerk staat ook op regel 2.',
    ])
      assert.ok(res.html.includes(expected), `missing: ${expected}`)
    assert.match(res.html, /href="#bestand"/)
    assert.equal((await csvMoments()).length, before, 'not even the valid line is recorded')
  })

  it('shows the first 100 problems and counts the rest', async () => {
    const lines = Array.from({ length: 130 }, (_, i) => `fout-${i};2026-11-23 10:00`)
    const res = await upload(admin, `e-mail;moment\n${lines.join('\n')}`)
    assert.equal(res.status, 400)
    assert.equal(res.html.match(/Dit is geen geldig e-mailadres/g)?.length, 100)
    assert.match(res.html, /En nog 30 andere fouten\./)
  })

  it('refuses a header without moment or address, an unknown column, a workbook and an empty file', async () => {
    const header = await upload(admin, 'naam;zaak\nAnna;Z-1\n')
    assert.equal(header.status, 400)
    assert.match(header.html, /Regel 1, kolom naam: Deze kolom kennen we niet/)
    assert.match(header.html, /De kolom &quot;moment&quot; ontbreekt|De kolom "moment" ontbreekt/)
    const workbook = await upload(admin, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))
    assert.equal(workbook.status, 400)
    assert.match(workbook.html, /Dit is een Excel- of Calc-bestand/)
    const onlyHeader = await upload(admin, 'e-mail;moment\r\n')
    assert.equal(onlyHeader.status, 400)
    assert.match(onlyHeader.html, /alleen een kopregel/)
    const form = new FormData()
    form.set('_csrf', admin.csrf)
    form.set('vragenlijst', org.survey.id)
    const none = await fetch(`${server.url}${path()}`, {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: form,
    })
    assert.equal(none.status, 400)
    assert.match(await none.text(), /Kies een CSV-bestand\./)
  })

  it('refuses a survey that is not the organisation’s', async () => {
    const res = await upload(admin, EXCEL, '00000000-0000-7000-8000-000000000000')
    assert.equal(res.status, 400)
    assert.match(res.html, /Kies een vragenlijst met regels voor uitnodigingen\./)
  })

  it('refuses viewers, other organisations, a missing CSRF token and visitors without a session', async () => {
    const before = (await csvMoments()).length
    const page = await fetch(`${server.url}${path()}`, { headers: { cookie: viewer.cookie } })
    assert.equal(page.status, 403)
    assert.equal((await upload(viewer, EXCEL.replaceAll('k-', 'v-'))).status, 403)
    assert.equal((await upload(other, EXCEL.replaceAll('k-', 'o-'))).status, 404)
    assert.equal(
      (await upload({ cookie: admin.cookie, csrf: 'wrong' }, EXCEL.replaceAll('k-', 'c-'))).status,
      403,
    )
    assert.equal((await upload(null, EXCEL.replaceAll('k-', 'a-'))).status, 401)
    const anonymous = await fetch(`${server.url}${path()}`, { redirect: 'manual' })
    assert.equal(anonymous.status, 303)
    assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=/)
    assert.equal((await csvMoments()).length, before)
  })

  it('links to the upload from the page "Uitnodigingen" for admins, not for viewers', async () => {
    const adminPage = await (
      await fetch(`${server.url}/o/${org.org.slug}/uitnodigingen`, { headers: { cookie: admin.cookie } })
    ).text()
    assert.match(adminPage, /href="\/o\/[^"]+\/uitnodigingen\/contacten-uploaden"/)
    const viewerPage = await (
      await fetch(`${server.url}/o/${org.org.slug}/uitnodigingen`, { headers: { cookie: viewer.cookie } })
    ).text()
    assert.doesNotMatch(viewerPage, /contacten-uploaden/)
  })
})
