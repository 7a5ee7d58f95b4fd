import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { answeredAtProblem, MAX_AGE_MS, SKEW_MS } from './answered-at.ts'

const now = new Date('2026-11-23T12:00:00Z')
const made = new Date('2026-10-01T08:00:00Z')
const at = (ms: number) => new Date(now.getTime() + ms)

describe('answeredAtProblem', () => {
  it('accepts the present, a few minutes ahead, and anything since the kiosk was made within 30 days', () => {
    assert.equal(answeredAtProblem(now, now, made), null)
    assert.equal(answeredAtProblem(at(SKEW_MS), now, made), null)
    assert.equal(answeredAtProblem(at(-MAX_AGE_MS), now, made), null)
  })

  it('refuses a time more than 5 minutes ahead (a clock that runs ahead)', () => {
    assert.match(answeredAtProblem(at(SKEW_MS + 1), now, made) ?? '', /future/)
  })

  it('refuses a time before the kiosk was made, allowing the same 5 minutes of clock difference', () => {
    const fresh = new Date(now.getTime() - 60_000)
    assert.equal(answeredAtProblem(new Date(fresh.getTime() - SKEW_MS), now, fresh), null)
    assert.match(
      answeredAtProblem(new Date(fresh.getTime() - SKEW_MS - 1), now, fresh) ?? '',
      /before the kiosk/,
    )
    assert.match(answeredAtProblem(new Date('2020-01-01T00:00:00Z'), now, made) ?? '', /before the kiosk/)
  })

  it('refuses a time more than 30 days old, even for an old kiosk', () => {
    const old = new Date('2025-01-01T00:00:00Z')
    assert.match(answeredAtProblem(at(-MAX_AGE_MS - 1), now, old) ?? '', /30 days/)
  })

  it('refuses an invalid date', () => {
    assert.match(answeredAtProblem(new Date(Number.NaN), now, made) ?? '', /date-time/)
  })
})
