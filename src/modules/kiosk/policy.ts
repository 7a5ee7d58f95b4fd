/**
 * Who may do what with kiosks. A kiosk asks a survey's question in public, so setting one up or turning
 * it off is survey work: the roles that may edit surveys (admin, analyst). Every staff role may see the
 * list: it holds no personal data, and the balie staff need to know which kiosk runs where.
 */

import type { Role } from '../organisations/index.ts'
import { authorizeSurvey, canSurvey } from '../surveys/index.ts'

export type KioskPermission = 'kiosks.read' | 'kiosks.manage'

const needs = { 'kiosks.read': 'surveys.read', 'kiosks.manage': 'surveys.edit' } as const

/** Whether a role has a kiosk permission. */
export function canKiosk(role: Role, permission: KioskPermission): boolean {
  return canSurvey(role, needs[permission])
}

/** Throws ForbiddenError unless the role has the permission. */
export function authorizeKiosk(role: Role, permission: KioskPermission): void {
  authorizeSurvey(role, needs[permission])
}
