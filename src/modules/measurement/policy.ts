/**
 * Who may do what with the measurement model. Every staff member of the organisation may read it
 * (it explains the figures they see); CX specialists and klantanalisten (role `analyst`) and
 * administrators may change it, because designing the measurement is their work. Kept here instead
 * of in organisations/policy.ts so the organisations capability does not need to know this module.
 */
import { ForbiddenError } from '../../platform/errors.ts'
import type { Role } from '../organisations/index.ts'

export type MeasurementPermission = 'measurement.read' | 'measurement.edit'

const grants: Record<Role, MeasurementPermission[]> = {
  admin: ['measurement.read', 'measurement.edit'],
  analyst: ['measurement.read', 'measurement.edit'],
  handler: ['measurement.read'],
  viewer: ['measurement.read'],
}

/** Whether a role has a measurement permission. */
export function canMeasurement(role: Role, permission: MeasurementPermission): boolean {
  return grants[role].includes(permission)
}

/** Throws ForbiddenError unless the role has the permission. */
export function authorizeMeasurement(role: Role, permission: MeasurementPermission): void {
  if (!canMeasurement(role, permission)) throw new ForbiddenError()
}
