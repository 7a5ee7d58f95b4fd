/**
 * Use case: import a survey file (Klankbord JSON, SurveyJS JSON or LimeSurvey .lss) as a new survey whose
 * version 1 is a draft, so staff review it in the editor before publishing. The report says per source
 * question whether it was imported, mapped to another type, or not imported and why. A file that cannot
 * be read raises SurveyFileError and creates nothing; `dryRun` checks and reports without writing.
 * Core links (Klankbord JSON) are checked against the kern template: a link to an unknown bouwblok makes
 * the file unreadable; a question that no longer matches its core question is imported as an eigen vraag
 * and the warnings say so.
 */
import type { Kysely } from 'kysely'
import type { WriteContext } from '../../../platform/db/audit.ts'
import type { Database } from '../../database.ts'
import { coreNoticeEn } from '../definition/core-links.ts'
import { readSurveyFile } from '../import/read-survey-file.ts'
import { type ImportResult, SurveyFileError } from '../import/report.ts'
import { checkLinkedDefinition } from './check-linked.ts'
import { createSurvey } from './create-survey.ts'

/** The outcome of an import: the report, and the created survey unless it was a dry run. */
export interface SurveyImport extends Omit<ImportResult, 'definition'> {
  dryRun: boolean
  title: string
  questions: { imported: number; mapped: number; skipped: number }
  survey: { id: string; publicKey: string; version: number } | null
}

/** Reads, checks and (unless `dryRun`) stores an imported survey. */
export async function importSurvey(
  db: Kysely<Database>,
  ctx: WriteContext,
  file: { bytes: Buffer; name?: string },
  options: { dryRun?: boolean } = {},
): Promise<SurveyImport> {
  const result = readSurveyFile(file.bytes, file.name)
  const linked = checkLinkedDefinition(result.definition)
  if (!linked.ok) throw new SurveyFileError(linked.errors.map((e) => `${e.name}: ${e.reason}`).join('; '))
  const count = (o: string) => result.report.filter((r) => r.outcome === o).length
  const created = options.dryRun
    ? null
    : await createSurvey(db, ctx, { definition: linked.definition, origin: `import:${result.format}` })
  return {
    format: result.format,
    report: result.report,
    warnings: [...result.warnings, ...linked.coreNotices.map(coreNoticeEn)],
    dryRun: options.dryRun ?? false,
    title: result.definition.title.nl,
    questions: { imported: count('imported'), mapped: count('mapped'), skipped: count('skipped') },
    survey: created ? { id: created.id, publicKey: created.publicKey, version: created.version } : null,
  }
}
