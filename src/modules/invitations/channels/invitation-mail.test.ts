import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { analyseReadability } from '../../surveys/calc/readability.ts'
import { type InvitationMailInput, invitationSender, renderInvitationMail } from './invitation-mail.ts'

const base: InvitationMailInput = {
  kind: 'invitation',
  language: 'nl',
  organisation: { name: 'Gemeente Voorbeeld' },
  surveyTitle: 'Uw bezoek aan de balie',
  link: 'https://klankbord.example.nl/u/abc123',
  optOutLink: 'https://klankbord.example.nl/afmelden/abc123',
  optOutMailto: 'afmelden@klankbord.example.nl',
  expiresAt: new Date('2026-12-03T09:00:00Z'), // Thursday 10:00 in Amsterdam (winter, +01:00)
}

/** Lines of the plain-text part that are prose (not a bare link), split into sentences. */
function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .filter((line) => line.trim() !== '' && !/^https?:\/\//.test(line))
    .flatMap((line) => line.split(/(?<=[.?!:])\s+/))
}

describe('renderInvitationMail in Dutch', () => {
  for (const kind of ['invitation', 'reminder'] as const) {
    it(`${kind}: every sentence of subject and text scores B1 or easier`, () => {
      const mail = renderInvitationMail({ ...base, kind })
      const all = [mail.subject, ...sentences(mail.text)]
      assert.ok(all.length >= 12, `only ${all.length} sentences found`)
      for (const s of all) {
        const r = analyseReadability(s)
        assert.notEqual(r.level, 'moeilijk', `"${s}": ${r.warnings.map((w) => w.text).join(' ')}`)
      }
    })
  }

  it('says who sends it, why, how long it takes, until when and how to stop, in text and HTML', () => {
    const mail = renderInvitationMail(base)
    for (const part of [mail.text, mail.html]) {
      assert.match(part, /contact met Gemeente Voorbeeld/)
      assert.match(part, /een paar minuten/)
      assert.match(part, /De link werkt tot donderdag 3 december 2026, 10\.00 uur\./)
      assert.match(part, /Meld u af/)
      assert.ok(part.includes(base.link) && part.includes(base.optOutLink))
    }
    assert.equal(mail.subject, 'Wat vond u van Gemeente Voorbeeld?')
  })

  it('writes an expiry at midnight as "tot en met" the day before, in Amsterdam time (summer)', () => {
    // 2026-07-01 00:00 in Amsterdam is 2026-06-30 22:00 UTC.
    const mail = renderInvitationMail({ ...base, expiresAt: new Date('2026-06-30T22:00:00Z') })
    assert.match(mail.text, /De link werkt tot en met dinsdag 30 juni 2026\./)
  })

  it('is an accessible HTML document: lang, color-scheme, a real link text, no images', () => {
    const { html } = renderInvitationMail(base)
    assert.match(html, /<html lang="nl">/)
    assert.match(html, /<meta name="color-scheme" content="light dark">/)
    assert.match(html, new RegExp(`<a class="button" href="${base.link}"[^>]*>Vul de vragenlijst in</a>`))
    assert.doesNotMatch(html, /<img/)
    assert.doesNotMatch(html, /<table/, 'one column without layout tables')
  })

  it('sends other languages in Dutch', () => {
    assert.match(renderInvitationMail({ ...base, language: 'tr' }).html, /<html lang="nl">/)
  })
})

describe('renderInvitationMail in English', () => {
  it('uses English text, lang="en" and an English date', () => {
    const mail = renderInvitationMail({ ...base, language: 'en-GB', kind: 'reminder' })
    assert.match(mail.html, /<html lang="en">/)
    assert.match(mail.subject, /^Reminder: what did you think of Gemeente Voorbeeld\?$/)
    assert.match(mail.text, /until Thursday 3 December 2026, 10:00 \(Dutch time\)/)
    assert.match(mail.html, />Fill in the questionnaire<\/a>/)
  })
})

describe('escaping and headers', () => {
  it('escapes a hostile organisation name and survey title everywhere in the HTML', () => {
    const hostile = '<script>alert(1)</script> & "Zoon" \'s <img src=x onerror=alert(2)>'
    const mail = renderInvitationMail({
      ...base,
      organisation: { name: hostile },
      surveyTitle: `<b>${hostile}</b>`,
    })
    assert.doesNotMatch(mail.html, /<script|<img|<b>|onerror=alert\(2\)>/)
    assert.ok(mail.html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zoon&quot; &#39;s'))
    // The plain-text part shows the name as is; it is not HTML.
    assert.ok(mail.text.includes(hostile))
  })

  it('escapes links in attributes and refuses links that are not http(s)', () => {
    const mail = renderInvitationMail({ ...base, link: 'https://x.example/u/a?b=1&c="2"' })
    assert.ok(mail.html.includes('href="https://x.example/u/a?b=1&amp;c=&quot;2&quot;"'))
    assert.throws(() => renderInvitationMail({ ...base, link: 'javascript:alert(1)' }))
    assert.throws(() => renderInvitationMail({ ...base, optOutLink: 'https://x/\r\nBcc: a@b' }))
  })

  it('has List-Unsubscribe with the https link and mailto, and the RFC 8058 one-click header', () => {
    const { headers } = renderInvitationMail(base)
    assert.equal(
      headers['List-Unsubscribe'],
      '<https://klankbord.example.nl/afmelden/abc123>, <mailto:afmelden@klankbord.example.nl>',
    )
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
    assert.equal(headers['Auto-Submitted'], 'auto-generated')
  })

  it('leaves mailto out when no opt-out address is given', () => {
    const { headers } = renderInvitationMail({ ...base, optOutMailto: null })
    assert.equal(headers['List-Unsubscribe'], '<https://klankbord.example.nl/afmelden/abc123>')
  })

  it('makes a From header with the organisation as name and MAIL_FROM as address', () => {
    assert.equal(
      invitationSender('Klankbord <noreply@kb.nl>', 'Gemeente "Oost"'),
      '"Gemeente \\"Oost\\"" <noreply@kb.nl>',
    )
    assert.equal(invitationSender('noreply@kb.nl', 'A\r\nBcc: x@y'), '"A Bcc: x@y" <noreply@kb.nl>')
  })
})
