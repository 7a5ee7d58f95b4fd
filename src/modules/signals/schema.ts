/** Tables of the signals capability (the thin slice: complaints and compliments from the demo). */
import type { Generated } from 'kysely'

export type SignalKind = 'feedback' | 'klacht' | 'compliment' | 'idee' | 'melding' | 'vraag'

export interface SignalTables {
  signal: {
    organisation_id: string
    id: string
    kind: SignalKind
    received_at: Generated<Date>
    channel_id: string | null
    product_id: string | null
    response_id: string | null
    case_id: string | null
    description: string
  }
}
