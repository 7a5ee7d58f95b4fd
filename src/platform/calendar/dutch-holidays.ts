import { easterSunday } from './easter.ts'
import { addDays, dateOf, isoWeekday } from './local-date.ts'

/**
 * The Dutch public holidays ("algemeen erkende feestdagen") of the Algemene termijnenwet, art. 3
 * (https://wetten.overheid.nl/BWBR0002448): lid 1 names New Year's Day, the second days of Easter and
 * Pentecost, both Christmas days, Ascension Day, the day the King's birthday is celebrated and 5 May;
 * lid 2 adds Good Friday. Easter Sunday and Whit Sunday are Sundays and listed for completeness.
 *
 * Not included: days that the government equates with a holiday for a few years by decree (art. 3
 * lid 3, for example the Friday after Ascension Day); pass them as extra days to `dutchWorkingDays`.
 *
 * The King's birthday: 27 April since 2014 (King Willem-Alexander), 26 April when the 27th is a Sunday
 * (Wet van 2013 on the Koningsdag, Rijksoverheid "Koningsdag"). From 1949 to 2013 it was Koninginnedag on
 * 30 April, moved to 29 April when the 30th was a Sunday; earlier years use that rule too, which is not
 * historically exact before 1980.
 */
export function dutchPublicHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year)
  const kingsDay =
    year >= 2014 ? sundayToSaturday(dateOf(year, 4, 27)) : sundayToSaturday(dateOf(year, 4, 30))
  return new Map<string, string>([
    [dateOf(year, 1, 1), 'Nieuwjaarsdag'],
    [addDays(easter, -2), 'Goede Vrijdag'],
    [easter, 'Eerste Paasdag'],
    [addDays(easter, 1), 'Tweede Paasdag'],
    [kingsDay, year >= 2014 ? 'Koningsdag' : 'Koninginnedag'],
    [dateOf(year, 5, 5), 'Bevrijdingsdag'],
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 49), 'Eerste Pinksterdag'],
    [addDays(easter, 50), 'Tweede Pinksterdag'],
    [dateOf(year, 12, 25), 'Eerste Kerstdag'],
    [dateOf(year, 12, 26), 'Tweede Kerstdag'],
  ])
}

function sundayToSaturday(localDate: string): string {
  return isoWeekday(localDate) === 7 ? addDays(localDate, -1) : localDate
}
