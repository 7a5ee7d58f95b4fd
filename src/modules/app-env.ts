/** The Hono environment of the application: variables every handler can read. */
import type { BaseVariables } from '../platform/http/app.ts'
import type { ApiKeyIdentity } from './organisations/api-keys/identity.ts'
import type { StaffIdentity } from './organisations/sessions.ts'

export type AppEnv = { Variables: BaseVariables & { staff?: StaffIdentity; apiKey?: ApiKeyIdentity } }
