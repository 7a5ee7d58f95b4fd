/** The measurement model of one organisation, one version, as the use cases and pages see it. */
import type { CoreQuestionRef, ScaleRef } from './calc/comparability.ts'
import type { ModelStatus, Origin, ProcessUnit } from './schema.ts'

/** Where a core element comes from: a bouwblok version. */
export interface BlockRef {
  blockId: string
  blockVersion: number
}

/** A question of the model (the KPI's question or a stelling). */
export interface ModelQuestion {
  id: string
  code: string
  text: string
  help: string | null
  scale: ScaleRef
  origin: Origin
  /** For core: the core question it is. For local: the core question it was changed from, if any. */
  core: CoreQuestionRef | null
  comparabilityKey: string
}

/** A drijfveer (pillar) with its stellingen. */
export interface ModelDriver {
  id: string
  code: string
  name: string
  description: string | null
  origin: Origin
  core: BlockRef | null
  statements: ModelQuestion[]
}

/** An outcome KPI, measured with one question, explained by drivers. */
export interface ModelKpi {
  id: string
  code: string
  name: string
  description: string | null
  origin: Origin
  core: BlockRef | null
  question: ModelQuestion
  drivers: ModelDriver[]
}

/** An organisational goal (the roof). */
export interface ModelGoal {
  id: string
  code: string
  name: string
  description: string | null
  origin: Origin
  core: BlockRef | null
  kpis: ModelKpi[]
}

/** Process data (the foundation). */
export interface ModelProcessIndicator {
  id: string
  code: string
  name: string
  description: string | null
  unit: ProcessUnit
  dataSource: string | null
  origin: Origin
  core: BlockRef | null
}

/** One version of an organisation's measurement model. */
export interface MeasurementModel {
  id: string
  organisationId: string
  version: number
  status: ModelStatus
  name: string
  template: { id: string; version: number }
  basedOnId: string | null
  createdAt: Date
  publishedAt: Date | null
  goals: ModelGoal[]
  processIndicators: ModelProcessIndicator[]
}

/** Every driver of a model, with the KPI it explains. */
export function allDrivers(model: MeasurementModel): ModelDriver[] {
  return model.goals.flatMap((g) => g.kpis.flatMap((k) => k.drivers))
}

/** Every KPI of a model. */
export function allKpis(model: MeasurementModel): ModelKpi[] {
  return model.goals.flatMap((g) => g.kpis)
}
