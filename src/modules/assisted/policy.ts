/**
 * Who may do what with paper forms and interviews. Every staff member may print the paper questionnaire
 * (it holds no answers); typing in answers (paper or interview) creates responses, so only the roles
 * that handle responses may: admin, analyst and handler (KCC staff and klachtbehandelaars do the
 * interviews and the post). A viewer may not.
 */
import { ForbiddenError } from '../../platform/errors.ts'
import type { Role } from '../organisations/index.ts'

export type AssistedPermission = 'assisted.print' | 'assisted.enter'

const grants: Record<Role, AssistedPermission[]> = {
  admin: ['assisted.print', 'assisted.enter'],
  analyst: ['assisted.print', 'assisted.enter'],
  handler: ['assisted.print', 'assisted.enter'],
  viewer: ['assisted.print'],
}

/** Whether a role has the permission. */
export function canAssist(role: Role, permission: AssistedPermission): boolean {
  return grants[role].includes(permission)
}

/** Throws ForbiddenError unless the role has the permission. */
export function authorizeAssist(role: Role, permission: AssistedPermission): void {
  if (!canAssist(role, permission)) throw new ForbiddenError()
}
