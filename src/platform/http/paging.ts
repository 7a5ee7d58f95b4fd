/** Paged lists of the JSON API: the `page`/`pageSize` query parameters and the RFC 8288 `Link` header. */
import { z } from '@hono/zod-openapi'
import { problemResponses, withVersionHeader } from './openapi.ts'

/** `page` and `pageSize` query parameters shared by the paged lists of the API. */
export const PageQuery = {
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(1)
    .openapi({ description: 'Page number, from 1 (default 1).', example: 1 }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Items per page, 1–100 (default 20).', example: 20 }),
}

/** The `Link` response header of a paged list, for OpenAPI. */
export const LinkHeader = {
  Link: {
    description:
      'RFC 8288 links to the first, previous, next and last page, for example `</api/v1/organisations/gemeente-a/surveys?page=2&pageSize=20>; rel="next"`.',
    schema: { type: 'string' as const },
  },
}

/**
 * The RFC 8288 `Link` header of a paged list: first, prev, next and last, each the request's own path
 * and query with another page. Relative references, so they stay right behind a proxy.
 */
export function pageLinks(requestUrl: string, page: number, pageSize: number, total: number): string {
  const last = Math.max(1, Math.ceil(total / pageSize))
  const at = (n: number) => {
    const u = new URL(requestUrl)
    u.searchParams.set('page', String(n))
    u.searchParams.set('pageSize', String(pageSize))
    return `<${u.pathname}${u.search}>`
  }
  const links = [`${at(1)}; rel="first"`]
  if (page > 1) links.push(`${at(Math.min(page - 1, last))}; rel="prev"`)
  if (page < last) links.push(`${at(page + 1)}; rel="next"`)
  links.push(`${at(last)}; rel="last"`)
  return links.join(', ')
}

/** The responses of a paged staff list: 200 with the `Link` header and the page schema, and its problems. */
export function pagedListResponses(description: string, schema: z.ZodType) {
  return withVersionHeader({
    200: { description, headers: LinkHeader, content: { 'application/json': { schema } } },
    ...problemResponses(400, 401, 403, 404),
  })
}
