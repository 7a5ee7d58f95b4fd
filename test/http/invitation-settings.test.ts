/**
 * The invitation settings over HTTP with the real server and database: an administrator changes a
 * survey's rule and the next contact moment is planned by it; the mail sender is saved; a person is
 * opted out by staff (the next contact moment is `opted_out`) and the opt-out is withdrawn (plannable
 * again). Only administrators may; every change is audited with the actor; addresses are not stored.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  deliverDueInvitations,
  invitationKey,
  invitationSenderHeaders,
} from '../../src/modules/invitations/index.ts'
import { addStaffMember } from '../../src/modules/organisations/add-staff-member.ts'
import { newId } from '../../src/platform/db/ids.ts'
import { createMailer } from '../../src/platform/mail/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { startTestSmtp, type TestSmtp } from '../smtp.ts'
import { postForm, type StaffSession, staffSession } from '../staff.ts'

let smtp: TestSmtp
let t: TestDatabase
let server: TestServer
let admin: StaffSession
let analyst: StaffSession
let other: StaffSession
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let counter = 0

before(async () => {
  smtp = await startTestSmtp()
  t = await createTestDatabase({ SMTP_URL: smtp.url })
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services, 'admin')
  await addStaffMember(
    t.services.db,
    { organisationId: org.org.id, actor: { type: 'system' } },
    {
      email: `analyst@${org.org.slug}.test`,
      displayName: 'Analist',
      password: TEST_PASSWORD,
      role: 'analyst',
    },
  )
  admin = await staffSession(server.url, org.email, `/o/${org.org.slug}`)
  analyst = await staffSession(server.url, `analyst@${org.org.slug}.test`, `/o/${org.org.slug}`)
  const elsewhere = await createOrganisationWithStaff(t.services, 'admin')
  other = await staffSession(server.url, elsewhere.email, `/o/${elsewhere.org.slug}`)
})
after(async () => {
  await server.close()
  await t.dispose()
  await smtp.close()
})

const base = () => `/o/${org.org.slug}/uitnodigingen`

/** Records a contact moment through the API, as a zaaksysteem would. */
async function contactMoment(contact: { email?: string; phone?: string }, occurredAt: Date) {
  counter += 1
  const res = await fetch(`${server.url}/api/v1/organisations/${org.org.slug}/contact-moments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    body: JSON.stringify({
      survey: org.survey.id,
      caseReference: `Z-S-${counter}`,
      contact,
      occurredAt: occurredAt.toISOString(),
    }),
  })
  assert.equal(res.status, 201, await res.clone().text())
  return (await res.json()) as { id: string; invitation: { status: string; sendAt?: string } }
}

const RULE = {
  vertraging: 'minuten',
  tijdstip: '10:00',
  minuten: '30',
  'stil-van': '',
  'stil-tot': '',
  steekproef: '100',
  onderdrukking: '0',
  herinnering: '3',
  verloop: '10',
  kanaal: 'email',
}

async function events(type: string) {
  return t.services.db
    .selectFrom('event')
    .select(['actor_type', 'actor_id', 'data'])
    .where('organisation_id', '=', org.org.id)
    .where('type', '=', type)
    .execute()
}

describe('invitation rules', () => {
  it('shows every survey with its rule in plain Dutch', async () => {
    const res = await fetch(`${server.url}${base()}/instellingen`, { headers: { cookie: admin.cookie } })
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /Versturen op de volgende werkdag om 10:00\./)
    assert.match(html, /Stille uren van 21:00 tot 08:00\./)
    assert.match(html, /Hoogstens één uitnodiging per persoon per 90 dagen\./)
  })

  it('plans the next contact moment by the changed rule', async () => {
    // A Wednesday afternoon in the future: the default rule sends the next working day at 10:00.
    const occurredAt = new Date('2030-01-09T13:00:00Z')
    const before = await contactMoment({ email: 'regel-1@example.nl' }, occurredAt)
    assert.equal(before.invitation.sendAt, '2030-01-10T09:00:00.000Z')
    const saved = await postForm(server.url, `${base()}/instellingen/${org.survey.id}`, admin, RULE)
    assert.equal(saved.status, 303)
    assert.equal(saved.location, `${base()}/instellingen?opgeslagen=regels`)
    const after = await contactMoment({ email: 'regel-2@example.nl' }, occurredAt)
    assert.equal(after.invitation.sendAt, '2030-01-09T13:30:00.000Z')
    const invitation = await t.services.db
      .selectFrom('invitation')
      .select(['remind_at', 'expires_at'])
      .where('organisation_id', '=', org.org.id)
      .where('contact_moment_id', '=', after.id)
      .executeTakeFirstOrThrow()
    assert.equal(invitation.remind_at?.toISOString(), '2030-01-12T13:30:00.000Z')
    assert.equal(invitation.expires_at?.toISOString(), '2030-01-19T13:30:00.000Z')
    const changed = await events('invitation-rule.changed')
    assert.equal(changed.length, 1)
    assert.equal(changed[0]?.actor_type, 'account')
    assert.ok(changed[0]?.actor_id)
    const data = changed[0]?.data as { before: { delay_kind: string }; after: { delay_minutes: number } }
    assert.equal(data.before.delay_kind, 'next_working_day')
    assert.equal(data.after.delay_minutes, 30)
    const page = await (
      await fetch(`${server.url}${base()}/instellingen/${org.survey.id}`, {
        headers: { cookie: admin.cookie },
      })
    ).text()
    assert.match(page, /id="minuten" name="minuten" value="30"/)
  })

  it('refuses an invalid rule with an error summary and keeps the rule', async () => {
    const res = await postForm(server.url, `${base()}/instellingen/${org.survey.id}`, admin, {
      ...RULE,
      vertraging: 'volgende-werkdag',
      tijdstip: '25:00',
      'stil-van': '21:00',
      steekproef: '101',
      herinnering: '10',
      kanaal: 'fax',
    })
    assert.equal(res.status, 400)
    assert.match(res.html, /Er ging iets mis/)
    for (const field of ['tijdstip', 'stil-tot', 'steekproef', 'herinnering', 'kanaal'])
      assert.match(res.html, new RegExp(`href="#${field}"`), field)
    assert.match(res.html, /De herinnering moet eerder komen dan het einde van de link/)
    const rule = await t.services.db
      .selectFrom('invitation_rule')
      .select(['delay_kind', 'sample_percent'])
      .where('organisation_id', '=', org.org.id)
      .where('survey_id', '=', org.survey.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(rule, { delay_kind: 'minutes', sample_percent: 100 })
  })

  it('answers 404 for a survey of another organisation or no survey at all', async () => {
    const res = await fetch(`${server.url}${base()}/instellingen/not-a-survey`, {
      headers: { cookie: admin.cookie },
    })
    assert.equal(res.status, 404)
    const theirs = await postForm(server.url, `${base()}/instellingen/${org.survey.id}`, other, RULE)
    assert.equal(theirs.status, 404)
  })

  it('gives one product its own rule, which wins for that product only, and removes it again', async () => {
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
    const occurredAt = new Date('2030-01-09T13:00:00Z')
    const moment = async (product: string | null) => {
      counter += 1
      const res = await fetch(`${server.url}/api/v1/organisations/${org.org.slug}/contact-moments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        body: JSON.stringify({
          survey: org.survey.id,
          ...(product ? { product } : {}),
          caseReference: `Z-P-${counter}`,
          contact: { email: `product-${counter}@example.nl` },
          occurredAt: occurredAt.toISOString(),
        }),
      })
      assert.equal(res.status, 201, await res.clone().text())
      return ((await res.json()) as { invitation: { sendAt: string } }).invitation.sendAt
    }
    const surveyPage = await fetch(`${server.url}${base()}/instellingen/${org.survey.id}`, {
      headers: { cookie: admin.cookie },
    })
    assert.match(await surveyPage.text(), /<option value="paspoort">Paspoort<\/option>/)
    const saved = await postForm(
      server.url,
      `${base()}/instellingen/${org.survey.id}?product=paspoort`,
      admin,
      { ...RULE, minuten: '120' },
    )
    assert.equal(saved.status, 303)
    // The survey's rule (30 minutes, from the test above) still holds for contacts without the product.
    assert.equal(await moment('paspoort'), '2030-01-09T15:00:00.000Z')
    assert.equal(await moment(null), '2030-01-09T13:30:00.000Z')
    const overview = await (
      await fetch(`${server.url}${base()}/instellingen`, { headers: { cookie: admin.cookie } })
    ).text()
    assert.match(overview, /product Paspoort/)
    assert.match(overview, /Versturen 120 minuten na het contact\./)
    const removed = await postForm(
      server.url,
      `${base()}/instellingen/${org.survey.id}/product-verwijderen?product=paspoort`,
      admin,
      {},
    )
    assert.equal(removed.status, 303)
    assert.equal(await moment('paspoort'), '2030-01-09T13:30:00.000Z')
    assert.equal((await events('invitation-rule.deleted')).length, 1)
    const unknown = await fetch(`${server.url}${base()}/instellingen/${org.survey.id}?product=onbekend`, {
      headers: { cookie: admin.cookie },
    })
    assert.equal(unknown.status, 404)
  })
})

