import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { open, seal } from './secret-box.ts'

describe('sealing the client secret', () => {
  const key = randomBytes(32)
  const org = '0190f3a0-0000-7000-8000-000000000001'
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = seal(key, org, 'geheim-123')
    assert.ok(!sealed.includes('geheim'))
    assert.equal(open(key, org, sealed), 'geheim-123')
    assert.notEqual(seal(key, org, 'geheim-123'), sealed, 'a fresh IV each time')
  })
  it('refuses another key, another organisation and a changed value', () => {
    const sealed = seal(key, org, 'geheim-123')
    assert.throws(() => open(randomBytes(32), org, sealed))
    assert.throws(() => open(key, '0190f3a0-0000-7000-8000-000000000002', sealed))
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`
    assert.throws(() => open(key, org, flipped))
  })
})
