import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { newId } from '../../../platform/db/ids.ts'
import { formatToken, hashSecret, newSecret, parseToken, secretMatches } from './token.ts'

describe('an API key token', () => {
  it('reads back the key id and the secret it was made from', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uint8Array({ minLength: 32, maxLength: 32 }), (id, bytes) => {
        const secret = Buffer.from(bytes).toString('base64url')
        assert.deepEqual(parseToken(formatToken(id, secret)), { keyId: id, secret })
      }),
    )
  })

  it('has the recognisable prefix and a 256-bit secret', () => {
    const secret = newSecret()
    assert.equal(Buffer.from(secret, 'base64url').length, 32)
    assert.match(formatToken(newId(), secret), /^kb_live_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/)
    assert.notEqual(newSecret(), secret)
  })

  it('is refused when it is not exactly in that form', () => {
    const good = formatToken(newId(), newSecret())
    for (const bad of [
      '',
      'kb_live_',
      `${good}x`,
      good.slice(1),
      good.replace('kb_live_', 'kb_test_'),
      ` ${good}`,
    ])
      assert.equal(parseToken(bad), null, bad)
  })

  it('matches only its own secret (SHA-256, constant-time compare)', () => {
    const secret = newSecret()
    const stored = hashSecret(secret)
    assert.match(stored, /^[0-9a-f]{64}$/)
    assert.equal(secretMatches(secret, stored), true)
    assert.equal(secretMatches(newSecret(), stored), false)
    assert.equal(secretMatches(secret, 'abc'), false)
  })
})
