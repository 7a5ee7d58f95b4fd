import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { addMoments, meanWithCi, momentsOf } from './mean-ci.ts'

describe('the mean with a 95% Student-t confidence interval', () => {
  it('reproduces R: t.test(1:10) gives mean 5.5 and interval 3.334149 .. 7.665851', () => {
    const r = meanWithCi(momentsOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
    assert.equal(r.mean, 5.5)
    assert.ok(Math.abs((r.lower ?? 0) - 3.334149) < 1e-6)
    assert.ok(Math.abs((r.upper ?? 0) - 7.665851) < 1e-6)
  })

  it('uses the t table value t(0.975; 4) = 2.776445 for five observations', () => {
    // x = 6,7,8,9,10: mean 8, s = sqrt(2.5); half width = 2.776445 * sqrt(2.5)/sqrt(5)
    const r = meanWithCi(momentsOf([6, 7, 8, 9, 10]))
    const half = (2.776445 * Math.sqrt(2.5)) / Math.sqrt(5)
    assert.ok(Math.abs((r.upper ?? 0) - (8 + half)) < 1e-5)
  })

  it('gives no interval for fewer than two answers and nothing for none', () => {
    assert.deepEqual(meanWithCi(momentsOf([7])), { n: 1, mean: 7, sd: null, lower: null, upper: null })
    assert.equal(meanWithCi(momentsOf([])).mean, null)
  })

  it('agrees with a two-pass computation of the standard deviation on random grades', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 300 }), (xs) => {
        const r = meanWithCi(momentsOf(xs))
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length
        const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1))
        assert.ok(Math.abs((r.sd ?? 0) - sd) < 1e-9)
        assert.ok((r.lower ?? 0) <= mean + 1e-12 && mean - 1e-12 <= (r.upper ?? 0))
      }),
    )
  })

  it('combines groups by adding their moments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 })),
        fc.array(fc.integer({ min: 1, max: 10 })),
        (a, b) => {
          assert.deepEqual(addMoments(momentsOf(a), momentsOf(b)), momentsOf([...a, ...b]))
        },
      ),
    )
  })
})
