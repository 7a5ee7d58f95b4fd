/** Public interface of the surveys capability. */
export { ensureStandardSurvey, findStandardSurvey, type StandardSurvey } from './create-standard-survey.ts'
export { clearSurveyCache, loadPublicSurvey, type PublicSurvey } from './load-public-survey.ts'
export {
  limitPublicSurveyEndpoints,
  type PublicLimitOptions,
  publicAbuseCounts,
  surveyPageRoutes,
} from './routes.tsx'
export { STANDARD_DRIVERS, STANDARD_QUESTIONS } from './standard-survey.ts'
