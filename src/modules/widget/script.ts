/**
 * The widget's browser script, served as `/widget.js`. It is plain JavaScript (client/widget.js) sent as
 * written: no build step and no dependencies, like the rest of Klankbord. It is read and gzipped once,
 * with a content hash as ETag. The URL has no version in it (webteams paste it once), so browsers keep it
 * for an hour and then revalidate cheaply with If-None-Match.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { gzipSync } from 'node:zlib'

/** The script as served. */
export interface WidgetScript {
  body: Buffer
  gzipped: Buffer
  etag: string
}

let script: WidgetScript | null = null

/** The script, read on first use. */
export function widgetScript(): WidgetScript {
  if (script) return script
  const body = fs.readFileSync(new URL('./client/widget.js', import.meta.url))
  script = {
    body,
    gzipped: gzipSync(body, { level: 9 }),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
  }
  return script
}
