/**
 * Who may do what. Roles are per organisation (membership). Checked in handlers after loading and
 * before the use case (ARCHITECTURE §5).
 */
import { ForbiddenError } from '../../platform/errors.ts'
import type { Role } from './schema.ts'

export type Permission =
  | 'overview.read'
  | 'responses.read-personal'
  | 'organisation.manage'
  | 'signals.handle'
  | 'cases.import'

const grants: Record<Role, Permission[]> = {
  admin: [
    'overview.read',
    'responses.read-personal',
    'organisation.manage',
    'signals.handle',
    'cases.import',
  ],
  analyst: ['overview.read', 'responses.read-personal', 'cases.import'],
  handler: ['overview.read', 'signals.handle', 'responses.read-personal'],
  viewer: ['overview.read'],
}

/** Whether a role has a permission. */
export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission)
}

/** Throws ForbiddenError unless the role has the permission. */
export function authorize(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new ForbiddenError()
}

export const ROLES: Role[] = ['admin', 'analyst', 'handler', 'viewer']
