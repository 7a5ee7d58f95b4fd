// End to end: the configured mailer sends a rendered invitation to a real SMTP server on 127.0.0.1.
import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, describe, it } from 'node:test'
import { rawHeader, startTestSmtp, type TestSmtp } from '../../../../test/smtp.ts'
import { loadConfig } from '../../../platform/config.ts'
import { createMailer, type Mailer } from '../../../platform/mail/index.ts'
import { invitationSender, renderInvitationMail } from './invitation-mail.ts'

const rendered = renderInvitationMail({
  kind: 'invitation',
  language: 'nl',
  organisation: { name: 'Gemeente Voorbeeld' },
  surveyTitle: 'Uw bezoek aan de balie',
  link: 'https://klankbord.example.nl/u/Zm9vYmFyYmF6',
  optOutLink: 'https://klankbord.example.nl/afmelden/Zm9vYmFyYmF6',
  optOutMailto: 'afmelden@klankbord.example.nl',
  expiresAt: new Date('2026-12-03T09:00:00Z'),
})

function mailerFor(url: string): Mailer {
  return createMailer(loadConfig({ SMTP_URL: url, LOG_LEVEL: 'silent' }))
}

function message(to: string) {
  const config = loadConfig({})
  return { from: invitationSender(config.MAIL_FROM, 'Gemeente Voorbeeld'), to, ...rendered }
}

describe('sending an invitation over SMTP', () => {
  let smtp: TestSmtp
  let mailer: Mailer
  before(async () => {
    smtp = await startTestSmtp({ rejectRecipients: /^onbekend@/ })
    mailer = mailerFor(smtp.url)
  })
  after(async () => {
    await mailer.close()
    await smtp.close()
  })

  it('delivers both parts, the opt-out headers and the link', async () => {
    const outcome = await mailer.send(message('inwoner@example.nl'))
    assert.equal(outcome.ok, true)
    const [mail] = await smtp.waitFor(1)
    assert.ok(mail)
    assert.ok(outcome.ok && outcome.id === mail.messageId)
    assert.equal(mail.subject, 'Wat vond u van Gemeente Voorbeeld?')
    assert.equal(mail.from?.value[0]?.name, 'Gemeente Voorbeeld')
    assert.equal(mail.from?.value[0]?.address, 'noreply@localhost')
    assert.match(mail.text ?? '', /Vul de vragenlijst in:\nhttps:\/\/klankbord\.example\.nl\/u\/Zm9vYmFyYmF6/)
    assert.ok(
      typeof mail.html === 'string' &&
        mail.html.includes('href="https://klankbord.example.nl/u/Zm9vYmFyYmF6"'),
    )
    assert.match(mail.html, /<html lang="nl">/)
    assert.equal(
      rawHeader(mail, 'List-Unsubscribe'),
      '<https://klankbord.example.nl/afmelden/Zm9vYmFyYmF6>, <mailto:afmelden@klankbord.example.nl>',
    )
    assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
  })

  it('reports a 550 for the recipient as a permanent failure without the address in the reason', async () => {
    const outcome = await mailer.send(message('onbekend@example.nl'))
    assert.equal(outcome.ok, false)
    assert.ok(!outcome.ok && outcome.permanent === true)
    assert.ok(
      !outcome.ok && outcome.reason.includes('550') && !outcome.reason.includes('onbekend'),
      String(!outcome.ok && outcome.reason),
    )
  })
})

describe('temporary SMTP failures', () => {
  it('reports a 450 for the recipient as temporary', async () => {
    const smtp = await startTestSmtp({ rejectRecipients: /@/, rejectCode: 450 })
    const mailer = mailerFor(smtp.url)
    try {
      const outcome = await mailer.send(message('inwoner@example.nl'))
      assert.ok(!outcome.ok && outcome.permanent === false && outcome.reason.includes('450'))
      assert.equal(smtp.messages.length, 0)
    } finally {
      await mailer.close()
      await smtp.close()
    }
  })

  it('reports a server that cannot be reached as temporary', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = net.createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.address() as net.AddressInfo
    await new Promise((resolve) => probe.close(resolve))
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`)
    try {
      const outcome = await mailer.send(message('inwoner@example.nl'))
      assert.ok(!outcome.ok && outcome.permanent === false, JSON.stringify(outcome))
    } finally {
      await mailer.close()
    }
  })
})
