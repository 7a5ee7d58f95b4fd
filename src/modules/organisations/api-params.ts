/** Path parameters of the organisation-scoped API. */
import { z } from '@hono/zod-openapi'

/** The `{slug}` path parameter: an organisation's slug, as the organisation table allows it. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
