import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { describe, it } from 'node:test'
import { hmacSha256 } from './hmac.ts'
import { normaliseEmail, normalisePhone, personHash } from './person.ts'

describe('normalising e-mail addresses', () => {
  it('trims and lower-cases, so two spellings of one address are the same', () => {
    assert.equal(normaliseEmail('  Jan.Jansen@Example.NL \n'), 'jan.jansen@example.nl')
    assert.equal(normaliseEmail('a+b@sub.example.org'), 'a+b@sub.example.org')
  })

  it('refuses text that is not an address', () => {
    for (const bad of [
      '',
      'jan',
      'jan@',
      '@example.nl',
      'jan@example',
      'jan@@example.nl',
      'a@b@example.nl',
      'jan jansen@example.nl',
      'jan@example..nl',
      'jan@.example.nl',
      'jan@example.nl.',
      `${'a'.repeat(250)}@x.nl`,
    ])
      assert.equal(normaliseEmail(bad), null, bad)
  })
})

describe('normalising phone numbers to E.164', () => {
  it('gives Dutch mobile numbers written in many ways the same +31 form', () => {
    for (const typed of [
      '0612345678',
      '06-12345678',
      '06 1234 5678',
      '(06) 12 34 56 78',
      '0031612345678',
      '+31612345678',
      '+31 (0)6 12345678',
      '+31 6 1234 5678',
      '06.12.34.56.78',
    ])
      assert.equal(normalisePhone(typed), '+31612345678', typed)
  })

  it('gives Dutch landline numbers +31 and keeps foreign numbers of 8 to 15 digits', () => {
    assert.equal(normalisePhone('010-1234567'), '+31101234567')
    assert.equal(normalisePhone('+32 470 12 34 56'), '+32470123456')
    assert.equal(normalisePhone('0049 30 1234567'), '+49301234567')
    assert.equal(normalisePhone('+1234567'), null) // 7 digits
    assert.equal(normalisePhone('+1234567890123456'), null) // 16 digits
  })

  it('refuses numbers that cannot be right', () => {
    for (const bad of [
      '',
      '612345678',
      '061234567',
      '06123456789',
      '+3161234567',
      '06-1234-567a',
      '+31 6 1234 5678 9',
      'bel mij',
    ])
      assert.equal(normalisePhone(bad), null, bad)
  })
})

describe('the keyed hash of an address', () => {
  it('is HMAC-SHA256 as RFC 4231 defines it (test cases 1 and 2)', () => {
    const case1 = hmacSha256('\x0b'.repeat(20), 'Hi There').toString('hex')
    assert.equal(case1, 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7')
    const case2 = hmacSha256('Jefe', 'what do ya want for nothing?').toString('hex')
    assert.equal(case2, '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
  })

  it('hashes "channel:address" under the secret, as openssl computes it', () => {
    // printf 'sms:+31612345678' | openssl dgst -sha256 -hmac 'test-secret'
    assert.equal(
      personHash('test-secret', 'sms', '+31612345678'),
      '17f95aaa99c4768429248d533e9e1453ec778a55c2edb66e77594fb18a1df9ff',
    )
    // printf 'email:jan.jansen@example.nl' | openssl dgst -sha256 -hmac 'test-secret'
    assert.equal(
      personHash('test-secret', 'email', 'jan.jansen@example.nl'),
      'fb8784bc5d4b8ed276369cd705d22a84f8cd2f450fd95ac36983e304285698c3',
    )
  })

  it('agrees with node:crypto directly and depends on secret, channel and address', () => {
    const direct = createHmac('sha256', 's3cret').update('email:a@example.nl').digest('hex')
    assert.equal(personHash('s3cret', 'email', 'a@example.nl'), direct)
    assert.notEqual(personHash('other', 'email', 'a@example.nl'), direct)
    assert.notEqual(personHash('s3cret', 'sms', 'a@example.nl'), direct)
    assert.notEqual(personHash('s3cret', 'email', 'b@example.nl'), direct)
  })
})
