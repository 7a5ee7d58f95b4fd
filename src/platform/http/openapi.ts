/**
 * Helpers for the JSON API built with @hono/zod-openapi: one validation hook that turns zod issues into
 * our ValidationError (every invalid field at once), a content-type guard, and shared problem schemas.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { invalidParamsFromZod, UnsupportedMediaTypeError, ValidationError } from '../errors.ts'

/** A router whose request validation failures become problem+json with every bad field. */
export function apiRouter<E extends object>() {
  return new OpenAPIHono<E & { Variables: object }>({
    defaultHook: (result) => {
      if (!result.success)
        throw new ValidationError(invalidParamsFromZod(result.error.issues), 'The request is not valid.')
    },
  })
}

/** Refuses unsafe API requests whose body is not JSON (415), before any parsing. */
export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'DELETE') {
      const type = c.req.header('content-type') ?? ''
      if (!/^application\/(.+\+)?json\b/i.test(type)) throw new UnsupportedMediaTypeError('application/json')
    }
    await next()
  }
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Problem')

/** Standard problem responses for an operation. */
export function problemResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input; every invalid field is listed in invalidParams.',
    401: 'Not authenticated.',
    403: 'Forbidden.',
    404: 'Not found (or not visible to the caller).',
    409: 'Conflict with the current state.',
    413: 'Body too large.',
    415: 'Body is not JSON.',
    429: 'Too many requests from this address; wait the number of seconds in Retry-After.',
  }
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: descriptions[s] ?? 'Error',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  )
}

/** The full version of the API, returned in the `API-Version` header of every API response (NL ADR API-57). */
export const API_VERSION = '1.0.0'

const versionHeader = {
  'API-Version': {
    description: 'Full version of the API that answered (semantic versioning).',
    schema: { type: 'string' as const, example: API_VERSION },
  },
}

/** Adds the `API-Version` header to every response of an operation's response map. */
export function withVersionHeader<T extends Record<string | number, object>>(responses: T): T {
  return Object.fromEntries(
    Object.entries(responses).map(([status, r]) => [
      status,
      { ...r, headers: { ...versionHeader, ...(r as { headers?: object }).headers } },
    ]),
  ) as T
}

/** Sets the `API-Version` header on every response of the router it is used on. */
export function apiVersionHeader(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    c.res.headers.set('API-Version', API_VERSION)
  }
}
