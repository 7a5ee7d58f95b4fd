/**
 * Starts an HTTP server for a Hono app with the settings Klankbord needs on Node:
 * - `autoCleanupIncoming: false`: @hono/node-server 2.x otherwise destroys the socket when a request
 *   body has not ended within 500 ms after the response, which under load breaks the next request on
 *   that keep-alive connection ("other side closed"). Node's own server drains unread bodies safely.
 * - a keep-alive timeout longer than common client and proxy idle timeouts (65 s), and a headers
 *   timeout above it, so a client never reuses a socket the server is just closing.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'

/** A listening server. */
export interface Listening {
  port: number
  /** Stops accepting, closes idle keep-alive sockets and resolves when open requests are done. */
  close(): Promise<void>
}

/** Listens on `hostname:port` (port 0 picks a free one). */
export function listen(
  fetch: (req: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname, autoCleanupIncoming: false }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            ;(server as unknown as { closeIdleConnections(): void }).closeIdleConnections()
          }),
      })
    })
    const http = server as unknown as {
      keepAliveTimeout: number
      headersTimeout: number
      once(e: string, f: (e: Error) => void): void
    }
    http.keepAliveTimeout = 65_000
    http.headersTimeout = 66_000
    http.once('error', reject)
  })
}
