/**
 * `klankbord cases import FILE --organisation SLUG`: imports zaken from a CSV file (docs/process-data.md).
 * Exit codes: 0 imported (or, with --dry-run, would be); 1 the file has invalid rows and nothing was written
 * (the report lists them); 2 the file cannot be read or is not CSV, or the organisation does not exist.
 */
import fs from 'node:fs'
import Table from 'cli-table3'
import { type Command, InvalidArgumentError } from 'commander'
import { CsvError, type ImportReport, importCases, readCaseRecords } from '../../modules/cases/index.ts'
import { loadConfig } from '../../platform/config.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { openServices } from '../services.ts'
import { assertReadableFile, FileError } from './files.ts'

interface ImportFlags {
  organisation: string
  dryRun?: boolean
  json?: boolean
  createProducts?: boolean
  partial?: boolean
  separator?: ',' | ';'
  encoding: 'utf-8' | 'windows-1252'
}

/** Registers `cases` and its sub-commands. */
export function registerCases(program: Command) {
  const cases = program.command('cases').description('Zaken (cases): process data beside the responses.')
  cases
    .command('import')
    .description(
      'Import zaken from a CSV file (upsert by reference). Nothing is written when a row is invalid.',
    )
    .argument(
      '<file>',
      "CSV file with a header: reference, product, channel, start, end, contacts (',' or ';')",
    )
    .requiredOption('--organisation <slug>', 'slug of the organisation')
    .option('--dry-run', 'check everything and report, but write nothing')
    .option('--json', 'print the report as JSON')
    .option('--create-products', 'create products for unknown product codes instead of refusing them')
    .option('--partial', 'import the valid rows even when other rows are invalid')
    .option('--separator <char>', "field separator (default: detected, ';' or ',')", parseSeparator)
    .option('--encoding <name>', 'text encoding: utf-8 or windows-1252', parseEncoding, 'utf-8')
    .action(async (file: string, flags: ImportFlags) => {
      const rows = await readFile(file, flags)
      const services = await openServices(loadConfig())
      try {
        const org = await services.db
          .selectFrom('organisation')
          .select('id')
          .where('slug', '=', flags.organisation)
          .executeTakeFirst()
        if (!org) throw new NotFoundError(`Organisation "${flags.organisation}" does not exist.`)
        const report = await importCases(
          services.db,
          { organisationId: org.id, actor: { type: 'system' } },
          rows,
          { allOrNothing: !flags.partial, createProducts: flags.createProducts, dryRun: flags.dryRun },
        )
        if (flags.json) console.log(JSON.stringify(report, null, 2))
        else printReport(report, file, flags.partial === true)
        // Refused all-or-nothing import: nothing written, so the caller must not go on as if it was.
        if (report.errors.length > 0 && !flags.partial) process.exitCode = 1
      } finally {
        await services.close()
      }
    })
}

async function readFile(file: string, flags: ImportFlags) {
  assertReadableFile(file)
  try {
    return await readCaseRecords(fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
      separator: flags.separator,
      encoding: flags.encoding,
    })
  } catch (error) {
    if (error instanceof CsvError) throw new FileError(`${file} is not a usable CSV file. ${error.message}.`)
    const code = (error as NodeJS.ErrnoException).code
    if (code) throw new FileError(`Cannot read ${file}: ${code}.`)
    throw error
  }
}

function printReport(report: ImportReport, file: string, partial: boolean) {
  const wentAhead = partial || report.errors.length === 0
  const verb = report.dryRun ? 'Would import' : 'Imported'
  if (report.errors.length > 0) {
    const table = new Table({
      head: ['row', 'column', 'problem'],
      wordWrap: true,
      colWidths: [8, 14, 70],
      // Colours only on a terminal: logs and pipes get plain text.
      ...(process.stdout.isTTY ? {} : { style: { head: [], border: [] } }),
    })
    for (const e of report.errors) table.push([e.row, e.field, e.reason])
    console.log(table.toString())
    console.log(
      `${report.rejected} row${report.rejected === 1 ? '' : 's'} in ${file} ${report.rejected === 1 ? 'has' : 'have'} errors` +
        (!wentAhead
          ? '; nothing was imported.'
          : report.dryRun
            ? '; the other rows would be imported.'
            : '; the other rows are imported.'),
    )
  }
  if (!wentAhead) return
  console.log(
    `${verb}: ${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged` +
      (report.createdProducts.length ? `; new products: ${report.createdProducts.join(', ')}` : '') +
      (report.dryRun ? ' (dry run: nothing written).' : '.'),
  )
}

function parseSeparator(value: string): ',' | ';' {
  if (value === ',' || value === ';') return value
  throw new InvalidArgumentError("Use ',' or ';'.")
}

function parseEncoding(value: string): 'utf-8' | 'windows-1252' {
  const v = value.toLowerCase()
  if (v === 'utf-8' || v === 'utf8') return 'utf-8'
  if (v === 'windows-1252' || v === 'cp1252' || v === 'latin1') return 'windows-1252'
  throw new InvalidArgumentError('Use utf-8 or windows-1252.')
}
