/**
 * The kiosk's own static files (client/kiosk.js, client/kiosk.css): read once, served with a content hash
 * in the URL and a long cache lifetime, like the platform's assets. They live in this module because only
 * kiosk pages load them; the platform's CSS subset (src/platform/web/css) does not cover them.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Hono } from 'hono'
import { acceptsGzip } from '../../platform/http/gzip.ts'

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client')
const FILES = {
  'kiosk.js': 'text/javascript; charset=utf-8',
  'kiosk.css': 'text/css; charset=utf-8',
} as const
type Name = keyof typeof FILES

interface Asset {
  body: Buffer
  gzipped: Buffer
  hash: string
}

let loaded: Record<Name, Asset> | null = null

function load(): Record<Name, Asset> {
  if (loaded) return loaded
  const built = {} as Record<Name, Asset>
  for (const name of Object.keys(FILES) as Name[]) {
    const body = fs.readFileSync(path.join(here, name))
    built[name] = {
      body,
      gzipped: gzipSync(body, { level: 9 }),
      hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
    }
  }
  loaded = built
  return built
}

/** The versioned URL of a kiosk file. */
export function kioskAssetUrl(name: Name): string {
  return `/kiosk/static/${load()[name].hash}/${name}`
}

/** Mounts `/kiosk/static/:hash/:name`. */
export function mountKioskAssets(app: Hono<any>) {
  load()
  app.get('/kiosk/static/:hash/:name', (c) => {
    const name = c.req.param('name') as Name
    if (!(name in FILES)) return c.notFound()
    const asset = load()[name]
    const gzip = acceptsGzip(c.req.header('accept-encoding'))
    return c.body(new Uint8Array(gzip ? asset.gzipped : asset.body), 200, {
      'content-type': FILES[name],
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    })
  })
}
