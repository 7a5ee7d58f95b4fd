import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { easterSunday } from './easter.ts'

// Published Easter Sundays, copied from the table "Easter Dates 2001–2100" of the Astronomical Society of
// South Australia (assa.org.au/edm) and, for the years 2024–2028, from Rijksoverheid "Feestdagen"
// (rijksoverheid.nl/onderwerpen/arbeidsovereenkomst-en-cao/vraag-en-antwoord/officiele-feestdagen).
// The extremes (22 March 1818 and 2285, 25 April 1943 and 2038) are the textbook earliest and latest dates.
const PUBLISHED: Array<[number, string]> = [
  [1818, '1818-03-22'],
  [1943, '1943-04-25'],
  [2000, '2000-04-23'],
  [2008, '2008-03-23'],
  [2011, '2011-04-24'],
  [2019, '2019-04-21'],
  [2020, '2020-04-12'],
  [2021, '2021-04-04'],
  [2022, '2022-04-17'],
  [2023, '2023-04-09'],
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2027, '2027-03-28'],
  [2028, '2028-04-16'],
  [2029, '2029-04-01'],
  [2030, '2030-04-21'],
  [2031, '2031-04-13'],
  [2032, '2032-03-28'],
  [2033, '2033-04-17'],
  [2034, '2034-04-09'],
  [2035, '2035-03-25'],
  [2036, '2036-04-13'],
  [2038, '2038-04-25'],
  [2285, '2285-03-22'],
]

describe('Easter Sunday by the anonymous Gregorian algorithm', () => {
  it('gives the published date for every year in the reference table', () => {
    for (const [year, date] of PUBLISHED) assert.equal(easterSunday(year), date, String(year))
  })

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 4099; year++) {
      const date = easterSunday(year)
      assert.equal(new Date(`${date}T00:00:00Z`).getUTCDay(), 0, date)
      const monthDay = date.slice(5)
      assert.ok(monthDay >= '03-22' && monthDay <= '04-25', date)
    }
  })

  it('refuses years before the Gregorian calendar and non-integers', () => {
    assert.throws(() => easterSunday(1582), RangeError)
    assert.throws(() => easterSunday(2026.5), RangeError)
  })
})
