/**
 * What an import returns: the Klankbord definition plus a report line per source question, so the user
 * sees what came across unchanged ('imported'), what was changed on the way ('mapped', with the change in
 * `reason`) and what was left out ('skipped', with why). Reasons are English; the UI may translate them.
 */
import type { QuestionType, SurveyDefinition } from '../definition/schema.ts'

/** How one source question came across. */
export type ImportOutcome = 'imported' | 'mapped' | 'skipped'

/** One line of the import report: one source question (or one row of a source matrix/array). */
export interface ImportReportItem {
  /** The question's id/name in the source file (SurveyJS `name`, LimeSurvey `title` code). */
  source: string
  /** Its text as plain text, shortened to about 80 characters. */
  title: string
  /** The source's type ('rating', 'radiogroup', LimeSurvey type letter 'L', …). */
  sourceType: string
  outcome: ImportOutcome
  /** Klankbord type when imported or mapped. */
  type?: QuestionType
  /** Klankbord code given to it. */
  code?: string
  /** For 'mapped': what changed; for 'skipped': why it was not imported. */
  reason?: string
}

/** A successful import. `warnings` are survey-level remarks (languages, page limits, …). */
export interface ImportResult {
  format: 'klankbord' | 'surveyjs' | 'limesurvey'
  definition: SurveyDefinition
  report: ImportReportItem[]
  warnings: string[]
}

/** The file cannot be read as a survey: the message says what is wrong, in English, on one line. */
export class SurveyFileError extends Error {
  override name = 'SurveyFileError'
}
