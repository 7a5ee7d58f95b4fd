import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { loadConfig } from '../../../platform/config.ts'
import { renderInvitationSms, type SmsAdapter, smsAdapterFromConfig, smsLength } from './sms.ts'

// A realistic link: 32 random bytes in base64url are 43 characters.
const token = 'q3Vb8sXk1mN0pR7tY2wZ5aC9eG4iK6oL8uH1jD3fS0x'
const link = `https://klankbord.voorbeeld.nl/u/${token}`

describe('renderInvitationSms', () => {
  it('fits one SMS (160 GSM characters) in Dutch when the opt-out is on the link page', () => {
    for (const kind of ['invitation', 'reminder'] as const) {
      const text = renderInvitationSms({
        kind,
        language: 'nl',
        organisation: { name: 'Gemeente Voorbeeld' },
        link,
        optOutLink: link,
      })
      const length = smsLength(text)
      assert.equal(length.encoding, 'gsm7')
      assert.ok(length.units <= 160, `${length.units}: ${text}`)
      assert.ok(text.includes(link) && text.includes('Gemeente Voorbeeld') && /Afmelden/.test(text), text)
    }
  })

  it('uses the longest wording that fits, and keeps both links when they are short', () => {
    const text = renderInvitationSms({
      kind: 'invitation',
      language: 'nl',
      organisation: { name: 'Gemeente Ede' },
      link: 'https://kb.nl/u/abc',
      optOutLink: 'https://kb.nl/x/abc',
    })
    assert.match(text, /een paar minuten/)
    assert.ok(text.includes('https://kb.nl/x/abc'))
    assert.ok(smsLength(text).units <= 160)
  })

  it('never drops the opt-out link, even when the text becomes longer than one SMS', () => {
    const optOutLink = `https://klankbord.voorbeeld.nl/afmelden/${token}`
    const text = renderInvitationSms({
      kind: 'invitation',
      language: 'nl',
      organisation: { name: 'Gemeente Voorbeeld' },
      link,
      optOutLink,
    })
    assert.ok(text.includes(optOutLink) && text.includes(link))
    assert.match(text, /^Gemeente Voorbeeld vraagt uw mening:/, 'the shortest wording')
  })

  it('writes English for English and counts non-GSM characters as UCS-2', () => {
    const short = 'https://kb.nl/u/a'
    assert.match(
      renderInvitationSms({
        kind: 'reminder',
        language: 'en',
        organisation: { name: 'X' },
        link: short,
        optOutLink: short,
      }),
      /^Reminder: X would like to know/,
    )
    assert.deepEqual(smsLength('€ en é'), { encoding: 'gsm7', units: 7, singleLimit: 160 })
    assert.deepEqual(smsLength('Súdwest-Fryslân'), { encoding: 'ucs2', units: 15, singleLimit: 70 })
  })
})

describe('the file SMS adapter', () => {
  it('appends one JSON line per message to SMS_FILE, default DATA_DIR/outbox/sms.jsonl', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-sms-'))
    try {
      const adapter = smsAdapterFromConfig(
        loadConfig({ DATA_DIR: dataDir, SMS_ADAPTER: 'file', LOG_LEVEL: 'silent' }),
      )
      assert.ok(adapter)
      const a = await adapter.send('+31612345678', 'Eerste')
      const b = await adapter.send('+31687654321', 'Tweede "met" quotes\nen regel')
      assert.ok(a.ok && b.ok)
      const lines = fs
        .readFileSync(path.join(dataDir, 'outbox', 'sms.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      assert.deepEqual(
        lines.map((l) => [l.to, l.text]),
        [
          ['+31612345678', 'Eerste'],
          ['+31687654321', 'Tweede "met" quotes\nen regel'],
        ],
      )
      assert.equal(lines[0].id, a.ok ? a.id : null)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('is off by default', () => {
    assert.equal(smsAdapterFromConfig(loadConfig({ LOG_LEVEL: 'silent' })), null)
  })
})

interface Received {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

describe('the HTTP SMS adapter against a local provider', () => {
  const received: Received[] = []
  let status = 200
  let server: http.Server
  let base: string
  before(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end('{"status":"done","to":"+31612345678"}')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  function adapter(env: Record<string, string>): SmsAdapter {
    const a = smsAdapterFromConfig(loadConfig({ SMS_ADAPTER: 'http', LOG_LEVEL: 'silent', ...env }))
    assert.ok(a)
    return a
  }

  it('POSTs the JSON body with {to} and {text} JSON-escaped, and the Authorization header', async () => {
    received.length = 0
    status = 202
    const sms = adapter({
      SMS_HTTP_URL: `${base}/v1/messages`,
      SMS_HTTP_METHOD: 'POST',
      SMS_HTTP_BODY: '{"recipients":["{to}"],"body":"{text}","originator":"Gemeente"}',
      SMS_HTTP_AUTHORIZATION: 'AccessKey geheim',
    })
    const text = 'Zeg "ja" of \\nee\\ op {to}\nhttps://kb.nl/u/a?b=1&c=2'
    const outcome = await sms.send('+31612345678', text)
    assert.equal(outcome.ok, true)
    const [r] = received
    assert.ok(r)
    assert.equal(r.method, 'POST')
    assert.equal(r.url, '/v1/messages')
    assert.equal(r.headers.authorization, 'AccessKey geheim')
    assert.equal(r.headers['content-type'], 'application/json')
    assert.deepEqual(JSON.parse(r.body), { recipients: ['+31612345678'], body: text, originator: 'Gemeente' })
  })

  it('GETs with {to} and {text} URL-encoded in the URL', async () => {
    received.length = 0
    status = 200
    const sms = adapter({ SMS_HTTP_URL: `${base}/send?to={to}&msg={text}`, SMS_HTTP_METHOD: 'GET' })
    const outcome = await sms.send('+31612345678', 'Hoi & tot ziens? 100% #1')
    assert.equal(outcome.ok, true)
    const [r] = received
    assert.ok(r)
    assert.equal(r.method, 'GET')
    assert.equal(r.body, '')
    const url = new URL(r.url, base)
    assert.equal(url.pathname, '/send')
    assert.equal(url.searchParams.get('to'), '+31612345678')
    assert.equal(url.searchParams.get('msg'), 'Hoi & tot ziens? 100% #1')
    assert.equal(r.url, '/send?to=%2B31612345678&msg=Hoi%20%26%20tot%20ziens%3F%20100%25%20%231')
  })

  it('reports 4xx as permanent, 5xx and 429 as temporary, and keeps the number out of the reason', async () => {
    const sms = adapter({ SMS_HTTP_URL: `${base}/send`, SMS_HTTP_BODY: '{"to":"{to}"}' })
    const cases: [number, boolean][] = [
      [400, true],
      [422, true],
      [429, false],
      [401, false],
      [500, false],
      [503, false],
    ]
    for (const [code, permanent] of cases) {
      status = code
      const outcome = await sms.send('+31612345678', 'x')
      assert.ok(!outcome.ok, `${code}`)
      assert.equal(outcome.permanent, permanent, `${code}`)
      assert.ok(
        outcome.reason.startsWith(`HTTP ${code}`) && !outcome.reason.includes('612345678'),
        outcome.reason,
      )
    }
  })

  it('reports a provider that cannot be reached as temporary', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const outcome = await adapter({ SMS_HTTP_URL: `http://127.0.0.1:${port}/send` }).send('+31612345678', 'x')
    assert.ok(
      !outcome.ok && outcome.permanent === false && outcome.reason.startsWith('network'),
      JSON.stringify(outcome),
    )
  })
})
