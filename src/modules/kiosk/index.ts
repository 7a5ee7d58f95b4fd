/** Public interface of the kiosk capability: a tablet at the balie with smileys and an offline queue. */
export { type KioskRouteOptions, kioskRoutes } from './kiosk-routes.tsx'
export type { KioskTables } from './schema.ts'
export { kioskStaffPages } from './staff-routes.tsx'
