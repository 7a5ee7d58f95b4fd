/** Tables of the assisted-channels capability (migration 20261123104000). */
import type { Generated } from 'kysely'

export interface AssistedTables {
  /** A paper form that was typed in: its form code may be entered once per survey. */
  paper_form_entry: {
    organisation_id: string
    survey_id: string
    /** The printed form code, normalised (8 characters, the last one a check character). */
    form_code: string
    response_id: string
    entered_at: Generated<Date>
  }
}
