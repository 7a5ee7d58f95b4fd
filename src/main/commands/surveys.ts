/**
 * `klankbord surveys import FILE --organisation SLUG [--dry-run] [--json]` imports a survey definition
 * (Klankbord JSON, SurveyJS JSON or LimeSurvey .lss) as a draft and prints a report per question
 * (docs/survey-import.md). `klankbord surveys export --organisation SLUG --survey ID [--version N]`
 * prints a version as Klankbord JSON.
 * Exit codes: 0 created (or, with --dry-run, would be); 2 the file cannot be read or is not a survey, or
 * the organisation or survey does not exist. Nothing is created unless the exit code is 0.
 */
import fs from 'node:fs'
import Table from 'cli-table3'
import type { Command } from 'commander'
import {
  findSurvey,
  findVersion,
  importSurvey,
  MAX_SURVEY_FILE_BYTES,
  SurveyFileError,
  type SurveyImport,
} from '../../modules/surveys/index.ts'
import { loadConfig } from '../../platform/config.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { openServices } from '../services.ts'
import { assertReadableFile, FileError } from './files.ts'

function readBytes(file: string): Buffer {
  assertReadableFile(file, MAX_SURVEY_FILE_BYTES)
  return fs.readFileSync(file)
}

async function organisationId(db: Awaited<ReturnType<typeof openServices>>['db'], slug: string) {
  const org = await db.selectFrom('organisation').select('id').where('slug', '=', slug).executeTakeFirst()
  if (!org) throw new NotFoundError(`Organisation "${slug}" does not exist.`)
  return org.id
}

/** Registers `surveys` and its sub-commands. */
export function registerSurveys(program: Command) {
  const surveys = program.command('surveys').description('Surveys: import and export definitions.')
  surveys
    .command('import')
    .description('Import a survey (Klankbord JSON, SurveyJS JSON, LimeSurvey .lss) as a new draft.')
    .argument('<file>', 'the survey file')
    .requiredOption('--organisation <slug>', 'slug of the organisation')
    .option('--dry-run', 'read and check the file and print the report, but create nothing')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, flags: { organisation: string; dryRun?: boolean; json?: boolean }) => {
      const bytes = readBytes(file)
      const services = await openServices(loadConfig())
      try {
        const orgId = await organisationId(services.db, flags.organisation)
        let result: SurveyImport
        try {
          result = await importSurvey(
            services.db,
            { organisationId: orgId, actor: { type: 'system' } },
            { bytes, name: file },
            { dryRun: flags.dryRun },
          )
        } catch (error) {
          if (error instanceof SurveyFileError) throw new FileError(`${file}: ${error.message}`)
          throw error
        }
        if (flags.json) console.log(JSON.stringify(result, null, 2))
        else printReport(result, flags.organisation)
      } finally {
        await services.close()
      }
    })
  surveys
    .command('export')
    .description('Print a survey version as Klankbord JSON (klankbord.survey/1).')
    .requiredOption('--organisation <slug>', 'slug of the organisation')
    .requiredOption('--survey <id>', 'id of the survey')
    .option('--version <n>', 'version number (default: the newest published, else the draft)')
    .action(async (flags: { organisation: string; survey: string; version?: string }) => {
      const services = await openServices(loadConfig())
      try {
        const orgId = await organisationId(services.db, flags.organisation)
        const survey = await findSurvey(services.db, orgId, flags.survey)
        if (!survey)
          throw new NotFoundError(`Survey ${flags.survey} does not exist in ${flags.organisation}.`)
        const n = flags.version ? Number(flags.version) : survey.publishedVersion || survey.draftVersion || 1
        const version = Number.isInteger(n) ? await findVersion(services.db, orgId, survey.id, n) : null
        if (!version)
          throw new NotFoundError(`Version ${flags.version} of survey ${survey.id} does not exist.`)
        console.log(JSON.stringify(version.definition, null, 2))
      } finally {
        await services.close()
      }
    })
}

function printReport(r: SurveyImport, slug: string) {
  const table = new Table({
    head: ['question', 'from', 'outcome', 'as', 'note'],
    wordWrap: true,
    colWidths: [34, 14, 10, 12, 40],
    // Colours only on a terminal: logs and pipes get plain text.
    ...(process.stdout.isTTY ? {} : { style: { head: [], border: [] } }),
  })
  for (const item of r.report)
    table.push([
      `${item.source}: ${item.title}`,
      item.sourceType,
      item.outcome,
      item.type ? `${item.type} ${item.code ?? ''}`.trim() : '',
      item.reason ?? '',
    ])
  console.log(table.toString())
  for (const w of r.warnings) console.log(`Note: ${w}`)
  const { imported, mapped, skipped } = r.questions
  const summary = `${imported} imported, ${mapped} mapped to another type, ${skipped} not imported`
  if (r.dryRun)
    console.log(`Would create "${r.title}" (${r.format}) in ${slug}: ${summary} (dry run: nothing written).`)
  else
    console.log(
      `Created "${r.title}" (${r.format}) in ${slug} as a draft: ${summary}. Survey id ${r.survey?.id}; review and publish it in the editor.`,
    )
}
