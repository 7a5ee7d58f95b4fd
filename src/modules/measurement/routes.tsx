/**
 * Pages of the measurement model (its JSON API is api.ts):
 * - GET  /o/:slug/meetmodel                       the current model as a house, with its structure
 * - POST /o/:slug/meetmodel/concept               start editing (creates or reuses the draft)
 * - GET  /o/:slug/meetmodel/concept               the edit page of the draft
 * - POST /o/:slug/meetmodel/concept/:action       stellingen | stelling | drijfveer | bouwblok | doel | publiceren
 * Handlers: validate → load (scoped to the organisation) → authorize → use case → present.
 */
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { WriteContext } from '../../platform/db/audit.ts'
import { NotFoundError, ValidationError } from '../../platform/errors.ts'
import type { FieldError } from '../../platform/web/layout.tsx'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { checkCsrf, requireOrganisation, requireStaff } from '../organisations/index.ts'
import { addCoreDriver } from './add-core-driver.ts'
import { changeStatementWordings } from './change-statement-wording.ts'
import { createDraft } from './create-draft.ts'
import { addDriver, addGoal, addStatement } from './edit-draft.ts'
import { allDrivers, type MeasurementModel } from './model.ts'
import { DraftPage } from './pages/draft-page.tsx'
import { ModelPage } from './pages/model-page.tsx'
import { authorizeMeasurement, canMeasurement } from './policy.ts'
import { publishDraft } from './publish-draft.ts'
import { findModelId, getCurrentModel, getDraftModel, loadTemplate } from './store.ts'

type Form = Record<string, string>

/** What one form of the edit page does, and which form field each use-case parameter came from. */
interface Action {
  run: (db: Kysely<Database>, ctx: WriteContext, form: Form) => Promise<unknown>
  fieldOf: (param: string, form: Form) => string
}

const statementIds = (form: Form) =>
  Object.keys(form)
    .filter((k) => /^text-[0-9a-f-]{36}$/.test(k))
    .map((k) => k.slice(5))

const ACTIONS: Record<string, Action> = {
  stellingen: {
    run: (db, ctx, f) =>
      changeStatementWordings(db, ctx, {
        changes: statementIds(f).map((id) => ({ statementId: id, text: f[`text-${id}`] })),
      }),
    fieldOf: (p, f) => {
      const i = Number(/^changes\.(\d+)\./.exec(p)?.[1])
      return `text-${statementIds(f)[i] ?? ''}`
    },
  },
  stelling: {
    run: (db, ctx, f) => addStatement(db, ctx, { driverId: f.statement_driver, text: f.statement_text }),
    fieldOf: (p) => (p === 'driverId' ? 'statement_driver' : 'statement_text'),
  },
  drijfveer: {
    run: (db, ctx, f) =>
      addDriver(db, ctx, { kpiId: f.driver_kpi, name: f.driver_name, description: f.driver_description }),
    fieldOf: (p) => ({ kpiId: 'driver_kpi', description: 'driver_description' })[p] ?? 'driver_name',
  },
  bouwblok: {
    run: (db, ctx, f) => addCoreDriver(db, ctx, { blockId: f.block_id }),
    fieldOf: () => 'block_id',
  },
  doel: {
    run: (db, ctx, f) => addGoal(db, ctx, { name: f.goal_name, description: f.goal_description }),
    fieldOf: (p) => (p === 'description' ? 'goal_description' : 'goal_name'),
  },
  publiceren: {
    run: (db, ctx) => publishDraft(db, ctx),
    fieldOf: (p) => (p.startsWith('driver-') ? p : 'publiceren'),
  },
}

async function readForm(c: Context): Promise<Form> {
  const body = await c.req.parseBody()
  const form: Form = {}
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') form[k] = v
  return form
}

/** Optional core drivers of the draft's template that the draft does not hold yet. */
async function optionalBlocks(db: Kysely<Database>, draft: MeasurementModel) {
  const template = await loadTemplate(db, draft.template.id, draft.template.version)
  const present = new Set(allDrivers(draft).flatMap((d) => [d.code, d.core?.blockId]))
  return (template?.blocks ?? [])
    .filter((b) => b.kind === 'driver' && !present.has(b.id) && !present.has(b.code))
    .map((b) => ({ id: b.id, name: b.name_nl }))
}

/** Staff pages of the measurement capability. */
export function measurementPages(db: Kysely<Database>) {
  const app = new Hono<AppEnv>()
  const mdb = db

  /** Staff, organisation and write context of a form post, after the CSRF check and authorization. */
  async function formWrite(c: Context) {
    const staff = requireStaff(c)
    const form = await readForm(c)
    checkCsrf(staff, form._csrf)
    const org = requireOrganisation(c)
    authorizeMeasurement(org.role, 'measurement.edit')
    const ctx: WriteContext = {
      organisationId: org.id,
      actor: { type: 'account', id: staff.accountId },
      requestId: c.get('requestId'),
    }
    return { staff, org, form, ctx }
  }

  app.get('/o/:slug/meetmodel', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorizeMeasurement(org.role, 'measurement.read')
    const current = await getCurrentModel(mdb, org.id)
    const draft = await findModelId(mdb, org.id, 'draft')
    return c.html(
      <ModelPage
        organisation={org}
        staff={staff}
        current={current}
        draft={draft}
        canEdit={canMeasurement(org.role, 'measurement.edit')}
        published={c.req.query('gepubliceerd') === '1'}
      />,
    )
  })

  app.post('/o/:slug/meetmodel/concept', async (c) => {
    const { org, ctx } = await formWrite(c)
    await createDraft(db, ctx)
    return c.redirect(`/o/${org.slug}/meetmodel/concept`, 303)
  })

  app.get('/o/:slug/meetmodel/concept', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorizeMeasurement(org.role, 'measurement.edit')
    const draft = await getDraftModel(mdb, org.id)
    if (!draft) return c.redirect(`/o/${org.slug}/meetmodel`, 303)
    return c.html(
      <DraftPage
        organisation={org}
        staff={staff}
        draft={draft}
        optionalBlocks={await optionalBlocks(db, draft)}
        saved={c.req.query('opgeslagen') === '1'}
      />,
    )
  })

  app.post('/o/:slug/meetmodel/concept/:action', async (c) => {
    const action = ACTIONS[c.req.param('action')]
    if (!action) throw new NotFoundError()
    const { staff, org, form, ctx } = await formWrite(c)
    try {
      await action.run(db, ctx, form)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const draft = await getDraftModel(mdb, org.id)
      if (!draft) throw error
      const errors: FieldError[] = error.invalidParams.map((p) => ({
        field: action.fieldOf(p.name, form),
        message: p.reason,
      }))
      return c.html(
        <DraftPage
          organisation={org}
          staff={staff}
          draft={draft}
          optionalBlocks={await optionalBlocks(db, draft)}
          errors={errors}
          values={form}
        />,
        400,
      )
    }
    return c.req.param('action') === 'publiceren'
      ? c.redirect(`/o/${org.slug}/meetmodel?gepubliceerd=1`, 303)
      : c.redirect(`/o/${org.slug}/meetmodel/concept?opgeslagen=1`, 303)
  })

  return app
}
