/** Starts the real web application on a free port on 127.0.0.1 for tests. */
import { createApp } from '../src/main/http.ts'
import type { Services } from '../src/main/services.ts'
import { listen } from '../src/platform/http/listen.ts'

/** A running test server. */
export interface TestServer {
  url: string
  close(): Promise<void>
}

/** Serves `createApp(services)` until closed. */
export async function startTestServer(services: Services): Promise<TestServer> {
  const server = await listen(createApp(services).fetch, 0, '127.0.0.1')
  return { url: `http://127.0.0.1:${server.port}`, close: () => server.close() }
}
