/** Tables of the surveys capability, and the reference lists they point at. */
import type { Generated } from 'kysely'
import type { QuestionType } from './definition/schema.ts'

/** The type of a stored question: every type of the definition format. */
export type QuestionKind = QuestionType

export interface SurveyTables {
  department: { organisation_id: string; id: string; code: string; name: string }
  product: { organisation_id: string; id: string; code: string; name: string; department_id: string | null }
  channel: { organisation_id: string; id: string; code: string; name: string }
  service_case: {
    organisation_id: string
    id: string
    reference: string
    product_id: string
    channel_id: string
    started_at: Date
    ended_at: Date | null
    contact_count: number
  }
  survey: {
    organisation_id: string
    id: string
    public_key: string
    title: string
    current_version: Generated<number>
    is_standard: Generated<boolean>
    created_at: Generated<Date>
  }
  question: {
    organisation_id: string
    id: string
    survey_id: string
    survey_version: number
    position: number
    code: string
    kind: QuestionKind
    text_nl: string
    help_nl: string | null
    required: boolean
    max_length: number | null
    driver: string | null
    core_block: string | null
    core_version: number | null
  }
  survey_version: {
    organisation_id: string
    survey_id: string
    version: number
    status: 'draft' | 'published'
    /** The klankbord.survey/1 definition (JSON); answers never live here. */
    definition: unknown
    created_at: Generated<Date>
    updated_at: Generated<Date>
    published_at: Date | null
  }
}
