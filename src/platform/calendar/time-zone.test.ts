import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { addLocalDays, atLocalTime, localDateOf, localTimeOf, utcOffsetAt } from './time-zone.ts'

const utc = (d: Date) => d.toISOString()

describe('local time in Europe/Amsterdam', () => {
  it('reads the local date and time of an instant in winter (+01:00) and summer (+02:00)', () => {
    assert.equal(localDateOf(new Date('2026-01-15T23:30:00Z')), '2026-01-16')
    assert.equal(localTimeOf(new Date('2026-01-15T23:30:00Z')), '00:30')
    assert.equal(localDateOf(new Date('2026-07-15T21:59:00Z')), '2026-07-15')
    assert.equal(localTimeOf(new Date('2026-07-15T21:59:59Z')), '23:59')
    assert.equal(localTimeOf(new Date('2026-07-15T22:00:00Z')), '00:00')
  })

  it('turns a local date and time into the instant', () => {
    assert.equal(utc(atLocalTime('2026-12-28', '10:00')), '2026-12-28T09:00:00.000Z')
    assert.equal(utc(atLocalTime('2026-07-01', '10:00')), '2026-07-01T08:00:00.000Z')
    assert.equal(utc(atLocalTime('2026-07-01', '00:00')), '2026-06-30T22:00:00.000Z')
  })

  it('moves a time that does not exist on 29 March 2026 (02:00 → 03:00) forward by the gap', () => {
    assert.equal(utcOffsetAt(new Date('2026-03-29T00:59:00Z')), 3_600_000)
    assert.equal(utcOffsetAt(new Date('2026-03-29T01:00:00Z')), 7_200_000)
    assert.equal(utc(atLocalTime('2026-03-29', '01:59')), '2026-03-29T00:59:00.000Z')
    assert.equal(utc(atLocalTime('2026-03-29', '02:00')), '2026-03-29T01:00:00.000Z') // = 03:00 summer time
    assert.equal(utc(atLocalTime('2026-03-29', '02:30')), '2026-03-29T01:30:00.000Z') // = 03:30 summer time
    assert.equal(localTimeOf(atLocalTime('2026-03-29', '02:30')), '03:30')
    assert.equal(utc(atLocalTime('2026-03-29', '03:00')), '2026-03-29T01:00:00.000Z')
  })

  it('takes the first occurrence of a time that happens twice on 25 October 2026 (03:00 → 02:00)', () => {
    // 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC (winter time); the first one counts.
    assert.equal(localTimeOf(new Date('2026-10-25T00:30:00Z')), '02:30')
    assert.equal(localTimeOf(new Date('2026-10-25T01:30:00Z')), '02:30')
    assert.equal(utc(atLocalTime('2026-10-25', '02:30')), '2026-10-25T00:30:00.000Z')
    assert.equal(utc(atLocalTime('2026-10-25', '01:59')), '2026-10-24T23:59:00.000Z')
    assert.equal(utc(atLocalTime('2026-10-25', '03:00')), '2026-10-25T02:00:00.000Z')
  })

  it('keeps the local clock time when adding days across a clock change', () => {
    assert.equal(utc(addLocalDays(new Date('2026-03-27T09:00:00Z'), 3)), '2026-03-30T08:00:00.000Z')
    assert.equal(utc(addLocalDays(new Date('2026-10-23T08:00:00Z'), 3)), '2026-10-26T09:00:00.000Z')
    assert.equal(utc(addLocalDays(new Date('2026-11-23T09:15:42.500Z'), 14)), '2026-12-07T09:15:42.500Z')
  })

  it('refuses malformed dates, times and invalid instants', () => {
    assert.throws(() => atLocalTime('2026-02-30', '10:00'), RangeError)
    assert.throws(() => atLocalTime('2026-03-01', '24:00'), RangeError)
    assert.throws(() => atLocalTime('2026-03-01', '9:00'), RangeError)
    assert.throws(() => localDateOf(new Date('nonsense')), RangeError)
  })

  it('round-trips every existing local time: atLocalTime(localDateOf(t), localTimeOf(t)) is t or, in the repeated hour, the first one', () => {
    const minutes = fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 })
    fc.assert(
      fc.property(minutes, (m) => {
        const t = new Date(m * 60_000)
        const back = atLocalTime(localDateOf(t), localTimeOf(t))
        const diff = t.getTime() - back.getTime()
        assert.ok(diff === 0 || diff === 3_600_000, `${utc(t)} → ${utc(back)}`)
      }),
    )
  })

  it('agrees with Intl in another zone (America/New_York clocks change at 02:00 local)', () => {
    // 8 March 2026: 02:30 does not exist in New York and becomes 03:30 EDT (07:30 UTC).
    assert.equal(utc(atLocalTime('2026-03-08', '02:30', 'America/New_York')), '2026-03-08T07:30:00.000Z')
    assert.equal(localDateOf(new Date('2026-03-08T03:00:00Z'), 'America/New_York'), '2026-03-07')
  })
})
