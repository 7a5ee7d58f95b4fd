/**
 * Cheap bot checks on the public survey form, invisible to people: a honeypot field that only bots fill,
 * and a signed start time so a form posted faster than a person can read it is recognised. Both are
 * answered like a success (the bot learns nothing) and only counted. See docs/abuse-protection.md.
 *
 * The start time is `<ms since epoch, base 36>.<HMAC>`; the HMAC key is derived from a secret and the
 * survey id, so a token of one survey is worthless on another and nobody can forge an older start time.
 * A missing or unverifiable token is "unknown" and never blocks: pages restored from the browser cache or
 * the back button, a page rendered before a restart (random per-process key), or a form rendered by
 * another process all carry a token that cannot be checked, and people must not lose their answers.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Where the signing secret comes from: a value, or a function (for a secret loaded from the database). */
export type SecretSource = string | (() => string | Promise<string>)

/** Settings of the form checks. */
export interface FormGuardOptions {
  /** Secret for the start-time signature. Default: a random key made once per process. */
  secret?: SecretSource
  /**
   * A valid form posted sooner than this after the page was made is dropped. 0 or absent: no check.
   * The product default (2 s) lives in the configuration, like every default; the app passes it in.
   * Test harnesses that drive a browser pass nothing: Playwright fills the whole form in about a second.
   */
  minFillMs?: number
  /** Clock in milliseconds; tests inject one. */
  now?: () => number
}

/** The honeypot's field name: one that form-filling bots fill, unless a real question already uses it. */
export function honeypotName(questionCodes: string[]): string {
  return questionCodes.includes('website') ? 'homepage' : 'website'
}

/** Name of the hidden field with the signed start time. */
export const STARTED_FIELD = '_started'

const dropped = { honeypot: 0, tooFast: 0 }

/** Form posts answered as a success but not stored, since the process started (for /metrics). */
export function droppedSubmissionCounts(): { honeypot: number; tooFast: number } {
  return { ...dropped }
}

/** Counts one dropped post. */
export function countDropped(reason: 'honeypot' | 'too-fast') {
  if (reason === 'honeypot') dropped.honeypot += 1
  else dropped.tooFast += 1
}

let processSecret: string | null = null

/** Issues and checks signed start times. */
export function formGuard(options: FormGuardOptions = {}) {
  const minFillMs = options.minFillMs ?? 0
  const now = options.now ?? Date.now
  const source = options.secret ?? (() => (processSecret ??= randomBytes(32).toString('base64url')))

  async function sign(surveyId: string, stamp: string): Promise<string> {
    const secret = typeof source === 'string' ? source : await source()
    // Derive a key per survey (and per purpose, so a shared secret is never used raw for this).
    const key = createHmac('sha256', secret).update(`klankbord/form-start/v1/${surveyId}`).digest()
    return createHmac('sha256', key).update(stamp).digest().subarray(0, 16).toString('base64url')
  }

  /**
   * Milliseconds since the token was issued, or null when unknown (missing, malformed, not signed by
   * this secret, or from the future). Null must never block a submission.
   */
  async function elapsed(surveyId: string, token: unknown): Promise<number | null> {
    if (typeof token !== 'string') return null
    const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token)
    if (!m?.[1] || !m[2]) return null
    const expected = Buffer.from(await sign(surveyId, m[1]))
    const given = Buffer.from(m[2])
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
    const age = now() - Number.parseInt(m[1], 36)
    return age >= 0 ? age : null
  }

  return {
    /**
     * The resume token of a multi-screen response: derived from its submission key, so a replayed first
     * post finds the same link; unguessable without the secret and the key (which only that page holds).
     */
    async resumeToken(surveyId: string, submissionKey: string): Promise<string> {
      const secret = typeof source === 'string' ? source : await source()
      const key = createHmac('sha256', secret).update(`klankbord/resume/v1/${surveyId}`).digest()
      return createHmac('sha256', key).update(submissionKey).digest().subarray(0, 24).toString('base64url')
    },
    /** A token saying "this form was made now", for the hidden field. */
    async issue(surveyId: string): Promise<string> {
      const stamp = Math.floor(now()).toString(36)
      return `${stamp}.${await sign(surveyId, stamp)}`
    },
    elapsed,
    /** Whether a token proves the form was posted faster than a person can fill it in. */
    async tooFast(surveyId: string, token: unknown): Promise<boolean> {
      const age = await elapsed(surveyId, token)
      return minFillMs > 0 && age !== null && age < minFillMs
    },
  }
}

/** A form guard: issues and checks start times. */
export type FormGuard = ReturnType<typeof formGuard>
