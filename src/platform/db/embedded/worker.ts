/**
 * Worker thread that owns the embedded PGlite database and serves it on a unix socket, so that the
 * main thread's event loop never blocks on a query (ARCHITECTURE §7: 618 ms in-process vs 8 ms here).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { ProtocolServer } from './protocol-server.ts'
import { embeddedStartParams } from './startup-options.ts'

const { pgDataDir, socketPath } = workerData as { pgDataDir: string; socketPath: string }

try {
  const db = await PGlite.create({
    dataDir: pgDataDir,
    relaxedDurability: false,
    // Also used by the one-off initdb instance, so a first start peaks lower too.
    startParams: embeddedStartParams(),
  })
  const server = new ProtocolServer(db, socketPath)
  await server.start()
  parentPort?.on('message', async (msg) => {
    if (msg === 'stop') {
      await server.stop()
      await db.close()
      parentPort?.postMessage({ stopped: true })
    }
  })
  parentPort?.postMessage({ ready: true })
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
}
