/**
 * The API key in the OpenAPI document: a bearer security scheme next to the session cookie, and on
 * every operation a key may call a second security requirement that names the scope it needs (OpenAPI
 * 3.1 allows role names in non-OAuth requirements). Operations that keys may not call keep only the
 * session. Works on the registry after every capability's routes are mounted, so no module changes.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { SCOPED_OPERATIONS } from './scopes.ts'

export const API_KEY_SCHEME = 'apiKey'

/** Registers the scheme and adds it to the operations of SCOPED_OPERATIONS. */
export function openApiForKeys(api: OpenAPIHono<any>) {
  api.openAPIRegistry.registerComponent('securitySchemes', API_KEY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'kb_live_<key id>_<secret>',
    description:
      'API key of a system client (case system, telephony, script), made by an administrator on the staff page /o/{slug}/api-sleutels. Each key belongs to one organisation and may call only the operations of its scopes; the scope an operation needs is named in its security requirement. Writes need no x-csrf-token. See docs/api-keys.md.',
  })
  for (const def of api.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue
    const op = SCOPED_OPERATIONS.find((o) => o.method === def.route.method && o.path === def.route.path)
    if (!op) continue
    const others = (def.route.security ?? []).filter((s) => !(API_KEY_SCHEME in s))
    // A new array: the route object's original one is shared with the module's route constant.
    def.route.security = [...others, { [API_KEY_SCHEME]: [op.scope] }]
  }
}
