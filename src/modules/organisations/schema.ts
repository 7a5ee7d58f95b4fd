/** Tables of the organisations capability (tenants, accounts, memberships, sessions). */
import type { Generated } from 'kysely'

export type Role = 'admin' | 'analyst' | 'handler' | 'viewer'

export interface OrganisationTables {
  instance_setting: { key: string; value: string }
  organisation: {
    id: string
    slug: string
    name: string
    created_at: Generated<Date>
    /** Design tokens (`--name` → value), see calc/theme.ts; null for the default theme. */
    theme_tokens: unknown
  }
  account: {
    id: string
    email: string
    display_name: string
    password_hash: string
    created_at: Generated<Date>
    disabled_at: Date | null
  }
  membership: { organisation_id: string; account_id: string; role: Role; created_at: Generated<Date> }
  staff_session: {
    id: string
    account_id: string
    csrf_token: string
    created_at: Generated<Date>
    expires_at: Date
    user_agent: string | null
  }
}
