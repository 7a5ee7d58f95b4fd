/**
 * The staff page "Uitnodigingen" over HTTP, on invitations that went through the real flow: contact
 * moments by the API, delivery to a real SMTP server (one recipient refused), one link followed and
 * the survey answered, one person suppressed.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { AddressObject } from 'mailparser'
import { deliverDueInvitations, invitationKey } from '../../src/modules/invitations/index.ts'
import { addStaffMember } from '../../src/modules/organisations/add-staff-member.ts'
import { createMailer, type Mailer } from '../../src/platform/mail/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { getPage, hiddenFields, postPage } from '../respondent.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { startTestSmtp, type TestSmtp } from '../smtp.ts'
import { type StaffSession, staffSession } from '../staff.ts'

let smtp: TestSmtp
let t: TestDatabase
let server: TestServer
let mailer: Mailer
let admin: StaffSession
let viewerCookie: string
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  smtp = await startTestSmtp({ rejectRecipients: /^bounce/ })
  t = await createTestDatabase({ SMTP_URL: smtp.url })
  server = await startTestServer(t.services)
  mailer = createMailer(t.services.config)
  org = await createOrganisationWithStaff(t.services, 'admin')
  admin = await staffSession(server.url, org.email, `/o/${org.org.slug}`)
  await addStaffMember(
    t.services.db,
    { organisationId: org.org.id, actor: { type: 'system' } },
    {
      email: `viewer@${org.org.slug}.test`,
      displayName: 'Kijker',
      password: TEST_PASSWORD,
      role: 'viewer',
    },
  )
  viewerCookie = (await staffSession(server.url, `viewer@${org.org.slug}.test`, `/o/${org.org.slug}`)).cookie
})
after(async () => {
  await mailer.close()
  await server.close()
  await t.dispose()
  await smtp.close()
})

async function contactMoment(email: string, caseReference: string) {
  const res = await fetch(`${server.url}/api/v1/organisations/${org.org.slug}/contact-moments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    body: JSON.stringify({
      survey: org.survey.id,
      caseReference,
      contact: { email },
      occurredAt: new Date().toISOString(),
    }),
  })
  assert.equal(res.status, 201, await res.clone().text())
  return (await res.json()) as { id: string; invitation: { status: string; sendAt?: string } }
}

describe('the staff page "Uitnodigingen"', () => {
  it('counts recorded, not invited, sent, bounced, started and completed, with the response rate, and lists the log without addresses', async () => {
    const answered = await contactMoment('anna@example.nl', 'Z-1')
    await contactMoment('bounce@example.nl', 'Z-2')
    const again = await contactMoment('anna@example.nl', 'Z-3')
    assert.equal(again.invitation.status, 'suppressed')
    await deliverDueInvitations({
      db: t.services.db,
      config: { ...t.services.config, publicUrl: server.url },
      mailer,
      sms: null,
      key: await invitationKey(t.services.db, t.services.config.SESSION_SECRET),
      now: new Date(answered.invitation.sendAt as string),
    })
    const mail = smtp.messages.find((m) => (m.to as AddressObject).value[0]?.address === 'anna@example.nl')
    const link = new RegExp(`${server.url}(/i/[A-Za-z0-9_-]{43})`).exec(mail?.text ?? '')?.[1]
    assert.ok(link, 'the invitation arrived with its link')
    const target = new URL((await getPage(server.url, link)).location, server.url)
    const form = await getPage(server.url, `${target.pathname}${target.search}`)
    const sent = await postPage(server.url, target.pathname, {
      ...hiddenFields(form.html),
      rapportcijfer: '9',
    })
    assert.equal(sent.status, 303)

    const res = await fetch(`${server.url}/o/${org.org.slug}/uitnodigingen`, {
      headers: { cookie: viewerCookie },
    })
    assert.equal(res.status, 200)
    const html = await res.text()
    // E-mail, no product: 3 recorded, 1 not invited, 2 sent, 1 bounced, 1 started, 1 completed → 1 / (2 − 1) = 100%.
    const row =
      /<tr class="utrecht-table__row"><th[^>]*scope="row">E-mail<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? ''
    const cells = [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1])
    assert.deepEqual(cells, ['Geen product', '3', '1', '2', '1', '1', '1', '100%'])
    for (const status of ['Ingevuld', 'Niet aangekomen', 'Kort geleden al uitgenodigd'])
      assert.ok(html.includes(`<td class="utrecht-table__cell">${status}</td>`), status)
    assert.ok(
      !html.includes('anna@example.nl') && !html.includes('bounce@example.nl'),
      'no addresses on the page',
    )
  })

  it('filters by period and refuses a date that does not exist with an error summary', async () => {
    const empty = await fetch(`${server.url}/o/${org.org.slug}/uitnodigingen?van=2020-01-01&tot=2020-01-31`, {
      headers: { cookie: viewerCookie },
    })
    assert.match(await empty.text(), /In deze periode kwamen geen contactmomenten binnen/)
    const wrong = await fetch(`${server.url}/o/${org.org.slug}/uitnodigingen?van=2026-02-30&tot=2026-03-01`, {
      headers: { cookie: viewerCookie },
    })
    assert.equal(wrong.status, 400)
    const html = await wrong.text()
    assert.match(html, /href="#van"[^>]*>Vul een datum in/)
    assert.match(html, /id="van" name="van" value="2026-02-30"/)
  })
})
