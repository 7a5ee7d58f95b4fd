/**
 * Jobs of the Common Ground capability. The callback queues a run for every stored notification (in the
 * same transaction), and a schedule runs it every minute as well, for retries that come due.
 */
import { z } from 'zod'
import { defineJob, schedule } from '../../platform/jobs/index.ts'
import { invitationKey } from '../invitations/index.ts'
import { processInbox } from './process-inbox.ts'
import { sealingKey } from './secret-box.ts'

/** Works off the inbox (process-inbox.ts). One attempt: the inbox keeps its own retries per notification. */
export const processInboxJob = defineJob({
  name: 'common-ground.process-inbox',
  version: 1,
  payload: z.object({}),
  maxAttempts: 1,
  async handler(_payload, { services, log, signal }) {
    const secret = services.config.SESSION_SECRET
    const report = await processInbox(services.db, {
      invitationKey: await invitationKey(services.db, secret),
      sealingKey: await sealingKey(services.db, secret),
      now: new Date(),
      signal,
    })
    if (report.processed + report.skipped + report.failed + report.retrying > 0)
      log.info(report, 'common ground notifications processed')
  },
})

/** Every job of the Common Ground capability. */
export const commonGroundJobs = [processInboxJob] as const

/** The inbox every minute, for retries whose time has come. */
export const commonGroundSchedules = [schedule('* * * * *', processInboxJob, {})] as const
