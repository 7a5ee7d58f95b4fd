/** Tables of the responses capability: one row per response, one typed row per answer. */
import type { Generated } from 'kysely'

export interface ResponseTables {
  response: {
    organisation_id: string
    id: string
    survey_id: string
    survey_version: number
    submitted_at: Generated<Date>
    channel_id: string | null
    product_id: string | null
    case_id: string | null
    case_reference: Generated<string | null>
    submission_key: string | null
  }
  answer: {
    organisation_id: string
    response_id: string
    question_id: string
    numeric_value: number | null
    option_code: string | null
    text_value: string | null
  }
}
