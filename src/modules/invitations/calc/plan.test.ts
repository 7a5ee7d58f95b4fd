import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { dutchWorkingDays } from '../../../platform/calendar/index.ts'
import { type DeliveryRule, planTimes } from './plan.ts'

const calendar = dutchWorkingDays()
const utc = (d: Date | null) => d?.toISOString() ?? null
const nextDayAtTen: DeliveryRule = {
  delay: { kind: 'next_working_day', at: '10:00' },
  quietHours: { from: '21:00', to: '08:00' },
  reminderAfterDays: 3,
  expiryDays: 14,
}

describe('planning the times of an invitation', () => {
  it('sends a zaak closed on Thursday 24 December 2026 at 15:00 on Monday 28 December at 10:00', () => {
    // 25 and 26 December are Christmas, 27 December is a Sunday.
    const closed = new Date('2026-12-24T14:00:00Z')
    const plan = planTimes(closed, closed, nextDayAtTen, calendar)
    assert.equal(utc(plan.sendAt), '2026-12-28T09:00:00.000Z')
    assert.equal(utc(plan.remindAt), '2026-12-31T09:00:00.000Z')
    assert.equal(utc(plan.expiresAt), '2027-01-11T09:00:00.000Z')
  })

  it('sends a zaak closed on the Thursday before Easter 2026 on Tuesday 7 April at 10:00 summer time', () => {
    // Goede Vrijdag 3 April, weekend, Tweede Paasdag 6 April.
    const closed = new Date('2026-04-02T09:00:00Z')
    assert.equal(utc(planTimes(closed, closed, nextDayAtTen, calendar).sendAt), '2026-04-07T08:00:00.000Z')
  })

  it('sends on the next working day even when the zaak closed just after midnight on a working day', () => {
    const closed = new Date('2026-11-22T23:05:00Z') // Monday 23 November 00:05
    assert.equal(utc(planTimes(closed, closed, nextDayAtTen, calendar).sendAt), '2026-11-24T09:00:00.000Z')
  })

  it('adds the minutes of a minutes rule and moves a time in the quiet hours to their end', () => {
    const rule: DeliveryRule = { ...nextDayAtTen, delay: { kind: 'minutes', minutes: 30 } }
    const noon = new Date('2026-11-23T11:00:00Z')
    assert.equal(utc(planTimes(noon, noon, rule, calendar).sendAt), '2026-11-23T11:30:00.000Z')
    const evening = new Date('2026-11-23T19:45:00Z') // 20:45 + 30 minutes = 21:15, quiet until 08:00
    assert.equal(utc(planTimes(evening, evening, rule, calendar).sendAt), '2026-11-24T07:00:00.000Z')
    const saturday = new Date('2026-11-28T11:00:00Z') // a minutes rule does not wait for a working day
    assert.equal(utc(planTimes(saturday, saturday, rule, calendar).sendAt), '2026-11-28T11:30:00.000Z')
  })

  it('never plans before now: an old contact moment goes out now', () => {
    const lastWeek = new Date('2026-11-16T09:00:00Z')
    const now = new Date('2026-11-25T12:00:00Z')
    assert.equal(utc(planTimes(lastWeek, now, nextDayAtTen, calendar).sendAt), utc(now))
  })

  it('moves a late plan that lands on Friday night past the weekend to Monday at the rule time', () => {
    const thursday = new Date('2026-11-26T08:00:00Z') // planned Friday 27 November 10:00
    const fridayNight = new Date('2026-11-27T21:00:00Z') // 22:00, quiet until Saturday 08:00
    assert.equal(
      utc(planTimes(thursday, fridayNight, nextDayAtTen, calendar).sendAt),
      '2026-11-30T09:00:00.000Z',
    )
    const saturday = new Date('2026-11-28T13:00:00Z') // not quiet, but not a working day either
    assert.equal(
      utc(planTimes(thursday, saturday, nextDayAtTen, calendar).sendAt),
      '2026-11-30T09:00:00.000Z',
    )
  })

  it('keeps the local clock time for the reminder and expiry across the end of summer time', () => {
    const closed = new Date('2026-10-22T12:00:00Z') // Thursday; sent Friday 23 October 10:00 (08:00 UTC)
    const plan = planTimes(closed, closed, nextDayAtTen, calendar)
    assert.equal(utc(plan.sendAt), '2026-10-23T08:00:00.000Z')
    assert.equal(utc(plan.remindAt), '2026-10-26T09:00:00.000Z') // Monday 10:00 winter time
    assert.equal(utc(plan.expiresAt), '2026-11-06T09:00:00.000Z')
  })

  it('moves a reminder out of quiet hours when the clock change pushes it in', () => {
    // Sent 26 March 02:30; three days later 02:30 does not exist, becomes 03:30 and is quiet until 07:00.
    const rule: DeliveryRule = {
      delay: { kind: 'minutes', minutes: 0 },
      quietHours: { from: '03:00', to: '07:00' },
      reminderAfterDays: 3,
      expiryDays: 14,
    }
    const at = new Date('2026-03-26T01:30:00Z')
    const plan = planTimes(at, at, rule, calendar)
    assert.equal(utc(plan.sendAt), '2026-03-26T01:30:00.000Z')
    assert.equal(utc(plan.remindAt), '2026-03-29T05:00:00.000Z')
  })

  it('has no reminder when there is none or when it would not come before the expiry', () => {
    const closed = new Date('2026-11-23T09:00:00Z')
    assert.equal(
      planTimes(closed, closed, { ...nextDayAtTen, reminderAfterDays: null }, calendar).remindAt,
      null,
    )
    assert.equal(
      planTimes(closed, closed, { ...nextDayAtTen, reminderAfterDays: 14 }, calendar).remindAt,
      null,
    )
    assert.notEqual(
      planTimes(closed, closed, { ...nextDayAtTen, reminderAfterDays: 13 }, calendar).remindAt,
      null,
    )
  })

  // Independent reading of the Amsterdam clock for the property below, straight from Intl.
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  })
  const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
  const inWindow = (at: Date, q: { from: string; to: string }) => {
    const t = minutesOf(clock.format(at))
    const [f, e] = [minutesOf(q.from), minutesOf(q.to)]
    return f === e ? false : f < e ? t >= f && t < e : t >= f || t < e
  }
  const hhmm = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
  const rules: fc.Arbitrary<DeliveryRule> = fc.record({
    delay: fc.oneof(
      hhmm.map((at) => ({ kind: 'next_working_day' as const, at })),
      fc.integer({ min: 0, max: 20_000 }).map((minutes) => ({ kind: 'minutes' as const, minutes })),
    ),
    quietHours: fc.option(fc.record({ from: hhmm, to: hhmm }), { nil: null }),
    reminderAfterDays: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    expiryDays: fc.integer({ min: 1, max: 30 }),
  })
  const instants = fc
    .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2031, 0, 1) })
    .map((ms) => new Date(ms))
  const shifts = fc.integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 })

  it('never sends inside quiet hours or before now, and a working-day rule sends on a working day', () => {
    fc.assert(
      fc.property(instants, shifts, rules, (occurredAt, shift, rule) => {
        const now = new Date(occurredAt.getTime() + shift)
        const plan = planTimes(occurredAt, now, rule, calendar)
        assert.ok(plan.sendAt.getTime() >= now.getTime(), 'before now')
        if (rule.quietHours) assert.ok(!inWindow(plan.sendAt, rule.quietHours), 'in quiet hours')
        if (rule.delay.kind === 'next_working_day') {
          const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(plan.sendAt)
          assert.ok(calendar.isWorkingDay(day), `not a working day: ${day}`)
        }
        assert.ok(plan.expiresAt.getTime() > plan.sendAt.getTime())
        if (plan.remindAt) {
          assert.ok(plan.remindAt.getTime() > plan.sendAt.getTime())
          assert.ok(plan.remindAt.getTime() < plan.expiresAt.getTime())
          if (rule.quietHours) assert.ok(!inWindow(plan.remindAt, rule.quietHours), 'reminder in quiet hours')
        }
      }),
      { numRuns: 2000 },
    )
  })
})
