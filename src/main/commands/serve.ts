/**
 * `klankbord serve`: the web server (and, unless JOBS_IN_SERVE=false, the job runner). On the embedded
 * database with --demo-if-empty (what `npm start` passes), the first start loads the demo organisation.
 * With DATABASE_URL it never loads demo data by itself.
 */
import type { Command } from 'commander'
import { type Config, loadConfig } from '../../platform/config.ts'
import { DataDirLockedError } from '../../platform/db/connect.ts'
import { listen } from '../../platform/http/listen.ts'
import { startBackground } from '../background.ts'
import { loadDemoIfEmpty, printWelcome } from '../first-start.ts'
import { createApp } from '../http.ts'
import { openServices, type Services } from '../services.ts'

/** Registers the command. */
export function registerServe(program: Command) {
  program
    .command('serve')
    .description(
      'Run the web server (and background jobs). Uses DATABASE_URL, or the embedded database in DATA_DIR.',
    )
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option(
      '--demo-if-empty',
      'on the embedded database: load the demo organisation when the database has none',
    )
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
  const demo =
    opts.demoIfEmpty && services.database.kind === 'pglite' ? await loadDemoIfEmpty(services) : null
  const app = createApp(services)
  const background = config.JOBS_IN_SERVE ? startBackground(services) : null
  const server = await listen(app.fetch, config.PORT, config.HOST)
  services.logger.info({ port: server.port, database: services.database.kind }, 'listening')
  await printWelcome(services, server.port, demo)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    services.logger.info({ signal }, 'stopping')
    await server.close()
    await background?.stop()
    await services.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}
