/**
 * Jobs of the responses capability. The entry points (src/main/jobs.ts) give them to the job runner next
 * to the built-in ones.
 */
import { z } from 'zod'
import { defineJob, schedule } from '../../platform/jobs/index.ts'
import { deleteExpiredPartialResponses } from './delete-expired-partials.ts'

/**
 * Deletes partial responses not updated for PARTIAL_RESPONSE_RETENTION_DAYS days (or `olderThanDays`
 * when given, for a one-off run), with their answers and consents. Safe to run twice: a second run finds
 * nothing left to delete.
 */
export const purgeExpiredPartialResponses = defineJob({
  name: 'responses.purge-expired-partials',
  version: 1,
  payload: z.object({ olderThanDays: z.number().int().min(1).max(365).optional() }),
  async handler(payload, { services, log, signal }) {
    const days = payload.olderThanDays ?? services.config.PARTIAL_RESPONSE_RETENTION_DAYS
    const deleted = await deleteExpiredPartialResponses(services.db, days, { signal })
    log.info({ deleted, olderThanDays: days }, 'expired partial responses deleted')
  },
})

/** Every job of the responses capability. */
export const responseJobs = [purgeExpiredPartialResponses] as const

/** Every night at 03:15 (Amsterdam), between the built-in clean-ups. */
export const responseSchedules = [schedule('15 3 * * *', purgeExpiredPartialResponses, {})] as const
