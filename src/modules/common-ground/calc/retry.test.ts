import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_ATTEMPTS, nextAttemptAt } from './retry.ts'

describe('retrying a notification after a remote failure', () => {
  const now = new Date('2026-11-23T10:00:00Z')
  it('waits 1, 5, 15 and 60 minutes, then gives up', () => {
    const minutes = [1, 2, 3, 4].map(
      (n) => ((nextAttemptAt(n, now)?.getTime() ?? 0) - now.getTime()) / 60_000,
    )
    assert.deepEqual(minutes, [1, 5, 15, 60])
    assert.equal(nextAttemptAt(5, now), null)
    assert.equal(MAX_ATTEMPTS, 5)
  })
})
