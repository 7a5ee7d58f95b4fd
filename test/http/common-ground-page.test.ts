import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createApp } from '../../src/main/http.ts'
import { addStaffMember } from '../../src/modules/organisations/index.ts'
import { listen } from '../../src/platform/http/listen.ts'
import { KLANKBORD_CLIENT, startZgwServers, type ZgwServers } from '../common-ground/zgw-server.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, login, TEST_PASSWORD } from '../factories.ts'
import { postForm, type StaffSession, staffSession } from '../staff.ts'

const ZAAKTYPE = 'https://catalogi.example.nl/catalogi/api/v1/zaaktypen/0b1c2d3e-1c2d-4e3f-9a0b-1c2d3e4f5a6b'

let t: TestDatabase
let zgw: ZgwServers
let url: string
let closeServer: () => Promise<void>
let admin: StaffSession
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let analystEmail: string

before(async () => {
  t = await createTestDatabase()
  zgw = await startZgwServers()
  let app: ReturnType<typeof createApp> | null = null
  const server = await listen((req) => (app as ReturnType<typeof createApp>).fetch(req), 0, '127.0.0.1')
  url = `http://127.0.0.1:${server.port}`
  app = createApp({ ...t.services, config: { ...t.services.config, publicUrl: url } })
  closeServer = () => server.close()
  org = await createOrganisationWithStaff(t.services, 'admin')
  analystEmail = `analist@${org.org.slug}.test`
  await addStaffMember(
    t.services.db,
    { organisationId: org.org.id, actor: { type: 'system' } },
    { email: analystEmail, displayName: 'Analist', password: TEST_PASSWORD, role: 'analyst' },
  )
  admin = await staffSession(url, org.email, `/o/${org.org.slug}/koppelingen`)
})
after(async () => {
  await closeServer()
  await zgw.close()
  await t.dispose()
})

const page = (suffix = '') => `/o/${org.org.slug}/koppelingen${suffix}`
const settings = (extra: Record<string, string> = {}) => ({
  notificatiesUrl: zgw.notificatiesUrl,
  zakenUrl: zgw.zakenUrl,
  clientId: KLANKBORD_CLIENT.clientId,
  clientSecret: KLANKBORD_CLIENT.secret,
  ...extra,
})

