import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { inSample } from './sample.ts'

const SECRET = 'test-secret'
const ids = Array.from({ length: 10_000 }, (_, i) => `0192f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`)

describe('sampling contact moments', () => {
  it('decides by the first 4 bytes of HMAC-SHA256(secret, "sample:<id>") as a fraction of 2^32', () => {
    // printf 'sample:0192f0a0-0000-7000-8000-000000000001' | openssl dgst -sha256 -hmac 'test-secret'
    // = 35c05092…, and 0x35c05092 / 2^32 = 0.20997: in the sample at 21%, not at 20%.
    const id = '0192f0a0-0000-7000-8000-000000000001'
    assert.equal(inSample(SECRET, id, 21), true)
    assert.equal(inSample(SECRET, id, 20.99), false)
    assert.equal(inSample(SECRET, id, 20), false)
    const direct = createHmac('sha256', SECRET).update(`sample:${id}`).digest().readUInt32BE(0) / 2 ** 32
    assert.ok(Math.abs(direct - 0.209965739864856) < 1e-12)
  })

  it('never samples at 0% and always at 100%', () => {
    assert.ok(ids.every((id) => !inSample(SECRET, id, 0)))
    assert.ok(ids.every((id) => inSample(SECRET, id, 100)))
  })

  it('gives the same answer every time for the same moment', () => {
    for (const id of ids.slice(0, 100)) assert.equal(inSample(SECRET, id, 37), inSample(SECRET, id, 37))
  })

  it('takes a share of 10,000 moments within the 99.9% binomial bound of the percentage', () => {
    // Normal approximation to the binomial (de Moivre–Laplace): the share of n draws with probability p
    // lies within p ± z·sqrt(p(1−p)/n) with 99.9% probability, z = Φ⁻¹(0.9995) = 3.2905.
    const z = 3.2905
    const n = ids.length
    for (const percent of [1, 5, 10, 25, 50, 75, 90]) {
      const p = percent / 100
      const share = ids.filter((id) => inSample(SECRET, id, percent)).length / n
      const bound = z * Math.sqrt((p * (1 - p)) / n)
      assert.ok(Math.abs(share - p) <= bound, `${percent}%: share ${share}, bound ±${bound.toFixed(4)}`)
    }
  })

  it('only adds moments when the percentage goes up', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (id, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a]
          if (inSample(SECRET, id, low)) assert.ok(inSample(SECRET, id, high))
        },
      ),
    )
  })

  it('differs per secret, so another instance draws another sample', () => {
    const mine = ids.filter((id) => inSample(SECRET, id, 50))
    const theirs = ids.filter((id) => inSample('another-secret', id, 50))
    assert.notDeepEqual(mine, theirs)
  })

  it('refuses a percentage that is not a number', () => {
    assert.throws(() => inSample(SECRET, 'x', Number.NaN), RangeError)
  })
})
