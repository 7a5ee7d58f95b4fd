import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { invitationRates } from './rates.ts'

describe('the response rate of invitations', () => {
  it('leaves bounced invitations out of the denominator', () => {
    // 200 sent, 10 bounced → 190 delivered; 57 completed → 57 / 190 = 0.3 exactly; 76 started → 0.4.
    const r = invitationRates({ sent: 200, bounced: 10, started: 76, completed: 57 })
    assert.equal(r.delivered, 190)
    assert.equal(r.responseRate, 0.3)
    assert.equal(r.startRate, 0.4)
  })

  it('has no rate when nothing was delivered, rather than 0 %', () => {
    assert.deepEqual(invitationRates({ sent: 3, bounced: 3, started: 0, completed: 0 }), {
      delivered: 0,
      responseRate: null,
      startRate: null,
    })
  })

  it('refuses counts that cannot happen', () => {
    assert.throws(() => invitationRates({ sent: 1, bounced: 2, started: 0, completed: 0 }), RangeError)
    assert.throws(() => invitationRates({ sent: 5, bounced: 0, started: 1, completed: 2 }), RangeError)
    assert.throws(() => invitationRates({ sent: -1, bounced: 0, started: 0, completed: 0 }), RangeError)
  })
})
