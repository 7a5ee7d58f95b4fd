/**
 * Use case: load the demo organisation "Gemeente Voorbeeld" with a year of generated, reproducible
 * data (docs/demo-data.md). The organisation, its staff and its standard survey are made through the
 * ordinary use cases; the reference lists and the bulk rows (cases, responses, answers, signals) are
 * written in one transaction together with one `demo.loaded` event.
 */
import type { Services } from '../../main/services.ts'
import { newId } from '../../platform/db/ids.ts'
import { ConflictError, ValidationError } from '../../platform/errors.ts'
import { createDraft, getCurrentModel, publishDraft } from '../measurement/index.ts'
import { addStaffMember, createOrganisation } from '../organisations/index.ts'
import { ensureStandardSurvey } from '../surveys/index.ts'
import { otherTenantsPresent, suspendForeignKeys } from './constraints.ts'
import { generateDemo, periodDays } from './generate.ts'
import { Rng } from './random.ts'
import { DEMO_CHANNELS, DEMO_DEPARTMENTS, DEMO_PRODUCTS } from './reference.ts'
import type { DemoIds } from './rows.ts'
import { type RowCounts, writeRecords } from './write.ts'

/** The demo staff: one account per role, all with DEMO_PASSWORD. */
export const DEMO_STAFF = [
  { local: 'demo', displayName: 'Demo Beheerder', role: 'admin' },
  { local: 'analist', displayName: 'Anna Analist', role: 'analyst' },
  { local: 'behandelaar', displayName: 'Bram Behandelaar', role: 'handler' },
  { local: 'kijker', displayName: 'Kim Kijker', role: 'viewer' },
] as const

/** What `loadDemo` takes. */
export interface LoadDemoOptions {
  responses: number
  seed: number
  /** End of the generated year; defaults to the current time. */
  now?: Date
  onProgress?: (done: number, total: number) => void
  /** Organisation slug; default `voorbeeld`. */
  slug?: string
  /** Months of data ending at `now`'s month; default 12. */
  months?: number
  /** Add responses to an existing demo organisation instead of refusing. */
  append?: boolean
}

/** What a load did. */
export interface DemoSummary {
  organisationId: string
  slug: string
  /** Public key of the standard survey (the public link /s/<key>). */
  publicKey: string
  staffEmail: string
  responses: number
  seconds: number
  /** Rows written per bulk table. */
  rows: RowCounts
  appended: boolean
  /** Which independent sequence of the seed this load used (0 for the first load). */
  stream: number
}

/** Name of the demo organisation for a slug. */
export function demoOrganisationName(slug: string): string {
  return slug === 'voorbeeld' ? 'Gemeente Voorbeeld' : `Gemeente Voorbeeld (${slug})`
}

/**
 * Loads the demo organisation; refuses when it exists unless `append` is set, in which case it adds
 * `responses` more on a fresh random stream of the same seed (so references and ids never collide).
 */
