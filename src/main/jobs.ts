/**
 * Wiring: every job and schedule a runner knows, the built-in housekeeping plus each capability's own
 * (declared in its `jobs.ts`). `klankbord serve` (background.ts) and `klankbord worker` use this one
 * list, so a job queued by either is known to both.
 */
import { commonGroundJobs, commonGroundSchedules } from '../modules/common-ground/index.ts'
import { invitationJobs, invitationSchedules } from '../modules/invitations/index.ts'
import { responseJobs, responseSchedules } from '../modules/responses/index.ts'
import { builtinJobs, builtinSchedules } from '../platform/jobs/index.ts'

/** Every job definition. */
export const allJobs = [...builtinJobs, ...responseJobs, ...invitationJobs, ...commonGroundJobs]

/** Every recurring schedule. */
export const allSchedules = [
  ...builtinSchedules,
  ...responseSchedules,
  ...invitationSchedules,
  ...commonGroundSchedules,
]
