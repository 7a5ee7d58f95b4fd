/**
 * Who may do what with invitations. Sending in contact moments makes Klankbord write to citizens, so
 * only administrators and CX specialists / klantanalisten (role `analyst`, who also import cases) may;
 * a koppeling (integration) logs in as a staff account with one of these roles.
 */
import { ForbiddenError } from '../../platform/errors.ts'
import type { Role } from '../organisations/index.ts'

export type InvitationPermission = 'contact-moments.create'

const grants: Record<Role, InvitationPermission[]> = {
  admin: ['contact-moments.create'],
  analyst: ['contact-moments.create'],
  handler: [],
  viewer: [],
}

/** Throws ForbiddenError unless the role has the permission. */
export function authorizeInvitations(role: Role, permission: InvitationPermission): void {
  if (!grants[role].includes(permission)) throw new ForbiddenError()
}
