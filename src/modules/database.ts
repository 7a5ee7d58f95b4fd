/** The whole database as Kysely sees it: the union of every capability's tables. */
import type { EventTable } from '../platform/db/audit.ts'
import type { JobTable } from '../platform/jobs/schema.ts'
import type { AssistedTables } from './assisted/schema.ts'
import type { CommonGroundTables } from './common-ground/schema.ts'
import type { InvitationTables } from './invitations/schema.ts'
import type { InvitationSettingsTables } from './invitations/settings/schema.ts'
import type { KioskTables } from './kiosk/schema.ts'
import type { MeasurementTables } from './measurement/schema.ts'
import type { ApiKeyTables } from './organisations/api-keys/schema.ts'
import type { OrganisationTables } from './organisations/schema.ts'
import type { ResponseTables } from './responses/schema.ts'
import type { SignalTables } from './signals/schema.ts'
import type { SurveyTables } from './surveys/schema.ts'

export interface Database
  extends AssistedTables,
    CommonGroundTables,
    OrganisationTables,
    ApiKeyTables,
    SurveyTables,
    ResponseTables,
    SignalTables,
    MeasurementTables,
    InvitationTables,
    InvitationSettingsTables,
    KioskTables {
  event: EventTable
  job: JobTable
  schema_migration: { version: string; name: string; applied_at: Date }
}
