/** `klankbord migrate`: applies pending SQL migrations and prints the current version. */
import type { Command } from 'commander'
import { loadConfig } from '../../platform/config.ts'
import { currentVersion } from '../../platform/db/migrate.ts'
import { openServices } from '../services.ts'

/** Registers the command. */
export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations (also done by serve and worker at start-up).')
    .action(async () => {
      const services = await openServices(loadConfig())
      try {
        const version = await currentVersion(services.database.pool)
        console.log(`Database (${services.database.kind}) is at migration ${version}.`)
      } finally {
        await services.close()
      }
    })
}
