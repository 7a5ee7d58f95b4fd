import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { momentsOf } from '../../analytics/calc/mean-ci.ts'
import { bucketOf, leadTimeDays, medianFromCounts, summariseLeadTime } from './lead-time.ts'

const at = (s: string) => new Date(s)

describe('doorlooptijd in calendar days', () => {
  it('is 0 for a zaak started and finished on the same Amsterdam day', () => {
    assert.equal(leadTimeDays(at('2026-03-02T08:00:00Z'), at('2026-03-02T16:00:00Z')), 0)
  })

  it('counts a date change in Amsterdam, not in UTC: 23:50 to 00:10 is one day', () => {
    // 23:50 and 00:10 Amsterdam (winter) are 22:50 and 23:10 UTC on the same UTC day.
    assert.equal(leadTimeDays(at('2026-01-05T22:50:00Z'), at('2026-01-05T23:10:00Z')), 1)
    // And 23:30 to 23:59 UTC in summer is 01:30 to 01:59 the next day in Amsterdam: 0 days.
    assert.equal(leadTimeDays(at('2026-07-05T23:30:00Z'), at('2026-07-05T23:59:00Z')), 0)
  })

  it('counts weekends and the 23-hour and 25-hour days of the clock changes as whole days', () => {
    // Friday 27 March to Monday 30 March 2026 spans the spring change: 3 days.
    assert.equal(leadTimeDays(at('2026-03-27T09:00:00+01:00'), at('2026-03-30T09:00:00+02:00')), 3)
    // 24 to 26 October 2026 spans the autumn change: 2 days.
    assert.equal(leadTimeDays(at('2026-10-24T12:00:00+02:00'), at('2026-10-26T12:00:00+01:00')), 2)
    // A whole (non-leap) year.
    assert.equal(leadTimeDays(at('2026-01-01T10:00:00+01:00'), at('2027-01-01T10:00:00+01:00')), 365)
  })
})

describe('lead-time buckets', () => {
  it('puts the edges of each bucket where the issue says: 0–1, 2–7, 8–28, 29+', () => {
    const keys = [0, 1, 2, 7, 8, 28, 29, 400].map((d) => bucketOf(d)?.key)
    assert.deepEqual(keys, ['0-1', '0-1', '2-7', '2-7', '8-28', '8-28', '29+', '29+'])
    assert.equal(bucketOf(-1), null)
  })

  it('puts every non-negative whole number of days in exactly one bucket (property)', () => {
    fc.assert(fc.property(fc.nat(100_000), (d) => assert.ok(bucketOf(d))))
  })
})

describe('the median from counts', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    assert.equal(medianFromCounts([]), null)
    assert.equal(medianFromCounts([{ value: 5, count: 1 }]), 5)
    // 2, 3, 3, 9 → (3 + 3) / 2
    assert.equal(
      medianFromCounts([
        { value: 9, count: 1 },
        { value: 2, count: 1 },
        { value: 3, count: 2 },
      ]),
      3,
    )
    // 2, 4 → 3; 2, 2, 4, 4 → 3
    assert.equal(
      medianFromCounts([
        { value: 2, count: 1 },
        { value: 4, count: 1 },
      ]),
      3,
    )
    assert.equal(
      medianFromCounts([
        { value: 2, count: 2 },
        { value: 4, count: 2 },
      ]),
      3,
    )
  })

  it('equals the median of the expanded list (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.nat(60), count: fc.nat(5) }), { maxLength: 20 }),
        (pairs) => {
          const list = pairs.flatMap((p) => Array<number>(p.count).fill(p.value)).sort((a, b) => a - b)
          const n = list.length
          const expected =
            n === 0 ? null : ((list[Math.floor((n - 1) / 2)] ?? 0) + (list[Math.floor(n / 2)] ?? 0)) / 2
          assert.equal(medianFromCounts(pairs), expected)
        },
      ),
    )
  })
})

describe('the summary beside the rapportcijfer', () => {
  it('matches a hand-computed example', () => {
    // Bucket 0–1: days 0 (grades 8, 9) and 1 (grade 7, and one response without a grade).
    // Bucket 2–7: day 5 (grades 6, 8). Bucket 29+: day 40 (grade 4). Bucket 8–28: empty.
    const summary = summariseLeadTime([
      { days: 0, responses: 2, grade: momentsOf([8, 9]) },
      { days: 1, responses: 2, grade: momentsOf([7]) },
      { days: 5, responses: 2, grade: momentsOf([6, 8]) },
      { days: 40, responses: 1, grade: momentsOf([4]) },
    ])
    assert.deepEqual(
      summary.map((b) => [b.key, b.responses, b.grade.n, b.grade.mean, b.medianDays]),
      [
        ['0-1', 4, 3, 8, 0.5],
        ['2-7', 2, 2, 7, 5],
        ['8-28', 0, 0, null, null],
        ['29+', 1, 1, 4, 40],
      ],
    )
    // 0–1: grades 8, 9, 7 → mean 8, s = 1, t(0.975; 2) = 4.302653 → 8 ± 4.302653 / √3 = 8 ± 2.484138.
    const first = summary[0]?.grade
    assert.ok(Math.abs((first?.lower ?? 0) - 5.515862) < 1e-5)
    assert.ok(Math.abs((first?.upper ?? 0) - 10.484138) < 1e-5)
    // 2–7: grades 6, 8 → mean 7, s = √2, t(0.975; 1) = 12.706205 → 7 ± 12.706205 · √2 / √2 = 7 ± 12.706205.
    assert.ok(Math.abs((summary[1]?.grade.upper ?? 0) - 19.706205) < 1e-5)
    assert.equal(summary[3]?.grade.lower, null)
  })
})
