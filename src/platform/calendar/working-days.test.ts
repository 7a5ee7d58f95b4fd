import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { dutchPublicHolidays } from './dutch-holidays.ts'
import { addDays } from './local-date.ts'
import { dutchWorkingDays } from './working-days.ts'

// Published holiday lists of Rijksoverheid, "Welke feestdagen zijn officiële feestdagen?"
// (rijksoverheid.nl, onderwerp Feestdagen), for 2025 and 2026. Written out by hand, not computed.
const RIJKSOVERHEID_2025 = [
  '2025-01-01', // Nieuwjaarsdag
  '2025-04-18', // Goede Vrijdag
  '2025-04-20', // Eerste Paasdag
  '2025-04-21', // Tweede Paasdag
  '2025-04-26', // Koningsdag: 27 April 2025 is a Sunday
  '2025-05-05', // Bevrijdingsdag
  '2025-05-29', // Hemelvaartsdag
  '2025-06-08', // Eerste Pinksterdag
  '2025-06-09', // Tweede Pinksterdag
  '2025-12-25', // Eerste Kerstdag
  '2025-12-26', // Tweede Kerstdag
]
const RIJKSOVERHEID_2026 = [
  '2026-01-01',
  '2026-04-03',
  '2026-04-05',
  '2026-04-06',
  '2026-04-27',
  '2026-05-05',
  '2026-05-14',
  '2026-05-24',
  '2026-05-25',
  '2026-12-25',
  '2026-12-26',
]

describe('Dutch public holidays (Algemene termijnenwet art. 3)', () => {
  it('are exactly the days Rijksoverheid publishes for 2025 and 2026', () => {
    assert.deepEqual([...dutchPublicHolidays(2025).keys()].sort(), RIJKSOVERHEID_2025)
    assert.deepEqual([...dutchPublicHolidays(2026).keys()].sort(), RIJKSOVERHEID_2026)
  })

  it('put Koningsdag on 26 April when 27 April is a Sunday, as on the first Koningsdag in 2014', () => {
    assert.equal(dutchPublicHolidays(2014).get('2014-04-26'), 'Koningsdag')
    assert.equal(dutchPublicHolidays(2025).get('2025-04-26'), 'Koningsdag')
    assert.equal(dutchPublicHolidays(2026).get('2026-04-27'), 'Koningsdag')
    assert.equal(dutchPublicHolidays(2013).get('2013-04-30'), 'Koninginnedag')
  })
})

describe('Dutch working days', () => {
  const calendar = dutchWorkingDays()

  it('are Monday to Friday without the public holidays', () => {
    assert.equal(calendar.isWorkingDay('2026-11-23'), true) // Monday
    assert.equal(calendar.isWorkingDay('2026-11-27'), true) // Friday
    assert.equal(calendar.isWorkingDay('2026-11-28'), false) // Saturday
    assert.equal(calendar.isWorkingDay('2026-11-29'), false) // Sunday
    for (const holiday of RIJKSOVERHEID_2026) assert.equal(calendar.isWorkingDay(holiday), false, holiday)
  })

  it('skip Christmas and the weekend: after Thursday 24 December 2026 comes Monday 28 December', () => {
    assert.equal(calendar.nextWorkingDay('2026-12-24'), '2026-12-28')
  })

  it('skip Easter: after Thursday 2 April 2026 comes Tuesday 7 April', () => {
    assert.equal(calendar.nextWorkingDay('2026-04-02'), '2026-04-07')
  })

  it('skip New Year: after Wednesday 31 December 2025 comes Friday 2 January 2026', () => {
    assert.equal(calendar.nextWorkingDay('2025-12-31'), '2026-01-02')
  })

  it('give the next working day strictly after the date, even when the date is a working day', () => {
    assert.equal(calendar.nextWorkingDay('2026-11-23'), '2026-11-24')
    assert.equal(calendar.nextWorkingDay('2026-11-27'), '2026-11-30')
  })

  it('accept extra days off, such as a Friday after Ascension Day set by decree', () => {
    const withBridge = dutchWorkingDays({ extraNonWorkingDays: ['2026-05-15'] })
    assert.equal(withBridge.isWorkingDay('2026-05-15'), false)
    assert.equal(withBridge.nextWorkingDay('2026-05-13'), '2026-05-18')
    assert.equal(calendar.isWorkingDay('2026-05-15'), true)
  })

  it('refuse text that is not a date', () => {
    assert.throws(() => calendar.isWorkingDay('2026-02-30'), RangeError)
    assert.throws(() => calendar.isWorkingDay('24-12-2026'), RangeError)
  })

  it('have between 1 and 5 days between a date and its next working day, all of them days off', () => {
    const days = fc.integer({ min: 0, max: 365 * 80 }).map((n) => addDays('1990-01-01', n))
    fc.assert(
      fc.property(days, (day) => {
        const next = calendar.nextWorkingDay(day)
        assert.ok(next > day && calendar.isWorkingDay(next))
        let gap = 0
        for (let d = addDays(day, 1); d < next; d = addDays(d, 1)) {
          assert.equal(calendar.isWorkingDay(d), false, d)
          gap++
        }
        assert.ok(gap <= 4, `${day} → ${next}`)
      }),
    )
  })
})
