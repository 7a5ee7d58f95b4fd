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
    status: Generated<'partial' | 'complete'>
    language: Generated<string>
    screen_reached: Generated<number>
    resume_token_hash: string | null
    updated_at: Date | null
    /** Hidden-field values without a column of their own (touchpoint, custom). */
    context: unknown
    /** How the response was collected: self, paper, interview or telephony (decision 0016). */
    collection_mode: Generated<'self' | 'paper' | 'interview' | 'telephony'>
  }
  answer: {
    organisation_id: string
    response_id: string
    question_id: string
    /** 0, or the position of a chosen option of a multiple-choice answer. */
    item: Generated<number>
    numeric_value: number | null
    option_code: string | null
    text_value: string | null
    /** The reason chosen with a smiley. */
    detail_code: string | null
    date_value: string | null
  }
  consent: {
    organisation_id: string
    id: string
    response_id: string
    purpose: 'recontact' | 'quoting' | 'panel'
    given: boolean
    /** The statement exactly as shown. */
    statement: string
    language: string
    recorded_at: Generated<Date>
    withdrawn_at: Date | null
  }
}
