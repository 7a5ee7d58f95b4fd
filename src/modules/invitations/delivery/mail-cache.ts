/**
 * Renders each distinct invitation mail once per delivery run instead of once per person.
 *
 * Within a batch most mails differ only in their two tokens (the survey link and the opt-out link):
 * same organisation, survey, language, kind and expiry (everyone planned for 10:00 expires at the same
 * moment). So the mail is rendered once with stand-in tokens of the same length, and each person's
 * copy replaces them. Tokens are base64url, which HTML escaping leaves as they are, so the copy is
 * exactly what rendering with the real tokens gives (a test in deliver-due.test.ts compares them).
 *
 * Why: rendering dominated delivery's CPU, and each render built two Intl.DateTimeFormat objects whose
 * native (ICU) memory the garbage collector does not see: 100,000 renders grew the process by about
 * 1.5 GB before it was collected (docs/benchmarks.md, invitations).
 */
import { randomBytes } from 'node:crypto'
import {
  type InvitationMailInput,
  type RenderedMail,
  renderInvitationMail,
} from '../channels/invitation-mail.ts'

/** Distinct mails kept at most; a run rarely has more than a few (one per organisation and survey). */
const MAX_ENTRIES = 500

/** The parts of a mail's input that are the same for everyone who gets the same mail. */
export type SharedMailInput = Omit<InvitationMailInput, 'link' | 'optOutLink'>

/** A renderer with its own cache; `render` gives the same result as renderInvitationMail. */
export function cachedMailRenderer() {
  const cache = new Map<string, { mail: RenderedMail; link: string; optOut: string }>()
  const standIn = (length: number) => randomBytes(length).toString('base64url').slice(0, length)
  return {
    render(
      shared: SharedMailInput,
      base: { link: string; optOut: string },
      tokens: { link: string; optOut: string },
    ) {
      const key = JSON.stringify([
        shared.kind,
        shared.language,
        shared.organisation.name,
        shared.surveyTitle,
        shared.optOutMailto,
        shared.expiresAt.getTime(),
        base.link,
        base.optOut,
        tokens.link.length,
        tokens.optOut.length,
      ])
      let entry = cache.get(key)
      if (!entry) {
        if (cache.size >= MAX_ENTRIES) cache.clear()
        const link = standIn(tokens.link.length)
        const optOut = standIn(tokens.optOut.length)
        const mail = renderInvitationMail({
          ...shared,
          link: base.link + link,
          optOutLink: base.optOut + optOut,
        })
        entry = { mail, link, optOut }
        cache.set(key, entry)
      }
      const fill = (s: string) =>
        s.replaceAll(entry.link, tokens.link).replaceAll(entry.optOut, tokens.optOut)
      return {
        subject: fill(entry.mail.subject),
        html: fill(entry.mail.html),
        text: fill(entry.mail.text),
        headers: Object.fromEntries(Object.entries(entry.mail.headers).map(([k, v]) => [k, fill(v)])),
      }
    },
  }
}
