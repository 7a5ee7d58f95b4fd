import { dutchPublicHolidays } from './dutch-holidays.ts'
import { addDays, dateToUtcMidnight, isoWeekday } from './local-date.ts'

/** Which local dates are working days. Injected wherever a rule counts working days, so tests can swap it. */
export interface WorkingDayCalendar {
  /** Whether the date (`YYYY-MM-DD`) is a working day. */
  isWorkingDay(localDate: string): boolean
  /** The first working day strictly after the date. */
  nextWorkingDay(localDate: string): string
}

/** Options for the Dutch calendar. */
export interface DutchWorkingDaysOptions {
  /** Extra days off (`YYYY-MM-DD`), e.g. days equated with a holiday by decree (Atw art. 3 lid 3). */
  extraNonWorkingDays?: Iterable<string>
}

/**
 * Dutch working days: every Monday to Friday that is not a public holiday of the Algemene termijnenwet
 * art. 3 (see `dutchPublicHolidays`). Saturdays and Sundays are never working days (Atw art. 1).
 */
export function dutchWorkingDays(options: DutchWorkingDaysOptions = {}): WorkingDayCalendar {
  const extra = new Set<string>()
  for (const day of options.extraNonWorkingDays ?? []) {
    dateToUtcMidnight(day) // validates
    extra.add(day)
  }
  const byYear = new Map<number, Map<string, string>>()
  const holidaysOf = (year: number) => {
    let holidays = byYear.get(year)
    if (!holidays) {
      holidays = dutchPublicHolidays(year)
      byYear.set(year, holidays)
    }
    return holidays
  }
  const isWorkingDay = (localDate: string): boolean => {
    if (isoWeekday(localDate) >= 6) return false
    if (extra.has(localDate)) return false
    return !holidaysOf(Number(localDate.slice(0, 4))).has(localDate)
  }
  return {
    isWorkingDay,
    nextWorkingDay(localDate) {
      let day = addDays(localDate, 1)
      // The longest run of days off is short (Christmas plus a weekend, or extra days): this ends fast.
      while (!isWorkingDay(day)) day = addDays(day, 1)
      return day
    },
  }
}
