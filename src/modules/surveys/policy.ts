/**
 * Who may do what with surveys. Every staff member may read surveys and their versions (they explain
 * the figures); CX specialists and klantanalisten (role `analyst`) and administrators build, import and
 * publish them, because designing the questions is their work.
 */
import { ForbiddenError } from '../../platform/errors.ts'
import type { Role } from '../organisations/index.ts'

export type SurveyPermission = 'surveys.read' | 'surveys.edit' | 'responses.read'

const grants: Record<Role, SurveyPermission[]> = {
  admin: ['surveys.read', 'surveys.edit', 'responses.read'],
  analyst: ['surveys.read', 'surveys.edit', 'responses.read'],
  handler: ['surveys.read', 'responses.read'],
  viewer: ['surveys.read'],
}

/** Whether a role has a survey permission. */
export function canSurvey(role: Role, permission: SurveyPermission): boolean {
  return grants[role].includes(permission)
}

/** Throws ForbiddenError unless the role has the permission. */
export function authorizeSurvey(role: Role, permission: SurveyPermission): void {
  if (!canSurvey(role, permission)) throw new ForbiddenError()
}
