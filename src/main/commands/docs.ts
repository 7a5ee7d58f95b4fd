/** `klankbord config-docs` and `klankbord openapi`: generated documents that CI checks for drift. */
import fs from 'node:fs'
import type { Command } from 'commander'
import { configurationMarkdown } from '../../platform/config.ts'

/** Registers the commands. */
export function registerDocs(program: Command) {
  program
    .command('config-docs')
    .description(
      'Write the configuration reference (docs/configuration.md) generated from the config schema.',
    )
    .option('--out <file>', 'file to write; prints to standard output when omitted')
    .option('--check', 'exit 1 when the file differs from what would be generated')
    .action((opts: { out?: string; check?: boolean }) => writeOrCheck(configurationMarkdown(), opts))
  program
    .command('openapi')
    .description(
      'Write the OpenAPI 3.1 document of /api/v1 (openapi/v1.json), generated from the route definitions.',
    )
    .option('--out <file>', 'file to write; prints to standard output when omitted')
    .option('--check', 'exit 1 when the file differs from what would be generated')
    .action(async (opts: { out?: string; check?: boolean }) => {
      // Imported here so other commands do not load every route definition.
      const { openApiDocument } = await import('../http.ts')
      writeOrCheck(`${JSON.stringify(openApiDocument(), null, 2)}\n`, opts)
    })
}

/** Writes generated text to a file, prints it, or checks that the file is up to date. */
export function writeOrCheck(text: string, opts: { out?: string; check?: boolean }) {
  if (!opts.out) {
    process.stdout.write(text)
    return
  }
  if (opts.check) {
    const current = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, 'utf8') : ''
    if (current !== text) {
      console.error(`${opts.out} is out of date: regenerate it with the same command without --check.`)
      process.exit(1)
    }
    console.log(`${opts.out} is up to date.`)
    return
  }
  fs.writeFileSync(opts.out, text)
  console.log(`wrote ${opts.out}`)
}
