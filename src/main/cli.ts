/** The `klankbord` command line: one sub-command per file in ./commands. */
import { Command } from 'commander'
import { ConfigError } from '../platform/config.ts'
import { AppError } from '../platform/errors.ts'
import { registerBench } from './commands/bench.ts'
import { registerCases } from './commands/cases.ts'
import { registerDemo } from './commands/demo.ts'
import { registerDocs } from './commands/docs.ts'
import { registerMigrate } from './commands/migrate.ts'
import { registerServe } from './commands/serve.ts'
import { registerSurveys } from './commands/surveys.ts'
import { registerWorker } from './commands/worker.ts'

const program = new Command()
program
  .name('klankbord')
  .description('Klankbord: measure and improve how people experience public services.')
  .showHelpAfterError()
registerServe(program)
registerWorker(program)
registerMigrate(program)
registerDemo(program)
registerCases(program)
registerSurveys(program)
registerBench(program)
registerDocs(program)

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
