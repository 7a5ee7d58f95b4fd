import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { AddressObject, ParsedMail } from 'mailparser'
import { createApp } from '../../src/main/http.ts'
import { allJobs, allSchedules } from '../../src/main/jobs.ts'
import type { Services } from '../../src/main/services.ts'
import { processInbox, processInboxJob, sealingKey } from '../../src/modules/common-ground/index.ts'
import { deliverDueInvitations, invitationKey } from '../../src/modules/invitations/index.ts'
import { listen } from '../../src/platform/http/listen.ts'
import { createMailer, type Mailer } from '../../src/platform/mail/index.ts'
import { KLANKBORD_CLIENT, startZgwServers, type ZgwServers } from '../common-ground/zgw-server.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff } from '../factories.ts'
import { startTestSmtp, type TestSmtp } from '../smtp.ts'
import { assertProblem, postForm, type StaffSession, staffSession } from '../staff.ts'

const ZAAKTYPE = 'https://catalogi.example.nl/catalogi/api/v1/zaaktypen/5b1a8a4e-1c2d-4e3f-9a0b-1c2d3e4f5a6b'
const OTHER_ZAAKTYPE =
  'https://catalogi.example.nl/catalogi/api/v1/zaaktypen/ffffffff-1c2d-4e3f-9a0b-1c2d3e4f5a6b'

let smtp: TestSmtp
let t: TestDatabase
let services: Services
let zgw: ZgwServers
let url: string
let closeServer: () => Promise<void>
let mailer: Mailer
let admin: StaffSession
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let counter = 0

before(async () => {
  smtp = await startTestSmtp()
  t = await createTestDatabase({ SMTP_URL: smtp.url })
  zgw = await startZgwServers({ rolPageSize: 1 })
  // The callback URL given to the Notificaties API is built on PUBLIC_URL: serve the app on the address
  // it will be called on (the app is made once the port is known).
  let app: ReturnType<typeof createApp> | null = null
  const server = await listen((req) => (app as ReturnType<typeof createApp>).fetch(req), 0, '127.0.0.1')
  url = `http://127.0.0.1:${server.port}`
  services = { ...t.services, config: { ...t.services.config, publicUrl: url } }
  app = createApp(services)
  closeServer = () => server.close()
  mailer = createMailer(t.services.config)
  org = await createOrganisationWithStaff(t.services, 'admin')
  admin = await staffSession(url, org.email, `/o/${org.org.slug}/koppelingen`)
})
after(async () => {
  await mailer.close()
  await closeServer()
  await zgw.close()
  await t.dispose()
  await smtp.close()
})

const page = (suffix = '') => `/o/${org.org.slug}/koppelingen${suffix}`

async function configure() {
  const saved = await postForm(url, page(), admin, {
    notificatiesUrl: zgw.notificatiesUrl,
    zakenUrl: zgw.zakenUrl,
    clientId: KLANKBORD_CLIENT.clientId,
    clientSecret: KLANKBORD_CLIENT.secret,
  })
  assert.equal(saved.status, 303, saved.html)
  const channel = await t.services.db
    .selectFrom('channel')
    .select('id')
    .where('organisation_id', '=', org.org.id)
    .where('code', '=', 'website')
    .executeTakeFirstOrThrow()
  const mapped = await postForm(url, page('/zaaktypen'), admin, {
    zaaktypeUrl: ZAAKTYPE,
    surveyId: org.survey.id,
    productId: '',
    channelId: channel.id,
  })
  assert.equal(mapped.status, 303, mapped.html)
  const subscribed = await postForm(url, page('/abonneren'), admin, {})
  assert.equal(subscribed.status, 303, subscribed.html)
}

/** A zaak of the mapped zaaktype with an initiator who has an e-mail address. */
function zaakWithInitiator(email: string, zaaktype = ZAAKTYPE) {
  counter += 1
  const zaak = zgw.addZaak({ identificatie: `ZAAK-2026-${String(counter).padStart(4, '0')}`, zaaktype })
  zgw.addRol(zaak, { omschrijvingGeneriek: 'behandelaar', email: 'medewerker@gemeente.nl' })
  zgw.addRol(zaak, { omschrijvingGeneriek: 'initiator', email })
  return zaak
}

