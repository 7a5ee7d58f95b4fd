/**
 * API keys end to end over real HTTP and the real database: an administrator makes a key on the staff
 * page, a system client calls the API with it (no cookie, no CSRF token), and every way a key can be
 * wrong is refused with problem+json.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { localDateOf } from '../../src/platform/calendar/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { assertProblem, type StaffSession, staffSession } from '../staff.ts'

let t: TestDatabase
let server: TestServer
type Org = Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: Org
let other: Org
let adminSession: StaffSession

const TOKEN = /kb_live_[0-9a-f]{32}_[A-Za-z0-9_-]{43}/

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'admin')
  other = await createOrganisationWithStaff(t.services, 'admin')
  adminSession = await staffSession(server.url, admin.email, `/o/${admin.org.slug}/api-sleutels`)
})
after(async () => {
  await server.close()
  await t.dispose()
})

/** Posts the form "Nieuwe sleutel maken" as a browser does (`rechten` repeats). */
async function postKeyForm(
  slug: string,
  who: StaffSession,
  fields: { naam: string; rechten: string[]; verloopt?: string },
) {
  const body = new URLSearchParams([
    ['_csrf', who.csrf],
    ['naam', fields.naam],
    ...fields.rechten.map((r) => ['rechten', r]),
    ['verloopt', fields.verloopt ?? ''],
  ])
  const res = await fetch(`${server.url}/o/${slug}/api-sleutels`, {
    method: 'POST',
    headers: { cookie: who.cookie },
    body,
    redirect: 'manual',
  })
  return { status: res.status, cacheControl: res.headers.get('cache-control'), html: await res.text() }
}

/** Makes a key of the admin's organisation on the staff page; returns the token shown and the key id. */
async function makeKey(rechten: string[], naam = 'Zaaksysteem', verloopt = '') {
  const res = await postKeyForm(admin.org.slug, adminSession, { naam, rechten, verloopt })
  assert.equal(res.status, 201, res.html)
  const token = TOKEN.exec(res.html)?.[0]
  assert.ok(token, 'the page shows the new key')
  const hex = token.slice('kb_live_'.length, 'kb_live_'.length + 32)
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  return { token, id, html: res.html, cacheControl: res.cacheControl }
}

let n = 0
/** A valid contact moment for the admin's standard survey. */
function moment() {
  n += 1
  return {
    survey: admin.survey.id,
    channel: 'telefoon',
    caseReference: `Z-KEY-${String(n).padStart(6, '0')}`,
    contact: { email: `beller${n}@example.nl` },
    occurredAt: '2026-11-23T14:00:00+01:00',
  }
}

