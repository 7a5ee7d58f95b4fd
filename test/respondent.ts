/**
 * The public survey over HTTP as a respondent's browser without JavaScript uses it: read the form's
 * hidden fields, GET a page and POST a form, without following redirects so a test sees each 303.
 */

/** The hidden fields of the page's form, by name. */
export function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    out[m[1] as string] = m[2] as string
  return out
}

/** Gets `path` without following a redirect. */
export async function getPage(baseUrl: string, path: string) {
  const res = await fetch(`${baseUrl}${path}`, { redirect: 'manual' })
  return { status: res.status, html: await res.text(), location: res.headers.get('location') ?? '' }
}

/** Posts form fields to `path` (a list value is sent as repeated fields, like checkboxes) without following a redirect. */
export async function postPage(baseUrl: string, path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x)
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', body, redirect: 'manual' })
  return { status: res.status, html: await res.text(), location: res.headers.get('location') ?? '' }
}
