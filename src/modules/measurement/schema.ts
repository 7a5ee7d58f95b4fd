/**
 * Tables of the measurement capability: the kern reference tables (global) and the versions of an
 * organisation's model (tenant). They are part of `Database` in src/modules/database.ts.
 */
import type { Generated } from 'kysely'

export type Origin = 'core' | 'local'
export type ModelStatus = 'draft' | 'published'
export type BlockKind = 'goal' | 'kpi' | 'driver' | 'process'
export type ProcessUnit = 'days' | 'count' | 'category' | 'boolean'

interface CoreBlockRef {
  origin: Origin
  core_block_id: string | null
  core_block_version: number | null
}

/** The measurement tables as Kysely sees them. */
export type MeasurementTables = {
  measurement_scale: {
    id: string
    version: number
    kind: 'grade' | 'agreement'
    name_nl: string
    min_value: number
    max_value: number
    dont_know: boolean
  }
  measurement_scale_point: {
    scale_id: string
    scale_version: number
    position: number
    value: string
    label_nl: string
  }
  measurement_block: {
    id: string
    version: number
    kind: BlockKind
    code: string
    name_nl: string
    description_nl: string
    unit: ProcessUnit | null
    data_source: string | null
    sources: string
  }
  measurement_core_question: {
    block_id: string
    block_version: number
    code: string
    position: number
    text_nl: string
    help_nl: string | null
    scale_id: string
    scale_version: number
  }
  measurement_template: { id: string; version: number; name_nl: string; description_nl: string }
  measurement_template_block: {
    template_id: string
    template_version: number
    block_id: string
    block_version: number
    position: number
    parent_block_id: string | null
    in_default: boolean
  }
  measurement_model: {
    organisation_id: string
    id: string
    version: number
    status: ModelStatus
    name: string
    template_id: string
    template_version: number
    based_on_id: string | null
    created_at: Generated<Date>
    published_at: Date | null
  }
  measurement_model_goal: CoreBlockRef & {
    organisation_id: string
    id: string
    model_id: string
    position: number
    code: string
    name_nl: string
    description_nl: string | null
  }
  measurement_model_kpi: CoreBlockRef & {
    organisation_id: string
    id: string
    model_id: string
    goal_id: string
    position: number
    code: string
    name_nl: string
    description_nl: string | null
    text_nl: string
    help_nl: string | null
    scale_id: string
    scale_version: number
    core_question_code: string | null
  }
  measurement_model_driver: CoreBlockRef & {
    organisation_id: string
    id: string
    model_id: string
    kpi_id: string
    position: number
    code: string
    name_nl: string
    description_nl: string | null
  }
  measurement_model_statement: CoreBlockRef & {
    organisation_id: string
    id: string
    model_id: string
    driver_id: string
    position: number
    code: string
    text_nl: string
    help_nl: string | null
    scale_id: string
    scale_version: number
    core_question_code: string | null
  }
  measurement_model_process_indicator: CoreBlockRef & {
    organisation_id: string
    id: string
    model_id: string
    position: number
    code: string
    name_nl: string
    description_nl: string | null
    unit: ProcessUnit
    data_source: string | null
  }
}

/** The database including the measurement tables. */
