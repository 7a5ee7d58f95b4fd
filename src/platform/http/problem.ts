/** Answers errors: problem+json for API clients, a plain accessible HTML page for browsers. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError, toProblem } from '../errors.ts'
import { errorPage } from '../web/error-page.tsx'

/** Whether the request wants JSON (API paths, or an Accept header without text/html). */
export function wantsJson(c: Context): boolean {
  if (c.req.path.startsWith('/api/')) return true
  const accept = c.req.header('accept') ?? ''
  return (
    !accept.includes('text/html') &&
    (accept.includes('json') || c.req.header('content-type')?.includes('json') === true)
  )
}

/** Turns any error into a response; unknown errors never leak details. */
export function respondError(c: Context, error: unknown) {
  let err = error
  if (error instanceof HTTPException && !(error instanceof AppError)) {
    // Hono's own exceptions (for example a malformed JSON body) become our vocabulary.
    err = new AppError(
      error.status,
      error.status === 400 ? 'bad-request' : 'http',
      error.message || 'Bad request',
    )
  }
  const problem = toProblem(err, c.req.path)
  if (wantsJson(c)) {
    return c.body(JSON.stringify(problem), problem.status as 400, {
      'content-type': 'application/problem+json',
    })
  }
  return c.html(errorPage(problem), problem.status as 400)
}
