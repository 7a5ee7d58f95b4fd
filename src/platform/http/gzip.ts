/**
 * Gzip for HTML pages, done on the whole body rather than as a stream: Hono's streaming `compress()`
 * occasionally cut responses short on @hono/node-server under load ("terminated" in the client).
 * Pages are small (tens of KB), so buffering costs nothing noticeable. Assets are compressed once at
 * start-up instead (see assets.ts); API JSON is not compressed (too small to be worth the CPU).
 */
import { gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

const MIN_BYTES = 1024

/** Whether the client accepts gzip. */
export function acceptsGzip(header: string | undefined) {
  return /\bgzip\b/i.test(header ?? '')
}

/** Compresses text/html responses larger than 1 KB for clients that accept gzip. */
export function gzipPages(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const res = c.res
    if (!acceptsGzip(c.req.header('accept-encoding'))) return
    if (!res.body || res.headers.has('content-encoding')) return
    if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) return
    const body = new Uint8Array(await res.arrayBuffer())
    const headers = new Headers(res.headers)
    headers.append('vary', 'Accept-Encoding')
    if (body.byteLength < MIN_BYTES) {
      c.res = new Response(body, { status: res.status, headers })
      return
    }
    const zipped = gzipSync(body, { level: 6 })
    headers.set('content-encoding', 'gzip')
    headers.set('content-length', String(zipped.byteLength))
    c.res = new Response(zipped, { status: res.status, headers })
  }
}
