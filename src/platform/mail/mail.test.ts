import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { simpleParser } from 'mailparser'
import { rawHeader } from '../../../test/smtp.ts'
import { ConfigError, loadConfig } from '../config.ts'
import { createMailer, type Mailer } from './index.ts'
import { lazyMailer } from './lazy-mailer.ts'
import { failureOutcome, redactAddresses } from './outcome.ts'

describe('failureOutcome', () => {
  it('treats SMTP 5xx as permanent and 4xx as temporary', () => {
    assert.equal(
      failureOutcome({ code: 'EENVELOPE', responseCode: 550, response: '550 no such user' }).permanent,
      true,
    )
    assert.equal(
      failureOutcome({ code: 'EENVELOPE', responseCode: 452, response: '452 mailbox full' }).permanent,
      false,
    )
    assert.equal(
      failureOutcome({ code: 'EMESSAGE', responseCode: 421, response: '421 try later' }).permanent,
      false,
    )
  })

  it('treats connection errors without a reply code as temporary', () => {
    for (const code of ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS']) {
      assert.equal(failureOutcome({ code, message: 'connect ECONNREFUSED' }).permanent, false, code)
    }
    assert.equal(failureOutcome(new Error('boom')).permanent, false)
  })

  it('keeps addresses out of the reason', () => {
    const o = failureOutcome({
      responseCode: 550,
      response: '550 5.1.1 <jan.jansen@example.nl>: Recipient rejected',
    })
    assert.ok(!o.reason.includes('jan.jansen'), o.reason)
    assert.match(o.reason, /550 5\.1\.1 <\[address\]>/)
    assert.equal(redactAddresses('to a@b.nl and "c@d.org"'), 'to [address] and "[address]"')
  })
})

describe('the development outbox', () => {
  it('writes each mail as an .eml file in DATA_DIR/outbox when SMTP_URL is not set', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-outbox-'))
    try {
      const mailer = createMailer(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }))
      const outcome = await mailer.send({
        from: 'Klankbord <noreply@localhost>',
        to: 'iemand@example.nl',
        subject: 'Wat vond u van ons?',
        html: '<p>Hallo</p>',
        text: 'Hallo',
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      })
      await mailer.close()
      assert.equal(outcome.ok, true)
      const files = fs.readdirSync(path.join(dataDir, 'outbox'))
      assert.equal(files.length, 1)
      assert.match(files[0] as string, /\.eml$/)
      const parsed = await simpleParser(fs.readFileSync(path.join(dataDir, 'outbox', files[0] as string)))
      assert.equal(parsed.subject, 'Wat vond u van ons?')
      assert.equal(parsed.text?.trim(), 'Hallo')
      assert.equal(rawHeader(parsed, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
      assert.ok(outcome.ok && outcome.id === parsed.messageId, 'the outcome id is the Message-ID')
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('mail and SMS configuration', () => {
  it('has defaults that need no mail server and no SMS provider', () => {
    const c = loadConfig({})
    assert.equal(c.SMTP_URL, undefined)
    assert.equal(c.MAIL_FROM, 'Klankbord <noreply@localhost>')
    assert.equal(c.SMS_ADAPTER, 'off')
  })

  it('refuses an SMTP_URL that is not smtp(s) and an http SMS adapter without a URL', () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'http://mail.example.nl' }), ConfigError)
    assert.throws(() => loadConfig({ SMS_ADAPTER: 'http' }), /SMS_HTTP_URL/)
    assert.throws(
      () =>
        loadConfig({
          SMS_ADAPTER: 'http',
          SMS_HTTP_URL: 'https://x.example/s',
          SMS_HTTP_METHOD: 'GET',
          SMS_HTTP_BODY: '{}',
        }),
      /SMS_HTTP_BODY/,
    )
    const ok = loadConfig({
      SMS_ADAPTER: 'http',
      SMS_HTTP_URL: 'https://sms.example/send?to={to}&text={text}',
    })
    assert.equal(ok.SMS_HTTP_URL, 'https://sms.example/send?to={to}&text={text}')
  })
})

describe('the process mailer', () => {
  it('builds its transport on the first send, reuses it, and closes it once at shutdown', async () => {
    const built: string[] = []
    const closed: string[] = []
    const mailer = lazyMailer((): Mailer => {
      const name = `transport-${built.length + 1}`
      built.push(name)
      return {
        send: async () => ({ ok: true, id: name }),
        close: async () => {
          closed.push(name)
        },
      }
    })
    assert.deepEqual(built, [], 'nothing is built before the first mail')
    const message = { from: 'a@example.nl', to: 'b@example.nl', subject: 's', html: 'h', text: 't' }
    assert.deepEqual(await mailer.send(message), { ok: true, id: 'transport-1' })
    assert.deepEqual(await mailer.send(message), { ok: true, id: 'transport-1' })
    assert.deepEqual(built, ['transport-1'])
    await mailer.close()
    await mailer.close()
    assert.deepEqual(closed, ['transport-1'])
    // A send after close (a job that outlived shutdown) gets a fresh transport instead of a closed one.
    assert.deepEqual(await mailer.send(message), { ok: true, id: 'transport-2' })
    await mailer.close()
  })
})
