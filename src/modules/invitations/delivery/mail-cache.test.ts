import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { renderInvitationMail } from '../channels/invitation-mail.ts'
import { mintLinkToken, optOutToken } from '../tokens.ts'
import { cachedMailRenderer, type SharedMailInput } from './mail-cache.ts'

const base = { link: 'https://kb.example.nl/i/', optOut: 'https://kb.example.nl/afmelden/' }
const ORG = '01900000-0000-7000-8000-0000000000aa'

function person(n: number) {
  const optOut = optOutToken('sleutel', ORG, `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`)
  return { link: mintLinkToken().token, optOut }
}

describe('rendering each distinct mail once', () => {
  for (const shared of [
    {
      kind: 'invitation',
      language: 'nl',
      organisation: { name: 'Gemeente "Voorbeeld" & Co' },
      surveyTitle: 'Uw <aanvraag>',
      optOutMailto: null,
      expiresAt: new Date('2026-12-08T09:00:00Z'),
    },
    {
      kind: 'reminder',
      language: 'en-GB',
      organisation: { name: 'Gemeente Voorbeeld' },
      surveyTitle: 'Your visit',
      optOutMailto: 'afmelden@voorbeeld.nl',
      expiresAt: new Date('2026-12-07T23:00:00Z'),
    },
  ] satisfies SharedMailInput[]) {
    it(`gives each person exactly the mail rendering with their own links would give (${shared.kind}, ${shared.language})`, () => {
      const renderer = cachedMailRenderer()
      for (const n of [1, 2, 3]) {
        const tokens = person(n)
        const direct = renderInvitationMail({
          ...shared,
          link: base.link + tokens.link,
          optOutLink: base.optOut + tokens.optOut,
        })
        assert.deepEqual(renderer.render(shared, base, tokens), direct)
      }
    })
  }

  it('renders anew when anything shared differs, such as the expiry', () => {
    const renderer = cachedMailRenderer()
    const shared: SharedMailInput = {
      kind: 'invitation',
      language: 'nl',
      organisation: { name: 'Gemeente Voorbeeld' },
      surveyTitle: 'Uw bezoek',
      optOutMailto: null,
      expiresAt: new Date('2026-12-08T09:00:00Z'),
    }
    const tokens = person(1)
    const first = renderer.render(shared, base, tokens)
    const later = renderer.render({ ...shared, expiresAt: new Date('2026-12-09T09:00:00Z') }, base, tokens)
    assert.notEqual(first.text, later.text)
    assert.match(later.text, /9 december 2026/)
  })
})
