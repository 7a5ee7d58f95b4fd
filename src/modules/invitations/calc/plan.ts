import {
  addLocalDays,
  atLocalTime,
  localDateOf,
  type WorkingDayCalendar,
} from '../../../platform/calendar/index.ts'
import { outOfQuietHours } from './quiet-hours.ts'

/** When to send an invitation, whether to remind, and when the link stops working. */
export interface DeliveryRule {
  delay: { kind: 'next_working_day'; at: string /* HH:MM */ } | { kind: 'minutes'; minutes: number }
  /** Local HH:MM; may wrap midnight (21:00–08:00). See quiet-hours.ts for the exact window. */
  quietHours: { from: string; to: string } | null
  reminderAfterDays: number | null
  expiryDays: number
}

/** The planned times of one invitation. */
export interface PlannedTimes {
  sendAt: Date
  remindAt: Date | null
  expiresAt: Date
}

/**
 * Plans the times of an invitation for a contact moment. All local times are Europe/Amsterdam.
 *
 * 1. Delay. `next_working_day` at HH:MM: the first working day strictly after the local date of
 *    `occurredAt`, at that local time. `minutes`: `occurredAt` plus that many minutes.
 * 2. Never before `now` (a late or back-dated contact moment is sent as soon as allowed).
 * 3. Out of quiet hours: a time inside them moves to their end.
 * 4. For `next_working_day` only, the result must be on a working day: when step 2 or 3 pushed it onto a
 *    weekend or holiday, it moves to the next working day at the rule's time (and out of quiet hours
 *    again when that time is inside them). A `minutes` rule is sent on any day.
 * 5. Expiry: `expiryDays` calendar days after the send time, at the same local clock time.
 * 6. Reminder: `reminderAfterDays` calendar days after the send time at the same local clock time,
 *    moved out of quiet hours; none when that is at or after the expiry.
 *
 * Days are calendar days at the same wall-clock time, so a clock change does not shift them by an hour.
 */
export function planTimes(
  occurredAt: Date,
  now: Date,
  rule: DeliveryRule,
  calendar: WorkingDayCalendar,
): PlannedTimes {
  let sendAt =
    rule.delay.kind === 'next_working_day'
      ? atLocalTime(calendar.nextWorkingDay(localDateOf(occurredAt)), rule.delay.at)
      : new Date(occurredAt.getTime() + rule.delay.minutes * 60_000)
  if (sendAt.getTime() < now.getTime()) sendAt = new Date(now.getTime())
  sendAt = outOfQuietHours(sendAt, rule.quietHours)
  if (rule.delay.kind === 'next_working_day') {
    // Ends within a few rounds: only a rule time inside wrapping quiet hours can push it past midnight.
    for (let round = 0; round < 10 && !calendar.isWorkingDay(localDateOf(sendAt)); round++)
      sendAt = outOfQuietHours(
        atLocalTime(calendar.nextWorkingDay(localDateOf(sendAt)), rule.delay.at),
        rule.quietHours,
      )
  }
  const expiresAt = addLocalDays(sendAt, rule.expiryDays)
  let remindAt: Date | null = null
  if (rule.reminderAfterDays !== null) {
    const candidate = outOfQuietHours(addLocalDays(sendAt, rule.reminderAfterDays), rule.quietHours)
    if (candidate.getTime() < expiresAt.getTime()) remindAt = candidate
  }
  return { sendAt, remindAt, expiresAt }
}
