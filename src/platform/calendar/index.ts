/**
 * Working days and local time for deadlines and planned moments. No domain words: invitations,
 * complaint deadlines and reports all use it. Sources and rules: docs/calendar.md.
 */
export { dutchPublicHolidays } from './dutch-holidays.ts'
export { easterSunday } from './easter.ts'
export { addDays, isoWeekday } from './local-date.ts'
export {
  addLocalDays,
  atLocalTime,
  localDateOf,
  localTimeOf,
  minutesOfTime,
  TIME_ZONE,
  utcOffsetAt,
} from './time-zone.ts'
export { type DutchWorkingDaysOptions, dutchWorkingDays, type WorkingDayCalendar } from './working-days.ts'
