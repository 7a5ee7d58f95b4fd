/**
 * Test-only entry point: the `klankbord` command line with just `cases` registered, handling errors
 * exactly as src/main/cli.ts does. The CLI test uses the real bin/klankbord.js as soon as src/main/cli.ts
 * registers the command, and this entry until then.
 */
import { Command } from 'commander'
import { registerCases } from '../../../main/commands/cases.ts'
import { ConfigError } from '../../../platform/config.ts'
import { AppError } from '../../../platform/errors.ts'

const program = new Command().name('klankbord').showHelpAfterError()
registerCases(program)
try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof ConfigError || error instanceof AppError) {
    console.error(error.message)
    process.exit(2)
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
}