describe('the staff page Koppelingen', () => {
  it('sends a visitor without a session to the login page', async () => {
    const res = await fetch(`${url}${page()}`, { redirect: 'manual' })
    assert.equal(res.status, 303)
    assert.match(res.headers.get('location') ?? '', /^\/login\?next=/)
  })

  it('is for administrators only: an analyst gets 403, another organisation 404', async () => {
    const { cookie } = await login(url, analystEmail)
    assert.equal((await fetch(`${url}${page()}`, { headers: { cookie } })).status, 403)
    const other = await createOrganisationWithStaff(t.services, 'admin')
    const res = await fetch(`${url}/o/${other.org.slug}/koppelingen`, { headers: { cookie: admin.cookie } })
    assert.equal(res.status, 404)
    const post = await postForm(url, `/o/${other.org.slug}/koppelingen`, admin, settings())
    assert.equal(post.status, 404)
  })

  it('refuses a form without the CSRF token', async () => {
    const res = await fetch(`${url}${page()}`, {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: new URLSearchParams(settings()),
      redirect: 'manual',
    })
    assert.equal(res.status, 403)
  })

  it('shows every wrong setting in an error summary linked to its field (400)', async () => {
    const res = await postForm(url, page(), admin, {
      notificatiesUrl: 'ftp://x',
      zakenUrl: 'geen adres',
      clientId: '',
      clientSecret: '',
    })
    assert.equal(res.status, 400)
    for (const f of ['notificatiesUrl', 'zakenUrl', 'clientId', 'clientSecret'])
      assert.match(res.html, new RegExp(`href="#${f}"`), f)
    assert.match(res.html, /<title>Fout: Koppelingen/)
    assert.match(res.html, /value="geen adres"/, 'typed values come back')
  })

  it('asks to save the settings before subscribing', async () => {
    const res = await postForm(url, page('/abonneren'), admin, {})
    assert.equal(res.status, 400)
    assert.match(res.html, /Sla eerst de instellingen op/)
  })

  it('saves the settings and never shows the secret again; an empty secret keeps it', async () => {
    const res = await postForm(url, page(), admin, settings())
    assert.equal(res.status, 303)
    assert.equal(res.location, page('?melding=opgeslagen'))
    const html = await (await fetch(`${url}${page()}`, { headers: { cookie: admin.cookie } })).text()
    assert.ok(!html.includes(KLANKBORD_CLIENT.secret))
    assert.match(html, /Er is een geheim opgeslagen/)
    // The callback URL is shown with break opportunities (<wbr>) so it wraps on a narrow screen.
    assert.ok(
      html.replaceAll('<wbr/>', '').includes(`${url}/api/v1/organisations/${org.org.slug}/notifications`),
    )
    const again = await postForm(url, page(), admin, settings({ clientSecret: '' }))
    assert.equal(again.status, 303)
  })

  it('shows why subscribing failed when the Notificaties API refuses the token (502)', async () => {
    await postForm(url, page(), admin, settings({ clientSecret: 'verkeerd-geheim' }))
    const res = await postForm(url, page('/abonneren'), admin, {})
    assert.equal(res.status, 502)
    assert.match(res.html, /weigert de toegang \(fout 403\)/)
    const row = await t.services.db
      .selectFrom('common_ground_link')
      .select(['pending_token_hash', 'abonnement_url'])
      .where('organisation_id', '=', org.org.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { pending_token_hash: null, abonnement_url: null })
    await postForm(url, page(), admin, settings())
  })

  it('asks for the secret again when it can no longer be opened (instance secret changed)', async () => {
    const { randomBytes } = await import('node:crypto')
    const { seal } = await import('../../src/modules/common-ground/secret-box.ts')
    await t.services.db
      .updateTable('common_ground_link')
      .set({ client_secret_sealed: seal(randomBytes(32), org.org.id, 'oud') })
      .where('organisation_id', '=', org.org.id)
      .execute()
    const res = await postForm(url, page('/abonneren'), admin, {})
    assert.equal(res.status, 502)
    assert.match(res.html, /geheim is niet meer leesbaar/)
    assert.equal((await postForm(url, page(), admin, settings())).status, 303)
  })

  it('subscribes, and subscribing again replaces the abonnement and its token', async () => {
    assert.equal((await postForm(url, page('/abonneren'), admin, {})).status, 303)
    const first = zgw.abonnementen[0]
    const html = await (await fetch(`${url}${page()}`, { headers: { cookie: admin.cookie } })).text()
    assert.match(html, /Geabonneerd op kanaal/)
    assert.match(html, /Opnieuw abonneren/)
    assert.equal((await postForm(url, page('/abonneren'), admin, {})).status, 303)
    assert.equal(zgw.abonnementen.length, 1, 'the old abonnement was deleted')
    assert.notEqual(zgw.abonnementen[0]?.auth, first?.auth)
    const res = await fetch(`${url}/api/v1/organisations/${org.org.slug}/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: first?.auth ?? '' },
      body: '{}',
    })
    assert.equal(res.status, 401, 'the old token no longer works')
  })

  it('never sends a signed request to an abonnement address outside the Notificaties API', async () => {
    const { createServer } = await import('node:http')
    let calls = 0
    const elsewhere = createServer((_req, res) => {
      calls += 1
      res.writeHead(204).end()
    })
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
    try {
      const port = (elsewhere.address() as { port: number }).port
      await t.services.db
        .updateTable('common_ground_link')
        .set({
          abonnement_url: `http://127.0.0.1:${port}/api/v1/abonnement/0190f3a0-0000-7000-8000-000000000001`,
        })
        .where('organisation_id', '=', org.org.id)
        .execute()
      assert.equal((await postForm(url, page('/abonneren'), admin, {})).status, 303)
      assert.equal(calls, 0, 'no DELETE with a signed token went to the other host')
    } finally {
      elsewhere.close()
    }
  })

  it('adds a zaaktype mapping, refuses bad and double ones, and removes it', async () => {
    const bad = await postForm(url, page('/zaaktypen'), admin, {
      zaaktypeUrl: 'zaaktype 1',
      surveyId: 'x',
      productId: '00000000-0000-7000-8000-000000000000',
      channelId: '',
    })
    assert.equal(bad.status, 400)
    for (const f of ['zaaktypeUrl', 'surveyId', 'productId'])
      assert.match(bad.html, new RegExp(`href="#${f}"`))
    const good = { zaaktypeUrl: ZAAKTYPE, surveyId: org.survey.id, productId: '', channelId: '' }
    assert.equal((await postForm(url, page('/zaaktypen'), admin, good)).status, 303)
    const twice = await postForm(url, page('/zaaktypen'), admin, good)
    assert.equal(twice.status, 400)
    assert.match(twice.html, /al een vragenlijst gekozen/)
    const html = await (await fetch(`${url}${page()}`, { headers: { cookie: admin.cookie } })).text()
    const id = new RegExp(`${page('/zaaktypen/')}([0-9a-f-]{36})/verwijderen`).exec(html)?.[1]
    assert.ok(id, 'the mapping is listed with a remove button')
    assert.equal((await postForm(url, page(`/zaaktypen/${id}/verwijderen`), admin, {})).status, 303)
    assert.equal((await postForm(url, page(`/zaaktypen/${id}/verwijderen`), admin, {})).status, 404)
  })

  it('lists the newest notifications with their outcome in Dutch and without addresses', async () => {
    await postForm(url, page('/zaaktypen'), admin, {
      zaaktypeUrl: ZAAKTYPE,
      surveyId: org.survey.id,
      productId: '',
      channelId: '',
    })
    const zaak = zgw.addZaak({ identificatie: 'ZAAK-PAGINA-1', zaaktype: ZAAKTYPE })
    zgw.addRol(zaak, { omschrijvingGeneriek: 'initiator', email: 'pagina@example.nl' })
    await zgw.setStatus(zaak, { final: false })
    const { processInbox, sealingKey } = await import('../../src/modules/common-ground/index.ts')
    const { invitationKey } = await import('../../src/modules/invitations/index.ts')
    await processInbox(t.services.db, {
      invitationKey: await invitationKey(t.services.db),
      sealingKey: await sealingKey(t.services.db),
      now: new Date(),
    })
    const html = await (await fetch(`${url}${page()}`, { headers: { cookie: admin.cookie } })).text()
    assert.match(html, /Laatste notificaties/)
    assert.match(html, /Geen eindstatus: geen uitnodiging/)
    assert.ok(!html.includes('pagina@example.nl'))
    assert.ok(!html.includes('ZAAK-PAGINA-1'))
  })

  it('shows the link Koppelingen in the navigation to administrators only', async () => {
    const html = await (
      await fetch(`${url}/o/${org.org.slug}/uitnodigingen`, { headers: { cookie: admin.cookie } })
    ).text()
    assert.match(html, /href="\/o\/[^"]+\/koppelingen"/)
    const { cookie } = await login(url, analystEmail)
    const asAnalyst = await (
      await fetch(`${url}/o/${org.org.slug}/uitnodigingen`, { headers: { cookie } })
    ).text()
    assert.ok(!/\/koppelingen"/.test(asAnalyst))
  })
})
