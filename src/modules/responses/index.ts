/** Public interface of the responses capability. */
export { deleteExpiredPartialResponses } from './delete-expired-partials.ts'
export { purgeExpiredPartialResponses, responseJobs, responseSchedules } from './jobs.ts'
export {
  findPartialResponse,
  hashResumeToken,
  type PartialResponse,
  saveScreen,
  startPartialResponse,
} from './partial-response.ts'
export {
  AnswersInvalidError,
  CASE_REFERENCE,
  type ResolvedContext,
  resolveContext,
  responseLanguage,
  type SubmissionInput,
  type SubmissionResult,
  submitResponse,
} from './submit-response.ts'
export { type AnswerError, type AnswerValue, type Validated, validateAnswers } from './validate-answers.ts'