export async function loadDemo(services: Services, options: LoadDemoOptions): Promise<DemoSummary> {
  const started = performance.now()
  const slug = options.slug ?? 'voorbeeld'
  const months = options.months ?? 12
  const now = options.now ?? new Date()
  const invalid = []
  if (!Number.isInteger(options.responses) || options.responses < 0)
    invalid.push({ name: 'responses', reason: 'must be a whole number ≥ 0' })
  if (!Number.isInteger(options.seed)) invalid.push({ name: 'seed', reason: 'must be a whole number' })
  if (!Number.isInteger(months) || months < 1 || months > 60)
    invalid.push({ name: 'months', reason: 'must be a whole number from 1 to 60' })
  if (invalid.length > 0) throw new ValidationError(invalid)

  const db = services.db
  const staffEmail = `demo@${slug}.nl`
  const existing = await db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (existing && !options.append) {
    throw new ConflictError(
      `The demo organisation "${slug}" already exists. Use --append to add ${options.responses} more responses, ` +
        'or load it under another slug with --organisation.',
    )
  }
  // Ids and the survey key that the demo controls are drawn from the seed, not from the clock.
  const setupRng = new Rng(options.seed, 0x5eed)
  let organisationId: string
  if (existing) organisationId = existing.id
  else {
    organisationId = (await createOrganisation(db, { slug, name: demoOrganisationName(slug) })).id
    const ctx = { organisationId, actor: { type: 'system' as const } }
    for (const member of DEMO_STAFF) {
      await addStaffMember(db, ctx, {
        email: `${member.local}@${slug}.nl`,
        displayName: member.displayName,
        password: services.config.DEMO_PASSWORD,
        role: member.role,
      })
    }
  }
  const ctx = { organisationId, actor: { type: 'system' as const } }
  // Returns the existing survey on --append; the key is only used when the survey is new.
  const survey = await ensureStandardSurvey(db, ctx, { publicKey: `${slug.slice(0, 50)}-${setupRng.hex(6)}` })
  // The demo organisation measures with the kern template as published version 1 (the house page).
  if (!(await getCurrentModel(db, organisationId))) {
    await createDraft(db, ctx)
    await publishDraft(db, ctx)
  }
  const previousLoads = await db
    .selectFrom('event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('type', '=', 'demo.loaded')
    .executeTakeFirstOrThrow()
  const stream = Number(previousLoads.n)

  const client = await services.database.pool.connect()
  let rows: RowCounts
  try {
    await client.query('BEGIN')
    const { productIds, channelIds } = await ensureReferenceLists(
      client,
      organisationId,
      setupRng,
      periodDays(now, months).start,
    )
    const ids: DemoIds = {
      organisationId,
      surveyId: survey.id,
      surveyVersion: survey.version,
      questionIds: survey.questionIds,
      productIds,
      channelIds,
    }
    // Row-by-row foreign-key checks cost 3× the load itself; skip them when no other tenant is affected.
    const restoreKeys = (await otherTenantsPresent(client, organisationId))
      ? null
      : await suspendForeignKeys(client)
    const slices = generateDemo(
      { responses: options.responses, seed: options.seed, now, months, stream },
      500,
    )
    rows = await writeRecords(client, slices, ids, {
      method: services.database.kind === 'postgresql' ? 'copy' : 'unnest',
      onProgress: (done) => options.onProgress?.(done, options.responses),
    })
    await restoreKeys?.()
    // The bulk rows are demo data; one event records the load as a whole (who, what, how many).
    await client.query(
      `INSERT INTO event (organisation_id, id, type, actor_type, subject_type, subject_id, data)
       VALUES ($1, $2, 'demo.loaded', 'system', 'organisation', $1, $3)`,
      [
        organisationId,
        newId(),
        JSON.stringify({
          seed: options.seed,
          stream,
          months,
          now: now.toISOString(),
          rows,
          foreignKeysSuspended: Boolean(restoreKeys),
        }),
      ],
    )
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
  return {
    organisationId,
    slug,
    publicKey: survey.publicKey,
    staffEmail,
    responses: rows.response,
    seconds: (performance.now() - started) / 1000,
    rows,
    appended: Boolean(existing),
    stream,
  }
}

/**
 * Inserts the departments, products and channels that are missing (by code) and returns the ids in
 * DEMO_PRODUCTS / DEMO_CHANNELS order. Ids of new rows come from the seed, timed at the period start.
 */
async function ensureReferenceLists(
  client: import('pg').PoolClient,
  organisationId: string,
  rng: Rng,
  periodStart: number,
): Promise<{ productIds: string[]; channelIds: string[] }> {
  const departmentIds = await upsertByCode(
    client,
    'department',
    organisationId,
    DEMO_DEPARTMENTS.map((d) => ({ id: rng.uuid7(periodStart), code: d.code, name: d.name })),
  )
  const productIds = await upsertByCode(
    client,
    'product',
    organisationId,
    DEMO_PRODUCTS.map((p) => ({
      id: rng.uuid7(periodStart),
      code: p.code,
      name: p.name,
      department_id: departmentIds.get(p.department) ?? null,
    })),
  )
  const channelIds = await upsertByCode(
    client,
    'channel',
    organisationId,
    DEMO_CHANNELS.map((c) => ({ id: rng.uuid7(periodStart), code: c.code, name: c.name })),
  )
  return {
    productIds: DEMO_PRODUCTS.map((p) => productIds.get(p.code) as string),
    channelIds: DEMO_CHANNELS.map((c) => channelIds.get(c.code) as string),
  }
}

async function upsertByCode(
  client: import('pg').PoolClient,
  table: 'department' | 'product' | 'channel',
  organisationId: string,
  rows: { id: string; code: string; name: string; department_id?: string | null }[],
): Promise<Map<string, string>> {
  const withDepartment = table === 'product'
  await client.query(
    `INSERT INTO ${table} (organisation_id, id, code, name${withDepartment ? ', department_id' : ''})
     SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[]${withDepartment ? ', $5::uuid[]' : ''})
     ON CONFLICT (organisation_id, code) DO NOTHING`,
    [
      organisationId,
      rows.map((r) => r.id),
      rows.map((r) => r.code),
      rows.map((r) => r.name),
      ...(withDepartment ? [rows.map((r) => r.department_id ?? null)] : []),
    ],
  )
  const result = await client.query<{ id: string; code: string }>(
    `SELECT id, code FROM ${table} WHERE organisation_id = $1`,
    [organisationId],
  )
  return new Map(result.rows.map((r) => [r.code, r.id]))
}
