/** Public interface of the responses capability. */
export {
  AnswersInvalidError,
  CASE_REFERENCE,
  type SubmissionInput,
  type SubmissionResult,
  submitResponse,
} from './submit-response.ts'
export { type AnswerError, type AnswerValue, validateAnswers } from './validate-answers.ts'
