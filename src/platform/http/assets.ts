/**
 * Self-hosted static assets (no CDN): NL Design System CSS, the design-token theme, our own small CSS
 * and htmx. Built or read once (at `mountAssets`, i.e. when the app is created), served with a content
 * hash in the URL and a long cache lifetime.
 *
 * `utrecht.css` and `theme.css` are not the packages' whole files (406 KB and 207 KB) but the subset our
 * pages can use: the component rules whose classes appear in our source and the design tokens those
 * rules need (src/platform/web/css/bundle.ts, docs/page-weight.md).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Hono } from 'hono'
import { buildFromInstalled, fullStylesheetPaths, type Stylesheets } from '../web/css/bundle.ts'
import { acceptsGzip } from './gzip.ts'

const require = createRequire(import.meta.url)

interface Asset {
  body: Buffer
  gzipped: Buffer
  type: string
  hash: string
}

/** The subset stylesheets, built on first use and shared by every asset that needs them. */
let stylesheets: Stylesheets | null = null
function subset(): Stylesheets {
  stylesheets ??= buildFromInstalled()
  return stylesheets
}

const sources: Record<string, () => Buffer> = {
  'utrecht.css': () => Buffer.from(subset()['utrecht.css']),
  'theme.css': () => Buffer.from(subset()['theme.css']),
  'app.css': () => fs.readFileSync(fullStylesheetPaths()['app.css']),
  'htmx.min.js': () =>
    fs.readFileSync(path.join(path.dirname(require.resolve('htmx.org/package.json')), 'dist/htmx.min.js')),
}

let loaded: Record<string, Asset> | null = null

function load(): Record<string, Asset> {
  if (loaded) return loaded
  // Filled in a local first: a build that throws must not leave a half-empty table behind.
  const built: Record<string, Asset> = {}
  for (const [name, resolve] of Object.entries(sources)) {
    const body = resolve()
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
    built[name] = {
      body,
      gzipped: gzipSync(body, { level: 9 }),
      type: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      hash,
    }
  }
  loaded = built
  return built
}

/** The versioned URL of an asset, for use in pages. */
export function assetUrl(name: keyof typeof sources & string): string {
  const asset = load()[name]
  return `/assets/${asset?.hash}/${name}`
}

/** Mounts `/assets/:hash/:name`, building the assets now so the first page view does not pay for it. */
export function mountAssets(app: Hono<any>) {
  load()
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
