/** The system client behind an API request with a valid key (`c.var.apiKey`). */
export interface ApiKeyIdentity {
  /** The key's id: the actor id of the audit events it causes. */
  id: string
  name: string
  scopes: string[]
  organisationId: string
  slug: string
  organisationName: string
}
