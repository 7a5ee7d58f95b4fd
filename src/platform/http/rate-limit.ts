/**
 * In-process rate limiting for public endpoints, without Redis: one token bucket per key (client address,
 * optionally plus a scope such as a survey key). A bucket holds `limit` tokens and refills continuously
 * at `limit` per `windowMs`, so "60 per minute" allows a burst of 60 and then one per second sustained.
 *
 * Memory is bounded: the buckets live in one Map kept in least-recently-used order; buckets that have been
 * idle long enough to be full again are dropped (a full bucket is the same as no bucket), and when the map
 * still holds more than `maxKeys` the least recently seen clients are forgotten. Under a flood of distinct
 * addresses this forgives some clients early, which is the price of a hard memory cap.
 *
 * Limits are per process: with N processes behind a load balancer a client gets up to N times the limit.
 * That is acceptable for abuse protection (it stops floods, it is not a quota); see docs/abuse-protection.md.
 */
import { isIPv4, isIPv6 } from 'node:net'
import type { Context, MiddlewareHandler } from 'hono'
import { AppError } from '../errors.ts'
import { respondError } from './problem.ts'

/** Settings of one limiter. */
export interface RateLimitOptions {
  /** Requests allowed in a burst, refilled evenly over `windowMs`. */
  limit: number
  /** Milliseconds in which a drained bucket fills up again. */
  windowMs: number
  /** Only these methods are counted (upper case); others pass untouched. Default: every method. */
  methods?: string[]
  /**
   * Extra part of the key besides the client address, for example the survey key from the path, so one
   * client's limit on one survey does not use up its limit on another. Return undefined for none.
   */
  scope?: (c: Context) => string | undefined
  /**
   * Whether to believe `X-Forwarded-For`. false (default): use the socket's address. true or 1: a reverse
   * proxy of ours appends the client address, so use the last entry; n: n proxies of ours, use the n-th
   * entry from the right. Entries further left are written by the client and can be forged.
   */
  trustProxy?: boolean | number
  /** Largest number of buckets kept in memory. Default 10,000 (roughly 1 MB). */
  maxKeys?: number
  /** Clock in milliseconds; tests inject one. Default `Date.now`. */
  now?: () => number
  /** Called for every refused request (for metrics). */
  onLimited?: (c: Context) => void
}

/** A rate-limit middleware that also reports what it did, for metrics and tests. */
export type RateLimiter = MiddlewareHandler & {
  /** Requests refused so far, and how many buckets are held now. */
  stats(): { limited: number; keys: number }
}

interface Bucket {
  tokens: number
  at: number
}

/**
 * Creates a rate-limit middleware. A refused request gets 429 with `Retry-After` (whole seconds until one
 * token is back): problem+json for API clients and the plain Dutch error page for browsers.
 */
export function rateLimit(options: RateLimitOptions): RateLimiter {
  if (!(options.limit >= 1) || !(options.windowMs > 0))
    throw new Error('rateLimit needs limit ≥ 1 and windowMs > 0')
  const { limit, windowMs } = options
  const maxKeys = Math.max(1, options.maxKeys ?? 10_000)
  const now = options.now ?? Date.now
  const methods = options.methods ? new Set(options.methods.map((m) => m.toUpperCase())) : null
  const hops =
    options.trustProxy === true ? 1 : typeof options.trustProxy === 'number' ? options.trustProxy : 0
  const perMs = limit / windowMs
  const buckets = new Map<string, Bucket>()
  let limited = 0

  /** Drops buckets idle for a whole window (full again), oldest first; then caps the map size. */
  function evict(t: number) {
    for (const [key, b] of buckets) {
      if (t - b.at < windowMs && buckets.size <= maxKeys) break
      buckets.delete(key)
    }
  }

  /** Takes one token; returns 0 when allowed, else the milliseconds until a token is back. */
  function take(key: string, t: number): number {
    const old = buckets.get(key)
    // A clock that went backwards (NTP step) must not mint tokens or lock anyone out: treat as no time passed.
    const elapsed = old ? Math.max(0, t - old.at) : 0
    const tokens = old ? Math.min(limit, old.tokens + elapsed * perMs) : limit
    // Re-insert so the Map's order stays least-recently-used first.
    buckets.delete(key)
    if (tokens >= 1) {
      buckets.set(key, { tokens: tokens - 1, at: t })
      return 0
    }
    buckets.set(key, { tokens, at: t })
    return Math.ceil((1 - tokens) / perMs)
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    if (methods && !methods.has(c.req.method)) return next()
    const t = now()
    const scope = options.scope?.(c)
    const key = scope === undefined ? clientAddress(c, hops) : `${clientAddress(c, hops)} ${scope}`
    const waitMs = take(key, t)
    evict(t)
    if (waitMs === 0) return next()
    limited += 1
    options.onLimited?.(c)
    const res = await respondError(
      c,
      new AppError(
        429,
        'rate-limited',
        'Too many requests',
        'Too many requests from this address. Try again later.',
      ),
    )
    res.headers.set('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))))
    return res
  }
  return Object.assign(middleware, { stats: () => ({ limited, keys: buckets.size }) })
}

/**
 * The address a request is counted under. IPv6 clients usually own a whole /64, so they are grouped by
 * that prefix; IPv4-mapped IPv6 addresses count as their IPv4 address. Unknown addresses share one key.
 */
export function clientAddress(c: Context, trustedHops = 0): string {
  let address: string | undefined
  if (trustedHops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    address = chain[chain.length - trustedHops] ?? chain[0]
  }
  address ??= socketAddress(c)
  return normaliseAddress(address)
}

/** The peer address of the TCP connection (@hono/node-server puts the request on `c.env.incoming`). */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress
}

/** Canonical key of an address: IPv4 as is, IPv6 as its /64 prefix, anything else as "unknown". */
export function normaliseAddress(raw: string | undefined): string {
  if (!raw) return 'unknown'
  let a = raw.trim()
  // "[2001:db8::1]:443" or "1.2.3.4:5678" as some proxies write them.
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracket?.[1]) a = bracket[1]
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  a = a.replace(/%.*$/, '') // zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)
  if (mapped?.[1]) a = mapped[1]
  if (isIPv4(a)) return a
  if (!isIPv6(a)) return 'unknown'
  return `${expandIPv6(a).slice(0, 4).join(':')}::/64`
}

/** The eight hextets of an IPv6 address (an embedded IPv4 tail counts as two). */
function expandIPv6(a: string): string[] {
  const [head = '', tail] = a.toLowerCase().split('::')
  const part = (s: string) => (s ? s.split(':') : []).flatMap((h) => (h.includes('.') ? ['0', '0'] : [h]))
  const left = part(head)
  const right = tail === undefined ? [] : part(tail)
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0')
  return [...left, ...zeros, ...right].map((h) => h.replace(/^0+(?=.)/, ''))
}
