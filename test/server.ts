/** Starts the real web application on a free port on 127.0.0.1 for tests. */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from '../src/main/http.ts'
import type { Services } from '../src/main/services.ts'

/** A running test server. */
export interface TestServer {
  url: string
  close(): Promise<void>
}

/** Serves `createApp(services)` until closed. */
export async function startTestServer(services: Services): Promise<TestServer> {
  const app = createApp(services)
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  // Longer than the client's idle timeout, so the client never reuses a socket the server is closing.
  ;(server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 65_000
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
