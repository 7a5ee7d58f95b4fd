/**
 * The one error vocabulary of Klankbord. Use cases throw these; the HTTP layer answers them as
 * RFC 9457 `application/problem+json` and HTML forms show them as an error summary.
 * Anything else that escapes is logged and answered as a generic 500 without details.
 */

/** One invalid field: `name` is a JSON pointer-like dotted path, `reason` is plain language. */
export interface InvalidParam {
  name: string
  reason: string
}

/** Base of every expected error: carries status, a stable type slug and a human title. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail?: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(detail ?? title)
  }
}

/** The input breaks one or more rules; lists every bad field at once. */
export class ValidationError extends AppError {
  constructor(invalidParams: InvalidParam[], detail = 'De invoer is niet geldig.') {
    super(400, 'validation', 'Invalid input', detail, invalidParams)
  }
}

/** No valid session or credentials. */
export class UnauthenticatedError extends AppError {
  constructor(detail = 'Log in to continue.') {
    super(401, 'unauthenticated', 'Not authenticated', detail)
  }
}

/** Authenticated but not allowed. */
export class ForbiddenError extends AppError {
  constructor(detail = 'You may not do this.') {
    super(403, 'forbidden', 'Forbidden', detail)
  }
}

/** Not found, or not visible to this organisation (never tells which). */
export class NotFoundError extends AppError {
  constructor(detail = 'Not found.') {
    super(404, 'not-found', 'Not found', detail)
  }
}

/** The request conflicts with the current state. */
export class ConflictError extends AppError {
  constructor(detail: string) {
    super(409, 'conflict', 'Conflict', detail)
  }
}

/** The body is larger than allowed. */
export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super(413, 'payload-too-large', 'Payload too large', `The body is larger than ${limit} bytes.`)
  }
}

/** The body has a content type this endpoint does not accept. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(expected: string) {
    super(415, 'unsupported-media-type', 'Unsupported media type', `Send ${expected}.`)
  }
}

/** The service cannot answer now (for example the database is unreachable); retrying may help. */
export class UnavailableError extends AppError {
  constructor(detail = 'The service is temporarily unavailable. Try again shortly.') {
    super(503, 'unavailable', 'Service unavailable', detail)
  }
}

/** RFC 9457 problem document. */
export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  invalidParams?: InvalidParam[]
}

/** Converts any thrown value into a problem document; unknown errors become an opaque 500. */
export function toProblem(error: unknown, instance?: string): Problem {
  if (error instanceof AppError) {
    return {
      type: `https://klankbord.nl/problems/${error.type}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      instance,
      ...(error.invalidParams.length ? { invalidParams: error.invalidParams } : {}),
    }
  }
  return {
    type: 'https://klankbord.nl/problems/internal',
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side. The error was logged.',
    instance,
  }
}

/** Converts zod issues into invalid params (one entry per issue, dotted paths). */
export function invalidParamsFromZod(issues: { path: PropertyKey[]; message: string }[]): InvalidParam[] {
  return issues.map((i) => ({ name: i.path.map(String).join('.') || '(body)', reason: i.message }))
}
