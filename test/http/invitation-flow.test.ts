import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { AddressObject, ParsedMail } from 'mailparser'
import { allJobs, allSchedules } from '../../src/main/jobs.ts'
import {
  deliverDueInvitations,
  forgetExpiredAddresses,
  invitationKey,
  seedDefaultRule,
} from '../../src/modules/invitations/index.ts'
import { standardDefinition } from '../../src/modules/surveys/definition/standard.ts'
import { createMailer, type Mailer } from '../../src/platform/mail/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../factories.ts'
import { getPage, hiddenFields, postPage } from '../respondent.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { rawHeader, startTestSmtp, type TestSmtp } from '../smtp.ts'
import { type StaffSession, staffSession } from '../staff.ts'

let smtp: TestSmtp
let t: TestDatabase
let server: TestServer
let mailer: Mailer
let staff: StaffSession
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let secondSurveyId: string

before(async () => {
  // Recipients starting with "bounce" are refused with 550, as a mail server refuses an unknown mailbox.
  smtp = await startTestSmtp({ rejectRecipients: /^bounce/ })
  t = await createTestDatabase({ SMTP_URL: smtp.url })
  server = await startTestServer(t.services)
  mailer = createMailer(t.services.config)
  org = await createOrganisationWithStaff(t.services, 'admin')
  staff = await staffSession(server.url, org.email, `/o/${org.org.slug}`)
  const second = await createPublishedSurvey(t.services, org.org.id, {
    ...standardDefinition(),
    title: { nl: 'Vragenlijst vergunningen' },
  })
  secondSurveyId = second.id
  await seedDefaultRule(t.services.db, { organisationId: org.org.id, actor: { type: 'system' } }, second.id)
})
after(async () => {
  await mailer.close()
  await server.close()
  await t.dispose()
  await smtp.close()
})

