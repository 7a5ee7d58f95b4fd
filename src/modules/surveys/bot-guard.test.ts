import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { countDropped, droppedSubmissionCounts, formGuard, honeypotName } from './bot-guard.ts'

const SURVEY = '0190a1b2-0000-7000-8000-000000000001'
const OTHER = '0190a1b2-0000-7000-8000-000000000002'

function setup(minFillMs = 2000, secret: string | (() => Promise<string>) = 'x'.repeat(32)) {
  const clock = { t: 1_700_000_000_000 }
  return { clock, guard: formGuard({ secret, minFillMs, now: () => clock.t }) }
}

describe('the signed start time', () => {
  it('measures the time since the form was made with the injected clock', async () => {
    const { clock, guard } = setup()
    const token = await guard.issue(SURVEY)
    clock.t += 1500
    assert.equal(await guard.elapsed(SURVEY, token), 1500)
    assert.equal(await guard.tooFast(SURVEY, token), true)
    clock.t += 500
    assert.equal(await guard.tooFast(SURVEY, token), false, 'exactly the minimum is fast enough')
  })

  it('treats a missing, malformed, altered, foreign or future token as unknown, which never blocks', async () => {
    const { clock, guard } = setup()
    const token = await guard.issue(SURVEY)
    const [stamp, sig] = token.split('.') as [string, string]
    const unknown = [
      undefined,
      '',
      'garbage',
      `${stamp}.${'A'.repeat(22)}`,
      // A bot that wants to look patient writes an older start time: the signature no longer fits.
      `${(Number.parseInt(stamp, 36) - 60_000).toString(36)}.${sig}`,
    ]
    for (const t of unknown) {
      assert.equal(await guard.elapsed(SURVEY, t), null, `token ${String(t)}`)
      assert.equal(await guard.tooFast(SURVEY, t), false, `token ${String(t)}`)
    }
    assert.equal(await guard.elapsed(OTHER, token), null, 'a token of one survey is worthless on another')
    const otherSecret = setup(2000, 'y'.repeat(32)).guard
    assert.equal(
      await otherSecret.elapsed(SURVEY, token),
      null,
      'a token from another key (restart) is unknown',
    )
    clock.t -= 10_000
    assert.equal(await guard.elapsed(SURVEY, token), null, 'a start time in the future is unknown')
  })

  it('takes the secret from an async source, such as the instance secret in the database', async () => {
    const { clock, guard } = setup(2000, async () => 'z'.repeat(32))
    const token = await guard.issue(SURVEY)
    clock.t += 100
    assert.equal(await guard.tooFast(SURVEY, token), true)
    const sameKey = formGuard({ secret: 'z'.repeat(32), now: () => clock.t })
    assert.equal(await sameKey.elapsed(SURVEY, token), 100, 'the same secret as a plain string fits')
  })

  it('checks nothing when no minimum fill time is set', async () => {
    const { guard } = setup(0)
    assert.equal(await guard.tooFast(SURVEY, await guard.issue(SURVEY)), false)
  })

  it('uses a random per-process key when no secret is given', async () => {
    const a = formGuard()
    const b = formGuard()
    assert.notEqual(await a.elapsed(SURVEY, await b.issue(SURVEY)), null, 'one key for the whole process')
  })
})

describe('the honeypot and its counters', () => {
  it('is called website unless a real question already uses that code', () => {
    assert.equal(honeypotName(['rapportcijfer', 'waarom']), 'website')
    assert.equal(honeypotName(['rapportcijfer', 'website']), 'homepage')
  })

  it('counts dropped posts by reason', () => {
    const before = droppedSubmissionCounts()
    countDropped('honeypot')
    countDropped('too-fast')
    countDropped('too-fast')
    const after = droppedSubmissionCounts()
    assert.equal(after.honeypot, before.honeypot + 1)
    assert.equal(after.tooFast, before.tooFast + 2)
  })
})
