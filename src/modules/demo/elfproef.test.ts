import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { generateBsn, isValidBsn } from './elfproef.ts'
import { generateDemo } from './generate.ts'
import { Rng } from './random.ts'

describe('the BSN elfproef', () => {
  it('accepts known valid numbers (worked by hand: 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66 = 6·11)', () => {
    for (const bsn of ['111222333', '123456782', '999999990', '12345672'])
      assert.equal(isValidBsn(bsn), true, bsn)
  })

  it('rejects numbers that fail the check, have the wrong length, letters, or are all zeros', () => {
    for (const bad of [
      '123456789',
      '111222334',
      '999999999',
      '12345678',
      '1234567',
      '1234567890',
      '12345678a',
      '000000000',
      '',
    ]) {
      assert.equal(isValidBsn(bad), false, bad)
    }
  })

  it('rejects every single-digit change of a valid number (the check catches all one-digit typos)', () => {
    const valid = '123456782'
    for (let i = 0; i < 9; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue
        const changed = valid.slice(0, i) + d + valid.slice(i + 1)
        assert.equal(isValidBsn(changed), false, changed)
      }
    }
  })

  it('generates 9-digit numbers that pass, for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = new Rng(seed)
        for (let i = 0; i < 20; i++) {
          const bsn = generateBsn(rng)
          assert.match(bsn, /^[1-9]\d{8}$/)
          assert.equal(isValidBsn(bsn), true, bsn)
        }
      }),
    )
  })

  it('puts valid BSNs into the open answers of the demo data', () => {
    const bsns: string[] = []
    for (const slice of generateDemo({ responses: 30000, seed: 77, now: new Date('2026-11-20T10:00:00Z') })) {
      for (const r of slice) {
        for (const a of [r.why, r.improve]) {
          if (a?.pii?.kind !== 'bsn') continue
          assert.ok(a.text.includes(a.pii.value))
          const inText = a.text.match(/\b\d{9}\b/)?.[0]
          assert.equal(inText, a.pii.value, 'the BSN is written as nine digits in the text')
          bsns.push(a.pii.value)
        }
      }
    }
    assert.ok(bsns.length >= 20, `only ${bsns.length} BSNs`)
    for (const bsn of bsns) assert.equal(isValidBsn(bsn), true, bsn)
  })
})