/** Sends a contact moment through the API as the organisation's admin. */
async function contactMoment(email: string, caseReference: string, survey = org.survey.id) {
  const res = await fetch(`${server.url}/api/v1/organisations/${org.org.slug}/contact-moments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: staff.cookie, 'x-csrf-token': staff.csrf },
    body: JSON.stringify({
      survey,
      channel: 'balie',
      caseReference,
      contact: { email },
      occurredAt: new Date().toISOString(),
    }),
  })
  assert.ok(res.status === 201, `contact moment: ${res.status} ${await res.clone().text()}`)
  return (await res.json()) as { id: string; invitation: { status: string; sendAt?: string } }
}

/** Runs the delivery use case of invitations.deliver-due as if the clock said `now`. */
async function deliverAt(now: Date) {
  return deliverDueInvitations({
    db: t.services.db,
    // Links in the mail must point at the test server.
    config: { ...t.services.config, publicUrl: server.url },
    mailer,
    sms: null,
    key: await invitationKey(t.services.db, t.services.config.SESSION_SECRET),
    now,
  })
}

const recipient = (m: ParsedMail) => (m.to as AddressObject).value[0]?.address
const mailsTo = (address: string) => smtp.messages.filter((m) => recipient(m) === address)

function surveyLink(mail: ParsedMail) {
  const link = new RegExp(`${server.url}/i/[A-Za-z0-9_-]{43}`).exec(mail.text ?? '')?.[0]
  assert.ok(link, 'the mail has a survey link')
  return link.slice(server.url.length)
}

async function invitation(contactMomentId: string) {
  return t.services.db
    .selectFrom('invitation')
    .selectAll()
    .where('organisation_id', '=', org.org.id)
    .where('contact_moment_id', '=', contactMomentId)
    .executeTakeFirstOrThrow()
}

describe('invitations end to end', () => {
  it('registers the delivery and forget jobs with their schedules', () => {
    const names = allJobs.map((j) => j.name)
    assert.ok(names.includes('invitations.deliver-due'))
    assert.ok(names.includes('invitations.forget-addresses'))
    assert.ok(allSchedules.some((s) => s.name === 'invitations.deliver-due' && s.cron === '* * * * *'))
  })

  it('mails the invitation when it is due; the link leads to the survey; answering completes it and forgets the address', async () => {
    const moment = await contactMoment('jan.jansen@example.nl', 'Z-2026-000001')
    assert.equal(moment.invitation.status, 'planned')
    const sendAt = new Date(moment.invitation.sendAt as string)

    // A minute early nothing goes out.
    await deliverAt(new Date(sendAt.getTime() - 60_000))
    assert.equal(mailsTo('jan.jansen@example.nl').length, 0)
    const report = await deliverAt(sendAt)
    assert.ok(report.sent >= 1, JSON.stringify(report))
    const [mail] = mailsTo('jan.jansen@example.nl')
    assert.ok(mail, 'the invitation arrived at the SMTP server')
    assert.match(rawHeader(mail, 'List-Unsubscribe') ?? '', /\/afmelden\//)
    assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
    let row = await invitation(moment.id)
    assert.equal(row.status, 'sent')
    assert.match(row.token_hash ?? '', /^[0-9a-f]{64}$/)
    const link = surveyLink(mail)
    assert.ok(!row.token_hash?.includes(link.slice(3)), 'only the hash is stored')

    const opened = await getPage(server.url, link)
    assert.equal(opened.status, 303)
    const target = new URL(opened.location, server.url)
    assert.equal(target.pathname, `/s/${org.survey.publicKey}`)
    assert.equal(target.searchParams.get('kanaal'), 'balie')
    assert.equal(target.searchParams.get('zaak'), 'Z-2026-000001')
    assert.equal((await invitation(moment.id)).status, 'started')

    const form = await getPage(server.url, `${target.pathname}${target.search}`)
    assert.equal(form.status, 200)
    const hidden = hiddenFields(form.html)
    assert.equal(hidden._uitnodiging, link.slice(3))
    const sent = await postPage(server.url, target.pathname, { ...hidden, rapportcijfer: '8' })
    assert.equal(sent.status, 303)
    assert.match(sent.location, /\/bedankt/)

    row = await invitation(moment.id)
    assert.equal(row.status, 'completed')
    assert.equal(row.address, null)
    assert.ok(row.response_id)
    const response = await t.services.db
      .selectFrom('response')
      .innerJoin('channel', (j) =>
        j
          .onRef('channel.organisation_id', '=', 'response.organisation_id')
          .onRef('channel.id', '=', 'response.channel_id'),
      )
      .select(['channel.code', 'response.case_reference'])
      .where('response.organisation_id', '=', org.org.id)
      .where('response.id', '=', row.response_id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(response, { code: 'balie', case_reference: 'Z-2026-000001' })

    const again = await getPage(server.url, link)
    assert.equal(again.status, 410)
    assert.match(again.html, /al ingevuld/)
    assert.equal((await getPage(server.url, `/i/${'A'.repeat(43)}`)).status, 404)
    // The survey link never reaches another site through Referer, nor a cache.
    const headers = (await fetch(`${server.url}${link}`, { redirect: 'manual' })).headers
    assert.equal(headers.get('referrer-policy'), 'no-referrer')
    assert.equal(headers.get('cache-control'), 'no-store')
  })

  it('opts out with the one-click POST of the mail; a later contact moment for another survey is opted_out', async () => {
    const moment = await contactMoment('piet@example.nl', 'Z-2026-000002')
    await deliverAt(new Date(moment.invitation.sendAt as string))
    const [mail] = mailsTo('piet@example.nl')
    assert.ok(mail)
    const optOutUrl = /<(http[^>]+\/afmelden\/[^>]+)>/.exec(rawHeader(mail, 'List-Unsubscribe') ?? '')?.[1]
    assert.ok(optOutUrl)
    const path = optOutUrl.slice(server.url.length)

    const question = await getPage(server.url, path)
    assert.equal(question.status, 200)
    assert.match(question.html, /<button type="submit"[^>]*>\s*Afmelden/)
    // What a mail program sends (RFC 8058): no cookies, no Origin, only this body.
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    assert.equal(res.status, 200)
    assert.match(await res.text(), /U bent afgemeld/)
    const row = await invitation(moment.id)
    assert.equal(row.status, 'opted_out')
    assert.equal(row.address, null)
    const optOut = await t.services.db
      .selectFrom('opt_out')
      .selectAll()
      .where('organisation_id', '=', org.org.id)
      .where('person_hash', '=', row.person_hash as string)
      .executeTakeFirstOrThrow()
    assert.equal(optOut.method, 'one_click')
    // The survey link of an opted-out invitation no longer works.
    assert.equal((await getPage(server.url, surveyLink(mail))).status, 410)

    const later = await contactMoment('Piet@Example.nl', 'Z-2026-000003', secondSurveyId)
    assert.deepEqual(later.invitation, { status: 'opted_out' })
    assert.equal((await getPage(server.url, '/afmelden/niet-van-ons')).status, 404)
  })

  it('marks a refused recipient bounced and forgets the address at once', async () => {
    const moment = await contactMoment('bounce-me@example.nl', 'Z-2026-000004')
    const report = await deliverAt(new Date(moment.invitation.sendAt as string))
    assert.ok(report.bounced >= 1)
    const row = await invitation(moment.id)
    assert.equal(row.status, 'bounced')
    assert.equal(row.address, null)
    assert.equal(row.token_hash, null)
    assert.equal(mailsTo('bounce-me@example.nl').length, 0)
    const events = await t.services.db
      .selectFrom('event')
      .select('type')
      .where('organisation_id', '=', org.org.id)
      .where('subject_id', '=', row.id)
      .execute()
    assert.ok(events.some((e) => e.type === 'invitation.bounced'))
  })

  it('reminds once with a new link, and the forget job expires unanswered invitations and nulls their addresses', async () => {
    const sentOne = await contactMoment('lisa@example.nl', 'Z-2026-000005')
    const neverSent = await contactMoment('kees@example.nl', 'Z-2026-000006', secondSurveyId)
    const sendAt = new Date(sentOne.invitation.sendAt as string)
    // The second invitation is never delivered (say the worker was down): planned until its expiry.
    await t.services.db
      .updateTable('invitation')
      .set((eb) => ({ send_at: eb.ref('expires_at') }))
      .where('organisation_id', '=', org.org.id)
      .where('contact_moment_id', '=', neverSent.id)
      .execute()
    await deliverAt(sendAt)
    const first = await invitation(sentOne.id)
    const firstLink = surveyLink(mailsTo('lisa@example.nl')[0] as ParsedMail)

    const report = await deliverAt(first.remind_at as Date)
    assert.ok(report.reminded >= 1)
    const mails = mailsTo('lisa@example.nl')
    assert.equal(mails.length, 2)
    const reminderLink = surveyLink(mails[1] as ParsedMail)
    assert.notEqual(reminderLink, firstLink)
    assert.equal((await invitation(sentOne.id)).status, 'reminded')
    // The reminder's link replaces the first one.
    assert.equal((await getPage(server.url, firstLink)).status, 404)

    const atExpiry = first.expires_at as Date
    // A second reminder never comes.
    await deliverAt(new Date(atExpiry.getTime() - 60_000))
    assert.equal(mailsTo('lisa@example.nl').length, 2)

    const expired = await forgetExpiredAddresses(t.services.db, atExpiry)
    assert.ok(expired >= 2)
    for (const id of [sentOne.id, neverSent.id]) {
      const row = await invitation(id)
      assert.equal(row.status, 'expired')
      assert.equal(row.address, null)
    }
    assert.equal(mailsTo('kees@example.nl').length, 0)
    const expiredPage = await getPage(server.url, reminderLink)
    assert.equal(expiredPage.status, 410)
    assert.match(expiredPage.html, /werkt niet meer/)

    // No address outlives its invitation: only running invitations before their expiry hold one.
    const leftovers = await t.services.db
      .selectFrom('invitation')
      .select(['status', 'expires_at'])
      .where('address', 'is not', null)
      .execute()
    for (const l of leftovers) {
      assert.ok(['planned', 'sent', 'reminded', 'started'].includes(l.status), l.status)
      assert.ok((l.expires_at as Date) > atExpiry)
    }
  })
  it('completes the invitation of a survey of two screens when its last screen is sent', async () => {
    // The standard questions on two screens: the rapportcijfer first, the rest after it.
    const def = standardDefinition()
    const [grade, ...rest] = def.pages[0]?.questions ?? []
    const twoScreens = await createPublishedSurvey(t.services, org.org.id, {
      ...def,
      title: { nl: 'Vragenlijst in twee stappen' },
      pages: [{ questions: [grade] }, { questions: rest }],
    })
    await seedDefaultRule(
      t.services.db,
      { organisationId: org.org.id, actor: { type: 'system' } },
      twoScreens.id,
    )
    const moment = await contactMoment('twee.stappen@example.nl', 'Z-2026-000099', twoScreens.id)
    await deliverAt(new Date(moment.invitation.sendAt as string))
    const [mail] = mailsTo('twee.stappen@example.nl')
    assert.ok(mail, 'the invitation arrived')
    const opened = await getPage(server.url, surveyLink(mail))
    assert.equal(opened.status, 303)
    const target = new URL(opened.location, server.url)
    const first = await getPage(server.url, `${target.pathname}${target.search}`)
    const next = await postPage(server.url, target.pathname, {
      ...hiddenFields(first.html),
      _action: 'next',
      rapportcijfer: '6',
    })
    assert.equal(next.status, 303)
    assert.match(next.location, new RegExp(`^/s/${twoScreens.publicKey}/verder/`))
    assert.equal((await invitation(moment.id)).status, 'started', 'one screen is not a complete response')

    const second = await getPage(server.url, next.location)
    assert.equal(second.status, 200)
    const done = await postPage(server.url, next.location, { ...hiddenFields(second.html), _action: 'send' })
    assert.equal(done.status, 303)
    assert.match(done.location, /\/bedankt/)
    const row = await invitation(moment.id)
    assert.equal(row.status, 'completed')
    assert.equal(row.address, null)
    const response = await t.services.db
      .selectFrom('response')
      .select(['status', 'case_reference'])
      .where('organisation_id', '=', org.org.id)
      .where('id', '=', row.response_id as string)
      .executeTakeFirstOrThrow()
    assert.deepEqual(response, { status: 'complete', case_reference: 'Z-2026-000099' })
  })
})
