/**
 * The touchpoint (contactmoment) a widget response records: the path of the page it was given on.
 *
 * Rules: only the path is kept. The query string and the fragment are dropped, because they often carry
 * personal data (`?email=…`, `?bsn=…`, search terms, session ids, tracking ids); so is the host, which the
 * widget's survey already implies. Percent-escapes are kept as sent (decoding could turn harmless bytes
 * into control characters). The result starts with `/`, has no control characters or white space, and is
 * cut to 200 characters (the limit of a hidden-field value).
 */

/** Longest touchpoint stored, the same limit as any hidden-field value. */
export const MAX_TOUCHPOINT = 200

/**
 * The path of `page` (a path or an absolute http(s) URL) without query and fragment, or null when it is
 * not a page address.
 */
export function touchpointOf(page: string): string | null {
  let value = page.trim()
  if (/^https?:\/\//i.test(value)) {
    try {
      value = new URL(value).pathname
    } catch {
      return null
    }
  }
  // Cut at the first ? or #: both start parts that may carry personal data.
  value = value.split(/[?#]/, 1)[0] ?? ''
  if (!value.startsWith('/') || value.startsWith('//')) return null
  if (/[\p{Cc}\s]/u.test(value)) return null
  return value.slice(0, MAX_TOUCHPOINT)
}
