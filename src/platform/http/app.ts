/**
 * The base Hono application every entry point builds on: request ids, JSON request logs, security
 * headers with a strict CSP, a body limit, gzip, origin checks on every unsafe request, and one error
 * handler that answers problem+json for the API and an accessible page for browsers.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { AppError, PayloadTooLargeError } from '../errors.ts'
import type { Logger } from '../log.ts'
import { originGuard } from './origin-guard.ts'
import { respondError } from './problem.ts'

/** Variables every request carries. `AppEnv` is extended by modules through declaration merging. */
export interface BaseVariables {
  requestId: string
  log: Logger
}

export type BaseEnv = { Variables: BaseVariables }

/** Creates the base app; routes are mounted on it by `src/main`. */
export function createBaseApp<E extends BaseEnv>(options: { logger: Logger; maxBodyBytes: number }) {
  const app = new Hono<E>()
  app.use(
    requestId({
      generator: () => crypto.randomUUID(),
      limitLength: 64,
    }),
  )
  app.use(async (c, next) => {
    const start = performance.now()
    const log = options.logger.child({ requestId: c.get('requestId') })
    c.set('log', log)
    await next()
    log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) },
      'request',
    )
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
      referrerPolicy: 'same-origin',
      crossOriginResourcePolicy: 'same-origin',
    }),
  )
  // Pages and assets are compressed; small API JSON is not (gzip cost more CPU than it saved at intake).
  const gzip = compress()
  app.use(async (c, next) => (c.req.path.startsWith('/api/') ? next() : gzip(c, next)))
  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => {
        throw new PayloadTooLargeError(options.maxBodyBytes)
      },
    }),
  )
  app.use(originGuard())
  app.onError((error, c) => {
    if (!(error instanceof AppError)) c.get('log')?.error({ err: error }, 'unhandled error')
    return respondError(c, error)
  })
  app.notFound((c) => respondError(c, new AppError(404, 'not-found', 'Not found', 'Deze pagina bestaat niet.')))
  return app
}