describe('the mail sender', () => {
  it('saves a sender name and a reply-to address, refuses a bad address, and audits the change', async () => {
    const bad = await postForm(server.url, `${base()}/afzender`, admin, {
      afzender: 'KCC',
      antwoordadres: 'geen adres',
    })
    assert.equal(bad.status, 400)
    assert.match(bad.html, /href="#antwoordadres"/)
    const ok = await postForm(server.url, `${base()}/afzender`, admin, {
      afzender: 'Klantcontactcentrum Gemeente Test',
      antwoordadres: 'KCC@Example.nl',
    })
    assert.equal(ok.status, 303)
    const overview = await (
      await fetch(`${server.url}${base()}/instellingen`, { headers: { cookie: admin.cookie } })
    ).text()
    assert.match(overview, /Naam van de afzender: Klantcontactcentrum Gemeente Test/)
    assert.match(overview, /Antwoordadres: kcc@example\.nl/)
    const [event] = await events('invitation-sender.changed')
    assert.deepEqual(event?.data, {
      senderName: 'Klantcontactcentrum Gemeente Test',
      replyTo: 'kcc@example.nl',
    })
    // The next invitation goes out with that sender name (MAIL_FROM's address) and Reply-To.
    const moment = await contactMoment({ email: 'afzender@example.nl' }, new Date())
    const mailer = createMailer(t.services.config)
    try {
      await deliverDueInvitations({
        db: t.services.db,
        config: { ...t.services.config, publicUrl: server.url },
        mailer,
        sms: null,
        key: await invitationKey(t.services.db, t.services.config.SESSION_SECRET),
        now: new Date(moment.invitation.sendAt as string),
      })
    } finally {
      await mailer.close()
    }
    const [mail] = await smtp.waitFor(1)
    assert.equal(mail?.from?.value[0]?.name, 'Klantcontactcentrum Gemeente Test')
    assert.equal(mail?.replyTo?.value[0]?.address, 'kcc@example.nl')
    assert.deepEqual(
      invitationSenderHeaders('Klankbord <noreply@klankbord.test>', 'Gemeente Test', {
        senderName: 'KCC "Test"',
        replyTo: 'kcc@example.nl',
      }),
      { from: '"KCC \\"Test\\"" <noreply@klankbord.test>', headers: { 'Reply-To': 'kcc@example.nl' } },
    )
  })
})

