import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Hono } from 'hono'
import { normaliseAddress, type RateLimitOptions, rateLimit } from './rate-limit.ts'

/** A tiny app behind one limiter, with a clock the test moves by hand. */
function setup(options: Partial<RateLimitOptions> = {}) {
  const clock = { t: 1_700_000_000_000 }
  const limiter = rateLimit({ limit: 3, windowMs: 60_000, trustProxy: true, now: () => clock.t, ...options })
  const app = new Hono()
  app.use('*', limiter)
  app.all('*', (c) => c.text('ok'))
  const hit = (from = '192.0.2.1', path = '/s/abc', init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { 'x-forwarded-for': from, ...(init.headers ?? {}) } })
  return { clock, limiter, hit }
}

/** Status codes of `n` requests made one after the other. */
async function statuses(n: number, request: () => Response | Promise<Response>) {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push((await request()).status)
  return out
}

describe('the rate limiter', () => {
  it('lets a burst of `limit` requests through and refuses the next with 429 and Retry-After', async () => {
    const { hit, limiter } = setup()
    assert.deepEqual(await statuses(3, () => hit()), [200, 200, 200])
    const refused = await hit()
    assert.equal(refused.status, 429)
    // Three tokens per minute: one token comes back after 20 s.
    assert.equal(refused.headers.get('retry-after'), '20')
    assert.equal(limiter.stats().limited, 1)
  })

  it('answers API paths with problem+json of type rate-limited and browsers with the Dutch error page', async () => {
    const { hit } = setup({ limit: 1 })
    await hit('192.0.2.1', '/api/v1/x')
    const api = await hit('192.0.2.1', '/api/v1/x')
    assert.equal(api.status, 429)
    assert.equal(api.headers.get('content-type'), 'application/problem+json')
    const problem = await api.json()
    assert.equal(problem.type, 'https://klankbord.nl/problems/rate-limited')
    assert.equal(problem.status, 429)
    assert.equal(problem.title, 'Too many requests')

    await hit('192.0.2.2', '/s/abc', { headers: { accept: 'text/html' } })
    const page = await hit('192.0.2.2', '/s/abc', { headers: { accept: 'text/html' } })
    assert.equal(page.status, 429)
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/)
    assert.match(await page.text(), /U stuurde te veel verzoeken/)
    assert.ok(Number(page.headers.get('retry-after')) >= 1)
  })

  it('refills the bucket with the injected clock: one token per limit/window, full after a whole window', async () => {
    const { hit, clock } = setup({ limit: 60 })
    for (let i = 0; i < 60; i++) assert.equal((await hit()).status, 200)
    const refused = await hit()
    assert.equal(refused.status, 429)
    assert.equal(refused.headers.get('retry-after'), '1')
    clock.t += 999
    assert.equal((await hit()).status, 429, 'not yet a whole token after 999 ms')
    clock.t += 1
    assert.equal((await hit()).status, 200, 'one token back after one second')
    assert.equal((await hit()).status, 429, 'and only one')
    clock.t += 60_000
    for (let i = 0; i < 60; i++)
      assert.equal((await hit()).status, 200, `burst request ${i + 1} after a window`)
    assert.equal((await hit()).status, 429, 'the bucket never holds more than the limit')
  })

  it('keeps separate buckets per client address and per scope', async () => {
    const { hit } = setup({ limit: 1, scope: (c) => /^\/s\/([^/]+)/.exec(c.req.path)?.[1] })
    assert.equal((await hit('192.0.2.1', '/s/one')).status, 200)
    assert.equal((await hit('192.0.2.1', '/s/one')).status, 429)
    assert.equal((await hit('192.0.2.2', '/s/one')).status, 200, 'another address has its own bucket')
    assert.equal((await hit('192.0.2.1', '/s/two')).status, 200, 'another survey has its own bucket')
  })

  it('counts only the configured methods', async () => {
    const { hit } = setup({ limit: 1, methods: ['POST'] })
    assert.deepEqual(await statuses(3, () => hit()), [200, 200, 200])
    assert.equal((await hit(undefined, undefined, { method: 'POST' })).status, 200)
    assert.equal((await hit(undefined, undefined, { method: 'POST' })).status, 429)
  })

  it('ignores X-Forwarded-For unless told to trust a proxy, and then reads only what our proxy wrote', async () => {
    const untrusted = setup({ limit: 1, trustProxy: false })
    assert.equal((await untrusted.hit('192.0.2.1')).status, 200)
    assert.equal((await untrusted.hit('192.0.2.2')).status, 429, 'a forged header must not buy a new bucket')

    const trusted = setup({ limit: 1, trustProxy: 1 })
    assert.equal((await trusted.hit('10.9.9.9, 192.0.2.7')).status, 200)
    assert.equal(
      (await trusted.hit('10.8.8.8, 192.0.2.7')).status,
      429,
      'entries left of the one our proxy appended are the client’s own and do not count',
    )
    const twoHops = setup({ limit: 1, trustProxy: 2 })
    assert.equal((await twoHops.hit('192.0.2.7, 198.51.100.1')).status, 200)
    assert.equal(
      (await twoHops.hit('192.0.2.7, 198.51.100.2')).status,
      429,
      'the client is two from the right',
    )
  })

  it('forgets buckets that are full again after a whole idle window', async () => {
    const { hit, clock, limiter } = setup({ limit: 2 })
    await hit('192.0.2.1')
    await hit('192.0.2.2')
    assert.equal(limiter.stats().keys, 2)
    clock.t += 60_000
    await hit('192.0.2.3')
    assert.equal(limiter.stats().keys, 1, 'idle buckets are dropped')
  })

  it('caps the number of buckets, forgetting the least recently seen client first', async () => {
    const { hit, clock, limiter } = setup({ limit: 1, maxKeys: 3 })
    for (const a of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      assert.equal((await hit(a)).status, 200)
      clock.t += 10
    }
    // Touch .1 so .2 becomes the least recently seen.
    assert.equal((await hit('192.0.2.1')).status, 429)
    assert.equal((await hit('192.0.2.4')).status, 200)
    assert.equal(limiter.stats().keys, 3, 'never more buckets than maxKeys')
    assert.equal((await hit('192.0.2.1')).status, 429, 'a recently seen client is still limited')
    assert.equal((await hit('192.0.2.2')).status, 200, 'the evicted client starts with a full bucket')
    assert.equal(limiter.stats().keys, 3)
  })

  it('does not lock anyone out when the clock steps backwards', async () => {
    const { hit, clock } = setup({ limit: 1 })
    assert.equal((await hit()).status, 200)
    clock.t -= 3_600_000
    assert.equal((await hit()).status, 429, 'no tokens are minted by going back in time')
    clock.t += 3_600_000 + 60_000
    assert.equal((await hit()).status, 200)
  })

  it('refuses settings that would block everything', () => {
    assert.throws(() => rateLimit({ limit: 0, windowMs: 60_000 }))
    assert.throws(() => rateLimit({ limit: 10, windowMs: 0 }))
  })
})

describe('client addresses', () => {
  it('groups IPv6 clients by /64, maps IPv4-in-IPv6 to IPv4 and strips ports', () => {
    assert.equal(normaliseAddress('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64')
    assert.equal(normaliseAddress('2001:DB8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64')
    assert.equal(normaliseAddress('2001:db8::1'), '2001:db8:0:0::/64')
    assert.equal(normaliseAddress('[2001:db8:1:2::5]:443'), '2001:db8:1:2::/64')
    assert.equal(normaliseAddress('::1'), '0:0:0:0::/64')
    assert.equal(normaliseAddress('::ffff:192.0.2.9'), '192.0.2.9')
    assert.equal(normaliseAddress('192.0.2.9:5123'), '192.0.2.9')
    assert.equal(normaliseAddress('fe80::1%eth0'), 'fe80:0:0:0::/64')
  })

  it('puts anything that is not an address under one shared "unknown" key', () => {
    assert.equal(normaliseAddress(undefined), 'unknown')
    assert.equal(normaliseAddress(''), 'unknown')
    assert.equal(normaliseAddress('not-an-ip'), 'unknown')
    assert.equal(normaliseAddress('999.1.1.1'), 'unknown')
  })
})