async function inboxRow(statusUrl: string) {
  return t.services.db
    .selectFrom('common_ground_notification')
    .selectAll()
    .where('organisation_id', '=', org.org.id)
    .where('resource_url', '=', statusUrl)
    .execute()
}

async function deps(now = new Date()) {
  return {
    invitationKey: await invitationKey(t.services.db, t.services.config.SESSION_SECRET),
    sealingKey: await sealingKey(t.services.db, t.services.config.SESSION_SECRET),
    now,
  }
}

const callback = () => `${url}/api/v1/organisations/${org.org.slug}/notifications`
const token = () => zgw.abonnementen.at(-1)?.auth as string
const recipient = (m: ParsedMail) => (m.to as AddressObject).value[0]?.address

describe('Common Ground: Notificaties API and Zaken API to an invitation', () => {
  it('registers the inbox job with a schedule every minute', () => {
    assert.ok(allJobs.some((j) => j.name === 'common-ground.process-inbox'))
    assert.ok(allSchedules.some((s) => s.name === 'common-ground.process-inbox' && s.cron === '* * * * *'))
  })

  it('subscribes on kanaal zaken with the callback URL and a token it keeps only as a hash', async () => {
    await configure()
    assert.equal(zgw.abonnementen.length, 1)
    const a = zgw.abonnementen[0]
    assert.equal(a?.callbackUrl, callback())
    assert.deepEqual(a?.kanalen, [{ naam: 'zaken', filters: {} }])
    assert.match(a?.auth ?? '', /^Bearer zgw-[A-Za-z0-9_-]{43}$/)
    // The Notificaties API tested the callback with the new token while subscribing.
    assert.deepEqual(zgw.deliveries.at(-1), { kanaal: 'test', status: 204 })
    const row = await t.services.db
      .selectFrom('common_ground_link')
      .selectAll()
      .where('organisation_id', '=', org.org.id)
      .executeTakeFirstOrThrow()
    const dump = JSON.stringify(row)
    assert.ok(!dump.includes((a?.auth ?? '').slice(7)), 'the token itself is not stored')
    assert.ok(!dump.includes(KLANKBORD_CLIENT.secret), 'the client secret is not stored in plain text')
    assert.equal(row.abonnement_url, a?.url)
    assert.equal(row.pending_token_hash, null)
  })

  it('plans an invitation when the eindstatus is set, and the mail arrives', async () => {
    const zaak = zaakWithInitiator('inwoner.eind@example.nl')
    const before = await zgw.setStatus(zaak, { final: false })
    assert.equal(zgw.deliveries.at(-1)?.status, 204)
    const { statusUrl } = await zgw.setStatus(zaak, { final: true })
    assert.equal(zgw.deliveries.at(-1)?.status, 204)
    assert.equal((await inboxRow(statusUrl)).length, 1, 'stored before the 204')
    const queued = await t.services.db
      .selectFrom('job')
      .select('id')
      .where('name', '=', 'common-ground.process-inbox')
      .where('status', '=', 'queued')
      .execute()
    assert.ok(queued.length >= 2, 'a job was queued with each stored notification')

    await processInboxJob.handler(
      {},
      {
        services,
        job: { id: 'test', attempts: 1, organisationId: org.org.id },
        log: t.services.logger,
        signal: new AbortController().signal,
      },
    )
    const [first] = await inboxRow(before.statusUrl)
    assert.equal(first?.status, 'skipped')
    assert.equal(first?.outcome, 'not_final_status')
    const [row] = await inboxRow(statusUrl)
    assert.equal(row?.status, 'processed')
    assert.equal(row?.outcome, 'planned')

    const moment = await t.services.db
      .selectFrom('contact_moment as m')
      .innerJoin('invitation as i', (j) =>
        j.onRef('i.organisation_id', '=', 'm.organisation_id').onRef('i.contact_moment_id', '=', 'm.id'),
      )
      .innerJoin('channel as c', (j) =>
        j.onRef('c.organisation_id', '=', 'm.organisation_id').onRef('c.id', '=', 'm.channel_id'),
      )
      .select(['m.source', 'm.case_reference', 'm.occurred_at', 'i.status', 'i.send_at', 'c.code'])
      .where('m.organisation_id', '=', org.org.id)
      .where('m.id', '=', row?.contact_moment_id as string)
      .executeTakeFirstOrThrow()
    assert.equal(moment.source, 'notification')
    assert.equal(moment.case_reference, zaak.identificatie)
    assert.equal(moment.code, 'website')
    assert.equal(moment.status, 'planned')

    await deliverDueInvitations({
      db: t.services.db,
      config: services.config,
      mailer,
      sms: null,
      key: await invitationKey(t.services.db, t.services.config.SESSION_SECRET),
      now: moment.send_at as Date,
    })
    const mails = await smtp.waitFor(1)
    const mail = mails.find((m) => recipient(m) === 'inwoner.eind@example.nl')
    assert.ok(mail, 'the invitation arrived at the SMTP server')
    assert.match(mail.text ?? '', new RegExp(`${url}/i/[A-Za-z0-9_-]{43}`))

    // Only the initiator was read; no name, BSN, address or zaak number went into the audit trail.
    const events = await t.services.db
      .selectFrom('event')
      .select(['type', 'data'])
      .where('organisation_id', '=', org.org.id)
      .where('type', 'like', 'common-ground.%')
      .execute()
    const text = JSON.stringify(events)
    for (const secret of ['inwoner.eind@example.nl', '999993653', 'Jansen', zaak.identificatie])
      assert.ok(!text.includes(secret), `${secret} is not in the events`)
    assert.ok(events.some((e) => e.type === 'common-ground.notification-processed'))
  })

  it('stores a notification delivered twice once, and a replay of the status never invites twice', async () => {
    const zaak = zaakWithInitiator('inwoner.dubbel@example.nl')
    const { statusUrl, message } = await zgw.setStatus(zaak, { final: true })
    assert.equal(await zgw.publish(message), 200)
    assert.deepEqual(
      zgw.deliveries.slice(-2).map((d) => d.status),
      [204, 204],
    )
    assert.equal((await inboxRow(statusUrl)).length, 1)
    // A second, different notification about the same status (another aanmaakdatum).
    await zgw.publish({ ...message, aanmaakdatum: new Date(Date.now() + 1000).toISOString() })
    assert.equal((await inboxRow(statusUrl)).length, 2)
    await processInbox(t.services.db, await deps())
    const rows = await inboxRow(statusUrl)
    assert.deepEqual(rows.map((r) => r.status).sort(), ['processed', 'processed'])
    assert.equal(rows[0]?.contact_moment_id, rows[1]?.contact_moment_id, 'one contact moment')
    const moments = await t.services.db
      .selectFrom('contact_moment')
      .select('id')
      .where('organisation_id', '=', org.org.id)
      .where('case_reference', '=', zaak.identificatie)
      .execute()
    assert.equal(moments.length, 1)
  })

  it('skips a zaak of an unmapped zaaktype without reading its rollen', async () => {
    const zaak = zaakWithInitiator('inwoner.onbekend@example.nl', OTHER_ZAAKTYPE)
    const { statusUrl } = await zgw.setStatus(zaak, { final: true })
    const seen = zgw.zakenRequests.length
    await processInbox(t.services.db, await deps())
    const [row] = await inboxRow(statusUrl)
    assert.equal(row?.status, 'skipped')
    assert.equal(row?.outcome, 'unmapped_zaaktype')
    const paths = zgw.zakenRequests.slice(seen).map((r) => r.path)
    assert.ok(paths.some((p) => p.includes('/statussen/')))
    assert.ok(!paths.some((p) => p.endsWith('/rollen')), 'no personal data read')
  })

  it('skips a closed zaak whose initiator has no e-mail address or phone number', async () => {
    counter += 1
    const zaak = zgw.addZaak({ identificatie: `ZAAK-2026-X${counter}`, zaaktype: ZAAKTYPE })
    zgw.addRol(zaak, { omschrijvingGeneriek: 'initiator' })
    const { statusUrl } = await zgw.setStatus(zaak, { final: true })
    await processInbox(t.services.db, await deps())
    const [row] = await inboxRow(statusUrl)
    assert.equal(row?.outcome, 'no_contact')
  })

  it('retries while the Zaken API is down and plans the invitation once it is back', async () => {
    const zaak = zaakWithInitiator('inwoner.later@example.nl')
    const { statusUrl } = await zgw.setStatus(zaak, { final: true })
    zgw.zakenDown = true
    const start = new Date()
    const report = await processInbox(t.services.db, await deps(start))
    assert.equal(report.retrying, 1)
    let [row] = await inboxRow(statusUrl)
    assert.equal(row?.status, 'pending')
    assert.equal(row?.outcome, 'zaken_status_http_503')
    assert.equal(row?.attempts, 1)
    assert.equal(row?.next_attempt_at.getTime(), start.getTime() + 60_000)
    // Not due yet: nothing happens.
    zgw.zakenDown = false
    assert.equal(
      (await processInbox(t.services.db, await deps(new Date(start.getTime() + 30_000)))).processed,
      0,
    )
    await processInbox(t.services.db, await deps(new Date(start.getTime() + 61_000)))
    ;[row] = await inboxRow(statusUrl)
    assert.equal(row?.status, 'processed')
    assert.equal(row?.outcome, 'planned')
    assert.equal(row?.attempts, 2)
  })

  it('marks a notification failed after five tries, with the reason', async () => {
    const zaak = zaakWithInitiator('inwoner.nooit@example.nl')
    const { statusUrl } = await zgw.setStatus(zaak, { final: true })
    zgw.zakenDown = true
    try {
      let now = Date.now()
      for (let i = 0; i < 5; i += 1) {
        await processInbox(t.services.db, await deps(new Date(now)))
        now += 61 * 60_000
      }
    } finally {
      zgw.zakenDown = false
    }
    const [row] = await inboxRow(statusUrl)
    assert.equal(row?.status, 'failed')
    assert.equal(row?.outcome, 'zaken_status_http_503')
    assert.equal(row?.attempts, 5)
  })

  it('refuses a callback without the abonnement token with 401 problem+json', async () => {
    const body = JSON.stringify({
      kanaal: 'zaken',
      hoofdObject: `${zgw.zakenUrl}/zaken/x`,
      resource: 'status',
      resourceUrl: `${zgw.zakenUrl}/statussen/x`,
      actie: 'create',
      aanmaakdatum: new Date().toISOString(),
    })
    const post = (headers: Record<string, string>, to = callback()) =>
      fetch(to, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    assertProblem(await post({}), 401)
    assertProblem(await post({ authorization: 'Bearer wrong-token' }), 401)
    assertProblem(await post({ authorization: token().replace('Bearer', 'Basic') }), 401)
    // The right token for another organisation (or one that does not exist) is refused the same way.
    const other = await createOrganisationWithStaff(t.services, 'admin')
    assertProblem(
      await post({ authorization: token() }, `${url}/api/v1/organisations/${other.org.slug}/notifications`),
      401,
    )
    assertProblem(
      await post({ authorization: token() }, `${url}/api/v1/organisations/bestaat-niet/notifications`),
      401,
    )
  })

  it('answers an invalid notification with 400 problem+json listing every invalid field', async () => {
    const res = await fetch(callback(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token() },
      body: JSON.stringify({ kanaal: '', resource: 'status', resourceUrl: 'geen url', actie: 'create' }),
    })
    assertProblem(res, 400)
    const names = ((await res.json()) as { invalidParams: { name: string }[] }).invalidParams.map(
      (p) => p.name,
    )
    for (const f of ['kanaal', 'hoofdObject', 'resourceUrl', 'aanmaakdatum']) assert.ok(names.includes(f), f)
    const notJson = await fetch(callback(), {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: token() },
      body: 'hallo',
    })
    assertProblem(notJson, 415)
  })

  it('acknowledges other notifications of kanaal zaken without storing them', async () => {
    const before = await t.services.db.selectFrom('common_ground_notification').select('id').execute()
    const status = await zgw.publish({
      kanaal: 'zaken',
      hoofdObject: `${zgw.zakenUrl}/zaken/abc`,
      resource: 'zaak',
      resourceUrl: `${zgw.zakenUrl}/zaken/abc`,
      actie: 'update',
      aanmaakdatum: new Date().toISOString(),
      kenmerken: { zaaktype: ZAAKTYPE },
    })
    assert.equal(status, 200)
    assert.equal(zgw.deliveries.at(-1)?.status, 204)
    const after = await t.services.db.selectFrom('common_ground_notification').select('id').execute()
    assert.equal(after.length, before.length)
  })
})