/** Calls the API with a bearer token only: no cookie, no CSRF token. */
function withKey(token: string, path: string, body?: unknown) {
  return fetch(`${server.url}/api/v1/organisations/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

describe('making an API key on the staff page', () => {
  it('shows the key once, stores only the SHA-256 of its secret and audits it without the secret', async () => {
    const key = await makeKey(['contact-moments:write', 'responses:read'], 'Telefooncentrale KCC')
    assert.equal(key.cacheControl, 'no-store')
    assert.match(key.html, /U ziet de sleutel maar één keer/)
    const secret = key.token.slice(-43)
    const row = await t.services.db
      .selectFrom('api_key')
      .selectAll()
      .where('organisation_id', '=', admin.org.id)
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow()
    assert.equal(row.secret_hash, createHash('sha256').update(secret).digest('hex'))
    assert.deepEqual(row.scopes, ['contact-moments:write', 'responses:read'])
    assert.equal(row.name, 'Telefooncentrale KCC')
    assert.equal(row.expires_at, null)
    assert.ok(!JSON.stringify(row).includes(secret), 'the secret is not stored in clear')

    const list = await (
      await fetch(`${server.url}/o/${admin.org.slug}/api-sleutels`, {
        headers: { cookie: adminSession.cookie },
      })
    ).text()
    assert.match(list, /Telefooncentrale KCC/)
    assert.match(list, /Contactmomenten doorgeven/)
    assert.match(list, /Nog niet/)
    assert.ok(!list.includes(secret), 'the list never shows the secret again')

    const events = await t.services.db
      .selectFrom('event')
      .selectAll()
      .where('organisation_id', '=', admin.org.id)
      .where('subject_id', '=', key.id)
      .execute()
    assert.deepEqual(
      events.map((e) => [e.type, e.actor_type]),
      [['api_key.created', 'account']],
    )
    assert.ok(!JSON.stringify(events).includes(secret), 'no secret in the audit trail')
  })

  it('answers invalid input with an error summary that names every field (400), and stores nothing', async () => {
    const before = await t.services.db.selectFrom('api_key').select('id').execute()
    const res = await postKeyForm(admin.org.slug, adminSession, {
      naam: ' ',
      rechten: ['everything:write'],
      verloopt: '2020-01-01',
    })
    assert.equal(res.status, 400)
    assert.match(res.html, /<title>Fout: API-sleutels/)
    const summary = /<div class="utrecht-alert utrecht-alert--error kb-error-summary"[\s\S]*?<\/div>/.exec(
      res.html,
    )?.[0]
    assert.ok(summary, 'an error summary')
    assert.match(summary, /href="#naam">Geef de sleutel een naam\./)
    assert.match(summary, /href="#rechten">Kies wat de sleutel mag doen\./)
    assert.match(summary, /href="#verloopt">Kies vandaag of een datum in de toekomst\./)
    assert.match(res.html, /value="2020-01-01"/, 'what was typed comes back')
    const after = await t.services.db.selectFrom('api_key').select('id').execute()
    assert.equal(after.length, before.length)
  })

  it('is for administrators only: other roles get 403, other organisations 404, anonymous the login', async () => {
    for (const role of ['analyst', 'handler', 'viewer'] as const) {
      const staff = await createOrganisationWithStaff(t.services, role)
      const s = await staffSession(server.url, staff.email, `/o/${staff.org.slug}`)
      const page = await fetch(`${server.url}/o/${staff.org.slug}/api-sleutels`, {
        headers: { cookie: s.cookie },
      })
      assert.equal(page.status, 403, `${role} opens the page`)
      const made = await postKeyForm(staff.org.slug, s, { naam: 'x', rechten: ['surveys:read'] })
      assert.equal(made.status, 403, `${role} makes a key`)
      const nav = /<nav aria-label="Hoofdmenu"[^>]*>([\s\S]*?)<\/nav>/.exec(
        await (await fetch(`${server.url}/o/${staff.org.slug}`, { headers: { cookie: s.cookie } })).text(),
      )?.[1]
      assert.ok(nav && !nav.includes('api-sleutels'), `no link for ${role}`)
    }
    const foreign = await postKeyForm(other.org.slug, adminSession, { naam: 'x', rechten: ['surveys:read'] })
    assert.equal(foreign.status, 404)
    const anonymous = await fetch(`${server.url}/o/${admin.org.slug}/api-sleutels`, { redirect: 'manual' })
    assert.equal(anonymous.status, 303)
    assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=/)
    const noCsrf = await postKeyForm(
      admin.org.slug,
      { ...adminSession, csrf: 'wrong' },
      {
        naam: 'x',
        rechten: ['surveys:read'],
      },
    )
    assert.equal(noCsrf.status, 403)
    const home = await (
      await fetch(`${server.url}/o/${admin.org.slug}`, { headers: { cookie: adminSession.cookie } })
    ).text()
    assert.match(home, /href="\/o\/[^"]+\/api-sleutels">API-sleutels<\/a>/, 'administrators see the link')
  })
})

describe('calling the API with a key', () => {
  it('records a contact moment without cookie or CSRF token (201); the audit trail names the key', async () => {
    const key = await makeKey(['contact-moments:write'])
    const res = await withKey(key.token, `${admin.org.slug}/contact-moments`, moment())
    assert.equal(res.status, 201, await res.clone().text())
    const { id } = (await res.json()) as { id: string }
    const events = await t.services.db
      .selectFrom('event')
      .select(['type', 'actor_type', 'actor_id', 'data'])
      .where('organisation_id', '=', admin.org.id)
      .where('subject_id', '=', id)
      .execute()
    assert.ok(events.length > 0)
    for (const e of events) {
      assert.equal(e.actor_type, 'api_key')
      assert.equal(e.actor_id, key.id)
    }
    assert.ok(!JSON.stringify(events).includes(key.token.slice(-43)), 'never the secret')
    const used = await t.services.db
      .selectFrom('api_key')
      .select('last_used_at')
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow()
    assert.ok(used.last_used_at, 'last used is recorded')
  })

  it('imports case records with cases:write; the import event names the key', async () => {
    const key = await makeKey(['cases:write'])
    const res = await withKey(key.token, `${admin.org.slug}/cases?createProducts=true`, [
      { reference: 'Z-KEY-1', product: 'rijbewijs', channel: 'balie', start: '2026-03-03T10:00:00+01:00' },
    ])
    assert.equal(res.status, 200, await res.clone().text())
    const event = await t.services.db
      .selectFrom('event')
      .select(['actor_type', 'actor_id'])
      .where('organisation_id', '=', admin.org.id)
      .where('type', '=', 'cases.imported')
      .executeTakeFirstOrThrow()
    assert.deepEqual(event, { actor_type: 'api_key', actor_id: key.id })
  })

  it('marks the key as used at most once a minute', async () => {
    const key = await makeKey(['surveys:read'])
    assert.equal((await withKey(key.token, `${admin.org.slug}/surveys`)).status, 200)
    const first = await t.services.db
      .selectFrom('api_key')
      .select('last_used_at')
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow()
    assert.equal((await withKey(key.token, `${admin.org.slug}/surveys`)).status, 200)
    const second = await t.services.db
      .selectFrom('api_key')
      .select('last_used_at')
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(second.last_used_at, first.last_used_at)
  })

  it('reads responses with responses:read and audits the read of personal data as the key', async () => {
    const key = await makeKey(['responses:read'])
    const res = await withKey(key.token, `${admin.org.slug}/responses`)
    assert.equal(res.status, 200)
    const read = await t.services.db
      .selectFrom('event')
      .select(['actor_type', 'actor_id'])
      .where('organisation_id', '=', admin.org.id)
      .where('type', '=', 'responses.read')
      .where('actor_id', '=', key.id)
      .execute()
    assert.deepEqual(read, [{ actor_type: 'api_key', actor_id: key.id }])
  })

  it('refuses an operation outside the key’s scopes with 403 and says which scope is missing', async () => {
    const key = await makeKey(['surveys:read'])
    const res = await withKey(key.token, `${admin.org.slug}/contact-moments`, moment())
    assertProblem(res, 403)
    assert.match(
      res.headers.get('www-authenticate') ?? '',
      /error="insufficient_scope", scope="contact-moments:write"/,
    )
    assert.match(((await res.json()) as { detail: string }).detail, /contact-moments:write/)
    assertProblem(await withKey(key.token, `${admin.org.slug}/responses`), 403)
    // An operation that no key may call at all.
    assertProblem(await withKey(key.token, `${admin.org.slug}/contact-moments`), 403)
  })

  it('refuses a key on another organisation’s path (404, as for staff who are no member)', async () => {
    const key = await makeKey(['surveys:read', 'contact-moments:write'])
    assertProblem(await withKey(key.token, `${other.org.slug}/surveys`), 404)
    assertProblem(
      await withKey(key.token, `${other.org.slug}/contact-moments`, { ...moment(), survey: other.survey.id }),
      404,
    )
    const count = await t.services.db
      .selectFrom('contact_moment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', other.org.id)
      .executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 0)
  })

  it('refuses unknown, malformed and missing credentials with 401 and a WWW-Authenticate challenge', async () => {
    const key = await makeKey(['surveys:read'])
    const wrongSecret = `${key.token.slice(0, -43)}${'A'.repeat(43)}`
    for (const token of [wrongSecret, 'kb_live_nonsense', `kb_live_${'0'.repeat(32)}_${'A'.repeat(43)}`]) {
      const res = await withKey(token, `${admin.org.slug}/surveys`)
      assertProblem(res, 401)
      assert.match(
        res.headers.get('www-authenticate') ?? '',
        /^Bearer realm="klankbord", error="invalid_token"/,
      )
    }
    const none = await fetch(`${server.url}/api/v1/organisations/${admin.org.slug}/surveys`)
    assertProblem(none, 401)
    assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="klankbord"')
  })

  it('stops working once revoked on the staff page (401), and the revocation is audited', async () => {
    const key = await makeKey(['surveys:read'], 'Oud script')
    assert.equal((await withKey(key.token, `${admin.org.slug}/surveys`)).status, 200)
    const confirm = await fetch(`${server.url}/o/${admin.org.slug}/api-sleutels/${key.id}/intrekken`, {
      headers: { cookie: adminSession.cookie },
    })
    assert.equal(confirm.status, 200)
    assert.match(await confirm.text(), /Weet u zeker dat u de sleutel „Oud script” wilt intrekken\?/)
    const revoke = await fetch(`${server.url}/o/${admin.org.slug}/api-sleutels/${key.id}/intrekken`, {
      method: 'POST',
      headers: { cookie: adminSession.cookie },
      body: new URLSearchParams({ _csrf: adminSession.csrf }),
      redirect: 'manual',
    })
    assert.equal(revoke.status, 303)
    assert.equal(revoke.headers.get('location'), `/o/${admin.org.slug}/api-sleutels?ingetrokken=1`)
    const res = await withKey(key.token, `${admin.org.slug}/surveys`)
    assertProblem(res, 401)
    assert.match(
      res.headers.get('www-authenticate') ?? '',
      /error_description="The API key has been revoked\."/,
    )
    const events = await t.services.db
      .selectFrom('event')
      .select(['type', 'actor_type'])
      .where('organisation_id', '=', admin.org.id)
      .where('subject_id', '=', key.id)
      .orderBy('occurred_at')
      .execute()
    assert.deepEqual(
      events.map((e) => e.type),
      ['api_key.created', 'api_key.revoked'],
    )
    // Another organisation's administrator cannot revoke it, nor see it.
    const otherSession = await staffSession(server.url, other.email, `/o/${other.org.slug}/api-sleutels`)
    const foreign = await fetch(`${server.url}/o/${other.org.slug}/api-sleutels/${key.id}/intrekken`, {
      method: 'POST',
      headers: { cookie: otherSession.cookie },
      body: new URLSearchParams({ _csrf: otherSession.csrf }),
      redirect: 'manual',
    })
    assert.equal(foreign.status, 404)
  })

  it('stops working after its last day (401)', async () => {
    const key = await makeKey(['surveys:read'], 'Tijdelijk', localDateOf(new Date()))
    const row = await t.services.db
      .selectFrom('api_key')
      .select('expires_at')
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow()
    assert.ok(row.expires_at && new Date(row.expires_at) > new Date(), 'works until the end of the day')
    assert.equal((await withKey(key.token, `${admin.org.slug}/surveys`)).status, 200)
    // The day has passed: move the end into the past, as the clock would.
    await t.services.db
      .updateTable('api_key')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', key.id)
      .execute()
    const res = await withKey(key.token, `${admin.org.slug}/surveys`)
    assertProblem(res, 401)
    assert.match(res.headers.get('www-authenticate') ?? '', /The API key has expired\./)
  })

  it('leaves staff sessions as they were: a cookie write still needs the CSRF token', async () => {
    const res = await fetch(`${server.url}/api/v1/organisations/${admin.org.slug}/contact-moments`, {
      method: 'POST',
      headers: { cookie: adminSession.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(moment()),
    })
    assertProblem(res, 403)
    const ok = await fetch(`${server.url}/api/v1/organisations/${admin.org.slug}/contact-moments`, {
      method: 'POST',
      headers: {
        cookie: adminSession.cookie,
        'x-csrf-token': adminSession.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify(moment()),
    })
    assert.equal(ok.status, 201)
    const { id } = (await ok.json()) as { id: string }
    const e = await t.services.db
      .selectFrom('event')
      .select(['actor_type'])
      .where('organisation_id', '=', admin.org.id)
      .where('subject_id', '=', id)
      .where('type', '=', 'contact-moment.received')
      .executeTakeFirstOrThrow()
    assert.equal(e.actor_type, 'account')
  })

  it('judges a request with a key by the key alone, even when a session cookie comes along', async () => {
    const key = await makeKey(['surveys:read'])
    const res = await fetch(`${server.url}/api/v1/organisations/${admin.org.slug}/responses`, {
      headers: { authorization: `Bearer ${key.token}`, cookie: adminSession.cookie },
    })
    assertProblem(res, 403)
  })
})
