/** Public interface of the invitations capability (decision 0010, docs/invitations.md). */
export { invitationApi } from './api.ts'
export { completeInvitationOfResponse, linkInvitationResponse } from './complete-invitation.ts'
export { invitationCsvPages } from './csv/routes.tsx'
export { DEFAULT_RULE, seedDefaultRule } from './default-rule.ts'
export { type DeliveryReport, deliverDueInvitations } from './deliver-due.ts'
export { forgetExpiredAddresses } from './forget-addresses.ts'
export { deliverDue, forgetAddresses, invitationJobs, invitationSchedules } from './jobs.ts'
export { invitationKey } from './keys.ts'
export { INVITATION_PARAM, openInvitationLink } from './open-link.ts'
export { optOut } from './opt-out.ts'
export {
  type ContactMomentInput,
  type ContactMomentOutcome,
  type ContactMomentResult,
  PLANNING_BATCH_SIZE,
  recordContactMoment,
  recordContactMoments,
} from './record-contact-moment.ts'
export { type InvitationPageOptions, invitationPages } from './routes.tsx'
export type { InvitationChannel, InvitationStatus, InvitationTables } from './schema.ts'
export { invitationSenderHeaders, loadMailSender, type MailSender } from './settings/mail-sender.ts'
export { invitationSettingsPages } from './settings/routes.tsx'
export { invitationStaffPages } from './staff-routes.tsx'
export { LINK_TOKEN } from './tokens.ts'
