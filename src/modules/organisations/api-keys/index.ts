/** API keys for system clients: the staff pages, the API middleware and the OpenAPI scheme. */
export type { ApiKeyIdentity } from './identity.ts'
export { loadApiKey } from './middleware.ts'
export { openApiForKeys } from './openapi.ts'
export { apiKeyPages } from './routes.tsx'
export { SCOPED_OPERATIONS, SCOPES, type Scope } from './scopes.ts'
