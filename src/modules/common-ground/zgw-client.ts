/**
 * Calls to the ZGW APIs: a fresh JWT per request (calc/jwt.ts), `Accept-Crs` where the Zaken API demands
 * it, a timeout, and failures sorted into temporary (network, timeout, 5xx, 429: retry later) and
 * permanent (other 4xx, a body that does not match the spec). Error messages carry the status and the
 * path kind only, never a response body: bodies may hold personal data.
 */
import type { z } from 'zod'
import { type ZgwClient, zgwJwt } from './calc/jwt.ts'

/** How long one call may take. */
export const ZGW_TIMEOUT_MS = 10_000

/** A failed call; `code` is a reason code that is safe to store and show. */
export class ZgwError extends Error {
  constructor(
    readonly code: string,
    readonly temporary: boolean,
  ) {
    super(code)
  }
}

/** What a call needs. */
export interface ZgwCall {
  client: ZgwClient
  now?: () => Date
  fetch?: typeof fetch
}

/** Sends one request and parses a JSON answer with `schema` (or returns null for 204). */
export async function zgwRequest<S extends z.ZodType>(
  call: ZgwCall,
  what: string,
  url: string,
  schema: S,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: z.output<S> | null }> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${zgwJwt(call.client, call.now?.() ?? new Date())}`,
    accept: 'application/json',
    ...init.headers,
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await (call.fetch ?? fetch)(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: 'error',
      signal: AbortSignal.timeout(ZGW_TIMEOUT_MS),
    })
  } catch {
    throw new ZgwError(`${what}_unreachable`, true)
  }
  if (!res.ok) {
    await res.body?.cancel()
    const temporary = res.status >= 500 || res.status === 429 || res.status === 408
    throw new ZgwError(`${what}_http_${res.status}`, temporary)
  }
  if (res.status === 204) return { status: 204, body: null }
  let json: unknown
  try {
    json = await res.json()
  } catch {
    throw new ZgwError(`${what}_not_json`, false)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new ZgwError(`${what}_invalid`, false)
  return { status: res.status, body: parsed.data }
}
