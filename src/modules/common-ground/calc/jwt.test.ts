import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { describe, it } from 'node:test'
import { signHs256, zgwJwt } from './jwt.ts'

describe('the ZGW JWT', () => {
  it('signs the well-known HS256 example token of jwt.io byte for byte', () => {
    const token = signHs256({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }, 'your-256-bit-secret')
    assert.equal(
      token,
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    )
  })

  it('carries client_id, iss and iat in seconds, and verifies with an HMAC computed by hand', () => {
    const now = new Date('2026-11-23T10:00:00.900Z')
    const token = zgwJwt({ clientId: 'klankbord', secret: 's3cret' }, now)
    const [h, p, s] = token.split('.') as [string, string, string]
    assert.deepEqual(JSON.parse(Buffer.from(h, 'base64url').toString()), { alg: 'HS256', typ: 'JWT' })
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
    assert.equal(claims.client_id, 'klankbord')
    assert.equal(claims.iss, 'klankbord')
    assert.equal(claims.iat, Date.UTC(2026, 10, 23, 10, 0, 0) / 1000)
    assert.ok(claims.user_id && claims.user_representation)
    const expected = createHmac('sha256', Buffer.from('s3cret', 'utf8')).update(`${h}.${p}`).digest()
    assert.deepEqual(Buffer.from(s, 'base64url'), expected)
  })

  it('gives a different signature under another secret', () => {
    const now = new Date()
    assert.notEqual(
      zgwJwt({ clientId: 'a', secret: 'one' }, now).split('.')[2],
      zgwJwt({ clientId: 'a', secret: 'two' }, now).split('.')[2],
    )
  })
})
