/** Public interface of the assisted-channels capability: paper questionnaires, paper entry, interviews. */
export { assistedPages } from './routes.tsx'
export type { AssistedTables } from './schema.ts'