describe('opt-out management', () => {
  it('opts a person out on request: the next contact moment is opted_out; withdrawing makes it plannable again', async () => {
    const soon = new Date(Date.now() + 3_600_000)
    const running = await contactMoment({ phone: '06 98765432' }, soon)
    assert.equal(running.invitation.status, 'planned')
    const looked = await postForm(server.url, `${base()}/afmeldingen`, admin, {
      adres: '+31 6 9876 5432',
      actie: 'zoeken',
    })
    assert.equal(looked.status, 200)
    assert.match(looked.html, /Niet afgemeld\./)
    assert.match(looked.html, /Volgende uitnodiging gepland op/)
    const optedOut = await postForm(server.url, `${base()}/afmeldingen`, admin, {
      adres: '0698765432',
      actie: 'afmelden',
    })
    assert.equal(optedOut.status, 200)
    assert.match(optedOut.html, /Deze persoon is afgemeld\./)
    assert.match(optedOut.html, /Afgemeld op .*door een medewerker/)
    assert.match(optedOut.html, /Eén persoon heeft zich afgemeld/)
    // The address is shown only as the field's value, nowhere else on the page.
    assert.equal(optedOut.html.split('0698765432').length - 1, 1)
    const stopped = await t.services.db
      .selectFrom('invitation')
      .select(['status', 'address'])
      .where('organisation_id', '=', org.org.id)
      .where('contact_moment_id', '=', running.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(stopped, { status: 'opted_out', address: null })
    assert.equal((await contactMoment({ phone: '06-98765432' }, soon)).invitation.status, 'opted_out')

    const withdrawn = await postForm(server.url, `${base()}/afmeldingen`, admin, {
      adres: '06 98765432',
      actie: 'intrekken',
    })
    assert.equal(withdrawn.status, 200)
    assert.match(withdrawn.html, /De afmelding is ingetrokken\./)
    assert.match(withdrawn.html, /Niet afgemeld\./)
    assert.equal((await contactMoment({ phone: '0698765432' }, soon)).invitation.status, 'planned')

    for (const type of ['invitation.opted-out', 'opt-out.withdrawn', 'opt-out.looked-up']) {
      const list = await events(type)
      assert.ok(list.length >= 1, type)
      assert.ok(
        list.every((e) => e.actor_type === 'account' && e.actor_id),
        `${type} names the staff member`,
      )
      assert.ok(!JSON.stringify(list).includes('98765432'), `${type} holds no phone number`)
    }
    const rows = await t.services.db
      .selectFrom('opt_out')
      .selectAll()
      .where('organisation_id', '=', org.org.id)
      .execute()
    assert.equal(rows.length, 0)
  })

  it('refuses an address that is neither e-mail nor phone with an error summary', async () => {
    const res = await postForm(server.url, `${base()}/afmeldingen`, admin, {
      adres: 'jan',
      actie: 'afmelden',
    })
    assert.equal(res.status, 400)
    assert.match(res.html, /href="#adres"/)
    assert.equal((await t.services.db.selectFrom('opt_out').selectAll().execute()).length, 0)
  })
})

describe('who may change the settings', () => {
  it('refuses analysts, other organisations and visitors without a session', async () => {
    for (const path of ['instellingen', `instellingen/${org.survey.id}`, 'afzender', 'afmeldingen']) {
      const page = await fetch(`${server.url}${base()}/${path}`, { headers: { cookie: analyst.cookie } })
      assert.equal(page.status, 403, path)
      const anonymous = await fetch(`${server.url}${base()}/${path}`, { redirect: 'manual' })
      assert.equal(anonymous.status, 303, path)
      const theirs = await fetch(`${server.url}${base()}/${path}`, { headers: { cookie: other.cookie } })
      assert.equal(theirs.status, 404, path)
    }
    assert.equal(
      (await postForm(server.url, `${base()}/instellingen/${org.survey.id}`, analyst, RULE)).status,
      403,
    )
    assert.equal(
      (
        await postForm(server.url, `${base()}/afmeldingen`, analyst, {
          adres: 'a@example.nl',
          actie: 'afmelden',
        })
      ).status,
      403,
    )
    assert.equal((await postForm(server.url, `${base()}/afzender`, null, { afzender: 'X' })).status, 401)
    assert.equal((await t.services.db.selectFrom('opt_out').selectAll().execute()).length, 0)
  })
})
