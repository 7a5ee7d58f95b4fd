/** Public interface of the Common Ground capability (docs/common-ground.md, decision 0012). */
export { commonGroundApi } from './api.ts'
export { zgwJwt } from './calc/jwt.ts'
export { commonGroundJobs, commonGroundSchedules, processInboxJob } from './jobs.ts'
export { type InboxReport, processInbox } from './process-inbox.ts'
export { type CommonGroundPageOptions, commonGroundPages } from './routes.tsx'
export type { CommonGroundTables } from './schema.ts'
export { sealingKey } from './secret-box.ts'
