/**
 * Self-hosted static assets (no CDN): NL Design System CSS, the design-token theme, our own small CSS
 * and htmx. Read once at start-up, served with a content hash in the URL and a long cache lifetime.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Hono } from 'hono'
import { acceptsGzip } from './gzip.ts'

const require = createRequire(import.meta.url)
const here = path.dirname(fileURLToPath(import.meta.url))

interface Asset {
  body: Buffer
  gzipped: Buffer
  type: string
  hash: string
}

const sources: Record<string, () => string> = {
  'utrecht.css': () => require.resolve('@utrecht/component-library-css/dist/index.css'),
  'theme.css': () =>
    path.join(
      path.dirname(require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/package.json')),
      'dist/theme.css',
    ),
  'app.css': () => path.join(here, '../web/app.css'),
  'htmx.min.js': () => path.join(path.dirname(require.resolve('htmx.org/package.json')), 'dist/htmx.min.js'),
}

let loaded: Record<string, Asset> | null = null

function load(): Record<string, Asset> {
  if (loaded) return loaded
  loaded = {}
  for (const [name, resolve] of Object.entries(sources)) {
    const body = fs.readFileSync(resolve())
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
    loaded[name] = {
      body,
      gzipped: gzipSync(body, { level: 9 }),
      type: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      hash,
    }
  }
  return loaded
}

/** The versioned URL of an asset, for use in pages. */
export function assetUrl(name: keyof typeof sources & string): string {
  const asset = load()[name]
  return `/assets/${asset?.hash}/${name}`
}

/** Mounts `/assets/:hash/:name`. */
export function mountAssets(app: Hono<any>) {
  app.get('/assets/:hash/:name', (c) => {
    const asset = load()[c.req.param('name')]
    if (!asset) return c.notFound()
    const gzip = acceptsGzip(c.req.header('accept-encoding'))
    return c.body(new Uint8Array(gzip ? asset.gzipped : asset.body), 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    })
  })
}
