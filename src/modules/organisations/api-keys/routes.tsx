/**
 * Staff pages of API keys (administrators, permission organisation.manage):
 * - GET  /o/:slug/api-sleutels                  the list and the form for a new key
 * - POST /o/:slug/api-sleutels                  make a key; the answer shows its token once
 * - GET  /o/:slug/api-sleutels/:id/intrekken    asks whether to revoke
 * - POST /o/:slug/api-sleutels/:id/intrekken    revokes, back to the list
 */
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { localDateOf } from '../../../platform/calendar/index.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import type { AppEnv } from '../../app-env.ts'
import type { Database } from '../../database.ts'
import { checkCsrf, requireOrganisation, requireStaff } from '../middleware.ts'
import { authorize } from '../policy.ts'
import { type ApiKeyForm, validateApiKeyForm } from './calc/form.ts'
import { createApiKey } from './create-api-key.ts'
import { findApiKey, listApiKeys } from './list-api-keys.ts'
import { ApiKeysPage } from './pages/api-keys-page.tsx'
import { ApiKeyCreatedPage } from './pages/created-page.tsx'
import { RevokeApiKeyPage } from './pages/revoke-page.tsx'
import { revokeApiKey } from './revoke-api-key.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The form fields as posted; `rechten` may repeat, other repeated fields count once. */
function formOf(body: Record<string, string | File | (string | File)[]>): ApiKeyForm {
  const all = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v])
  const one = (v: unknown) => {
    const first = all(v)[0]
    return typeof first === 'string' ? first : ''
  }
  return {
    naam: one(body.naam),
    rechten: all(body.rechten).filter((x): x is string => typeof x === 'string'),
    verloopt: one(body.verloopt),
  }
}

/** Routes of the API-key pages. */
export function apiKeyPages(db: Kysely<Database>, options: { now?: () => Date } = {}) {
  const app = new Hono<AppEnv>()
  const now = () => options.now?.() ?? new Date()

  /** Staff, organisation and permission, in the order every handler checks them. */
  const admin = (c: Parameters<typeof requireStaff>[0]) => {
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorize(org.role, 'organisation.manage')
    return { staff, org }
  }

  app.get('/o/:slug/api-sleutels', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const { staff, org } = admin(c)
    return c.html(
      <ApiKeysPage
        organisation={org}
        staff={staff}
        keys={await listApiKeys(db, org.id)}
        now={now()}
        revoked={c.req.query('ingetrokken') === '1'}
      />,
    )
  })

  app.post('/o/:slug/api-sleutels', async (c) => {
    const staff = requireStaff(c)
    const body = await c.req.parseBody({ all: true })
    checkCsrf(staff, typeof body._csrf === 'string' ? body._csrf : undefined)
    const { org } = admin(c)
    const form = formOf(body)
    const result = validateApiKeyForm(form, localDateOf(now()))
    if (!result.ok) {
      const keys = await listApiKeys(db, org.id)
      return c.html(
        <ApiKeysPage
          organisation={org}
          staff={staff}
          keys={keys}
          now={now()}
          form={form}
          errors={result.errors}
        />,
        400,
      )
    }
    const created = await createApiKey(
      db,
      {
        organisationId: org.id,
        actor: { type: 'account', id: staff.accountId },
        requestId: c.get('requestId'),
      },
      result.input,
    )
    // The token is in this answer only: no browser or proxy may keep a copy.
    c.header('Cache-Control', 'no-store')
    return c.html(
      <ApiKeyCreatedPage
        organisation={org}
        staff={staff}
        name={result.input.name}
        scopes={result.input.scopes}
        token={created.token}
        expiresAt={created.expiresAt}
      />,
      201,
    )
  })

  app.get('/o/:slug/api-sleutels/:id/intrekken', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const id = c.req.param('id')
    const { staff, org } = admin(c)
    const key = UUID.test(id) ? await findApiKey(db, org.id, id) : undefined
    if (!key) throw new NotFoundError('Deze API-sleutel bestaat niet.')
    return c.html(<RevokeApiKeyPage organisation={org} staff={staff} apiKey={key} />)
  })

  app.post('/o/:slug/api-sleutels/:id/intrekken', async (c) => {
    const staff = requireStaff(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, typeof body._csrf === 'string' ? body._csrf : undefined)
    const { org } = admin(c)
    const id = c.req.param('id')
    if (!UUID.test(id)) throw new NotFoundError('Deze API-sleutel bestaat niet.')
    await revokeApiKey(
      db,
      {
        organisationId: org.id,
        actor: { type: 'account', id: staff.accountId },
        requestId: c.get('requestId'),
      },
      id,
    )
    return c.redirect(`/o/${org.slug}/api-sleutels?ingetrokken=1`, 303)
  })

  return app
}
