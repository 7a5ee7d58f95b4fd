/**
 * Refuses request bodies over a size limit with 413 (problem+json via PayloadTooLargeError).
 *
 * Most requests say their size in Content-Length; those are judged on the header alone, before any
 * byte of the body is read, and the body itself is left untouched. That matters for speed: Hono's own
 * bodyLimit reads `c.req.raw.body`, which makes @hono/node-server build a full web Request with a
 * ReadableStream over the socket for every request — on the intake path that was a large share of the
 * server's CPU. Untouched, the handler's `c.req.json()` reads the Node stream directly.
 *
 * A body without a length (chunked transfer encoding) cannot be judged up front; it goes through
 * Hono's bodyLimit, which counts the bytes as they arrive and stops at the limit.
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit'
import { PayloadTooLargeError } from '../errors.ts'

/** Middleware that allows bodies of at most `maxSize` bytes. */
export function bodyLimit(maxSize: number): MiddlewareHandler {
  const streaming = streamingBodyLimit({
    maxSize,
    onError: () => {
      throw new PayloadTooLargeError(maxSize)
    },
  })
  return (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next()
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      // Node's HTTP parser has already refused a malformed Content-Length; a number is left.
      if (Number(length) > maxSize) throw new PayloadTooLargeError(maxSize)
      return next()
    }
    return streaming(c, next)
  }
}
