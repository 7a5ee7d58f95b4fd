/** Public interface of the surveys capability. */
export { ensureStandardSurvey, findStandardSurvey, type StandardSurvey } from './create-standard-survey.ts'
export * from './definition/index.ts'
export { surveyEditorPages } from './editor-routes.tsx'
export { MAX_SURVEY_FILE_BYTES } from './import/read-survey-file.ts'
export { type ImportReportItem, SurveyFileError } from './import/report.ts'
export { clearSurveyCache, loadPublicSurvey, type PublicSurvey } from './load-public-survey.ts'
export { authorizeSurvey, canSurvey, type SurveyPermission } from './policy.ts'
export { surveyQrPages } from './qr-routes.tsx'
export {
  limitPublicSurveyEndpoints,
  type PublicLimitOptions,
  publicAbuseCounts,
  surveyPageRoutes,
} from './routes.tsx'
export { STANDARD_DRIVERS, STANDARD_QUESTIONS } from './standard-survey.ts'
export { type CreatedSurvey, type CreateSurveyInput, createSurvey } from './versions/create-survey.ts'
export { importSurvey, type SurveyImport } from './versions/import-survey.ts'
export { publishSurveyDraft } from './versions/publish-draft.ts'
export { openDraft, type SavedDraft, saveDraft } from './versions/save-draft.ts'
export {
  findDraft,
  findSurvey,
  findVersion,
  listSurveys,
  listVersions,
  type SurveySummary,
  type SurveyVersion,
} from './versions/store.ts'
