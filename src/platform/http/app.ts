/**
 * The base Hono application every entry point builds on: request ids, JSON request logs, security
 * headers with a strict CSP, a body limit, gzip, origin checks on every unsafe request, and one error
 * handler that answers problem+json for the API and an accessible page for browsers.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { AppError } from '../errors.ts'
import type { Logger } from '../log.ts'
import { bodyLimit } from './body-limit.ts'
import { gzipPages } from './gzip.ts'
import { originGuard } from './origin-guard.ts'
import { respondError } from './problem.ts'

/** Variables every request carries. `AppEnv` is extended by modules through declaration merging. */
export interface BaseVariables {
  requestId: string
  log: Logger
}

export type BaseEnv = { Variables: BaseVariables }

/** Creates the base app; routes are mounted on it by `src/main`. */
export function createBaseApp<E extends BaseEnv>(options: {
  logger: Logger
  maxBodyBytes: number
  /** Paths that accept a larger body (bulk imports), with their limit. */
  largeBodies?: { paths: RegExp[]; maxBytes: number }
}) {
  const app = new Hono<E>()
  app.use(
    requestId({
      generator: () => crypto.randomUUID(),
      limitLength: 64,
    }),
  )
  app.use(closeWhenBodyUnread())
  app.use(async (c, next) => {
    const start = performance.now()
    const log = options.logger.child({ requestId: c.get('requestId') })
    c.set('log', log)
    await next()
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - start),
      },
      'request',
    )
  })
  // Other sites load the website widget's script with a plain <script> tag (src/modules/widget). Registered
  // before secureHeaders, so it runs after it and lifts its same-origin resource policy for this path only.
  app.use('/widget.js', async (c, next) => {
    await next()
    c.res.headers.set('cross-origin-resource-policy', 'cross-origin')
  })
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      // Set below instead, so that a route may choose a stricter policy (secureHeaders would overwrite it).
      referrerPolicy: false,
      crossOriginResourcePolicy: 'same-origin',
    }),
  )
  app.use(async (c, next) => {
    await next()
    if (!c.res.headers.has('referrer-policy')) c.res.headers.set('referrer-policy', 'same-origin')
  })
  app.use(gzipPages())
  const normal = bodyLimit(options.maxBodyBytes)
  const large = options.largeBodies ? bodyLimit(options.largeBodies.maxBytes) : normal
  app.use((c, next) =>
    options.largeBodies?.paths.some((p) => p.test(c.req.path)) ? large(c, next) : normal(c, next),
  )
  app.use(originGuard())
  app.onError((error, c) => {
    if (!(error instanceof AppError)) c.get('log')?.error({ err: error }, 'unhandled error')
    return respondError(c, error)
  })
  app.notFound((c) =>
    respondError(c, new AppError(404, 'not-found', 'Not found', 'Deze pagina bestaat niet.')),
  )
  return app
}

/**
 * A response sent before the request body was read (a refused origin, a wrong content type, a body over
 * the limit) leaves unread bytes on the connection. Such responses say `Connection: close`, so the
 * client opens a fresh connection instead of reusing one that still carries the old body.
 */
function closeWhenBodyUnread(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const length = c.req.header('content-length')
    const hasBody =
      (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined
    if (hasBody && (!c.req.raw.bodyUsed || c.res.status === 413)) {
      try {
        c.res.headers.set('connection', 'close')
      } catch {
        // Immutable headers (a proxied response): the server closes on its own terms then.
      }
    }
  }
}
