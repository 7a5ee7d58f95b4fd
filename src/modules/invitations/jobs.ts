/**
 * Jobs of the invitations capability. The entry points (src/main/jobs.ts) give them to the job runner.
 */
import { z } from 'zod'
import { defineJob, schedule } from '../../platform/jobs/index.ts'
import { smsAdapterFromConfig } from './channels/sms.ts'
import { deliverDueInvitations } from './deliver-due.ts'
import { forgetExpiredAddresses } from './forget-addresses.ts'
import { invitationKey } from './keys.ts'

/**
 * Sends the invitations and reminders that are due (deliver-due.ts). Runs every minute; a run that
 * finds nothing costs two index lookups. One attempt: the next minute's run is the retry. Mail goes
 * through the process's one mailer (services.mailer), so its SMTP connection pool lives as long as the
 * process, not one run; the services close it at shutdown.
 */
export const deliverDue = defineJob({
  name: 'invitations.deliver-due',
  version: 1,
  payload: z.object({}),
  maxAttempts: 1,
  async handler(_payload, { services, log, signal }) {
    const report = await deliverDueInvitations({
      db: services.db,
      config: services.config,
      mailer: services.mailer,
      sms: smsAdapterFromConfig(services.config, { logger: services.logger }),
      key: await invitationKey(services.db, services.config.SESSION_SECRET),
      now: new Date(),
      signal,
    })
    if (report.sent + report.reminded + report.bounced + report.retrying > 0)
      log.info(report, 'invitations delivered')
  },
})

/** Expires invitations past their expiry and forgets their addresses (forget-addresses.ts). */
export const forgetAddresses = defineJob({
  name: 'invitations.forget-addresses',
  version: 1,
  payload: z.object({}),
  async handler(_payload, { services, log, signal }) {
    const expired = await forgetExpiredAddresses(services.db, new Date(), { signal })
    log.info({ expired }, 'expired invitations forgotten')
  },
})

/** Every job of the invitations capability. */
export const invitationJobs = [deliverDue, forgetAddresses] as const

/** Delivery every minute; the address backstop every night at 03:30 (Amsterdam). */
export const invitationSchedules = [
  schedule('* * * * *', deliverDue, {}),
  schedule('30 3 * * *', forgetAddresses, {}),
] as const
