/** Public interface of the analytics capability. */
export { type Moments, meanWithCi } from './calc/mean-ci.ts'
export { isOutcomeQuestion, OUTCOME_QUESTION } from './outcome-question.ts'
export { loadOverview, type Overview } from './overview.ts'
export { analyticsApi, analyticsPages } from './routes.tsx'
