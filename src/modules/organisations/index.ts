/** Public interface of the organisations capability. */
export { addStaffMember } from './add-staff-member.ts'
export { apiKeyPages, loadApiKey, openApiForKeys } from './api-keys/index.ts'
export { Slug } from './api-params.ts'
export { createOrganisation } from './create-organisation.ts'
export { instanceSecret } from './instance-secret.ts'
export {
  checkCsrf,
  loadStaff,
  type OrganisationScope,
  requestActor,
  requireOrganisation,
  requireStaff,
  type StaffDeps,
} from './middleware.ts'
export { authorize, can } from './policy.ts'
export { organisationRoutes } from './routes.tsx'
export type { Role } from './schema.ts'
export type { StaffIdentity } from './sessions.ts'
export { setTheme, themeHref } from './set-theme.ts'
export { STANDARD_CHANNELS } from './standard-channels.ts'
export { themeRoutes } from './theme-routes.tsx'
