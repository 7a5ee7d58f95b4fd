/** The survey definition format: schema, checks, logic. */
export { type CheckResult, checkDefinition } from './check.ts'
export { type AnswerValue, visibleQuestions } from './logic.ts'
export {
  type Condition,
  type Question,
  type QuestionType,
  SurveyDefinition,
  type SurveyDefinitionInput,
  type Text,
} from './schema.ts'
export { standardDefinition } from './standard.ts'
