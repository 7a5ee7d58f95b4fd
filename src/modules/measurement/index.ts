/** Public interface of the measurement capability (the Meethuis model). */

export { addCoreDriver } from './add-core-driver.ts'
export { measurementApi } from './api.ts'
export {
  type ComparableQuestion,
  type CoreQuestionRef,
  comparabilityKey,
  coreQuestionKey,
  type ScaleRef,
  scaleKey,
} from './calc/comparability.ts'
export { changeStatementWording, changeStatementWordings } from './change-statement-wording.ts'
export { createDraft } from './create-draft.ts'
export { addDriver, addGoal, addStatement } from './edit-draft.ts'
export { AGREEMENT_SCALE, GRADE_SCALE, KERN_BLOCKS, KERN_SCALES, KERN_TEMPLATE } from './kern-template.ts'
export type {
  MeasurementModel,
  ModelDriver,
  ModelGoal,
  ModelKpi,
  ModelProcessIndicator,
  ModelQuestion,
} from './model.ts'
export { authorizeMeasurement, canMeasurement } from './policy.ts'
export { presentModel } from './present.ts'
export { publishDraft } from './publish-draft.ts'
export { measurementPages } from './routes.tsx'
export type { MeasurementTables } from './schema.ts'
export { getCurrentModel, getDraftModel } from './store.ts'
