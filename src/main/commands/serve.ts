/**
 * `klankbord serve`: the web server (and, unless JOBS_IN_SERVE=false, the job runner). On the embedded
 * database with --demo-if-empty (what `npm start` passes), the first start loads the demo organisation.
 * With DATABASE_URL it never loads demo data by itself.
 */
import { serve } from '@hono/node-server'
import type { Command } from 'commander'
import { type Config, loadConfig } from '../../platform/config.ts'
import { DataDirLockedError } from '../../platform/db/connect.ts'
import { createApp } from '../http.ts'
import { openServices, type Services } from '../services.ts'
import { startBackground } from '../background.ts'
import { loadDemoIfEmpty, printWelcome } from '../first-start.ts'

/** Registers the command. */
export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Run the web server (and background jobs). Uses DATABASE_URL, or the embedded database in DATA_DIR.')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--demo-if-empty', 'on the embedded database: load the demo organisation when the database has none')
    .addHelpText(
      'after',
      '\nExamples:\n  klankbord serve                      # embedded database in ./data\n  DATABASE_URL=postgres://… klankbord serve\n',
    )
    .action(async (opts: { port?: string; demoIfEmpty?: boolean }) => {
      const config = loadConfig(process.env, opts.port ? { PORT: Number(opts.port) } : {})
      let services: Services
      try {
        services = await openServices(config, { exclusive: true })
      } catch (error) {
        if (error instanceof DataDirLockedError) {
          console.error(error.message)
          process.exit(3)
        }
        throw error
      }
      await runServer(config, services, { demoIfEmpty: Boolean(opts.demoIfEmpty) })
    })
}

async function runServer(config: Config, services: Services, opts: { demoIfEmpty: boolean }) {
  const demo = opts.demoIfEmpty && services.database.kind === 'pglite' ? await loadDemoIfEmpty(services) : null
  const app = createApp(services)
  const background = config.JOBS_IN_SERVE ? startBackground(services) : null
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    services.logger.info({ port: info.port, database: services.database.kind }, 'listening')
    void printWelcome(services, info.port, demo)
  })
  // Longer than typical proxy and client idle timeouts, so nobody reuses a socket we are closing.
  ;(server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 65_000
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    services.logger.info({ signal }, 'stopping')
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      // Idle keep-alive sockets would hold close() open for the whole keep-alive timeout.
      ;(server as unknown as { closeIdleConnections(): void }).closeIdleConnections()
    })
    await background?.stop()
    await services.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}
