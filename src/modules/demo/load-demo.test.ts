import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { getCurrentModel } from '../measurement/index.ts'
import { authenticate } from '../organisations/authenticate.ts'
import { loadDemo } from './load-demo.ts'

const NOW = new Date('2026-11-20T10:00:00Z')

/** A digest of everything a load wrote for one organisation, by codes and seed-derived ids only. */
async function digestOf(t: TestDatabase, slug: string): Promise<string> {
  const r = await t.services.database.pool.query<{ line: string }>(
    `SELECT concat_ws('|', r.id, r.submitted_at, p.code, ch.code, c.id, c.reference, c.started_at, c.ended_at,
                       c.contact_count, q.code, a.numeric_value, a.option_code, a.text_value) AS line
       FROM organisation o
       JOIN response r ON r.organisation_id = o.id
       JOIN service_case c ON c.organisation_id = o.id AND c.id = r.case_id
       JOIN product p ON p.organisation_id = o.id AND p.id = r.product_id
       JOIN channel ch ON ch.organisation_id = o.id AND ch.id = r.channel_id
       JOIN answer a ON a.organisation_id = o.id AND a.response_id = r.id
       JOIN question q ON q.organisation_id = o.id AND q.id = a.question_id
      WHERE o.slug = $1
      ORDER BY r.id, q.position`,
    [slug],
  )
  const s = await t.services.database.pool.query<{ line: string }>(
    `SELECT concat_ws('|', s.id, s.kind, s.received_at, s.case_id, s.description) AS line
       FROM signal s JOIN organisation o ON o.id = s.organisation_id WHERE o.slug = $1 ORDER BY s.id`,
    [slug],
  )
  const hash = createHash('sha256')
  for (const row of [...r.rows, ...s.rows]) hash.update(`${row.line}\n`)
  return hash.digest('hex')
}

describe('loading the demo organisation', () => {
  let t: TestDatabase
  before(async () => {
    t = await createTestDatabase()
  })
  after(async () => {
    await t.dispose()
  })

  it('creates Gemeente Voorbeeld with staff, the standard survey and exactly N responses', async () => {
    const progress: number[] = []
    const summary = await loadDemo(t.services, {
      responses: 300,
      seed: 7,
      now: NOW,
      onProgress: (done) => progress.push(done),
    })
    assert.equal(summary.slug, 'voorbeeld')
    assert.equal(summary.staffEmail, 'demo@voorbeeld.nl')
    assert.equal(summary.responses, 300)
    assert.equal(progress.at(-1), 300)
    const db = t.services.db
    const org = await db
      .selectFrom('organisation')
      .selectAll()
      .where('slug', '=', 'voorbeeld')
      .executeTakeFirstOrThrow()
    assert.equal(org.name, 'Gemeente Voorbeeld')
    assert.equal(org.id, summary.organisationId)

    const accountId = await authenticate(db, 'demo@voorbeeld.nl', t.config.DEMO_PASSWORD)
    assert.ok(accountId, 'the demo staff can log in with DEMO_PASSWORD')
    const roles = await db
      .selectFrom('membership')
      .select('role')
      .where('organisation_id', '=', org.id)
      .execute()
    assert.deepEqual(roles.map((m) => m.role).sort(), ['admin', 'analyst', 'handler', 'viewer'])
    const admin = await db
      .selectFrom('membership')
      .select('role')
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    assert.equal(admin.role, 'admin')

    const survey = await db
      .selectFrom('survey')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow()
    assert.equal(survey.public_key, summary.publicKey)
    assert.equal(survey.is_standard, true)
    const responses = await db
      .selectFrom('response')
      .select(['survey_id', 'case_id', 'product_id', 'channel_id'])
      .where('organisation_id', '=', org.id)
      .execute()
    assert.equal(responses.length, 300)
    assert.ok(responses.every((r) => r.survey_id === survey.id && r.case_id && r.product_id && r.channel_id))
    const cases = await db
      .selectFrom('service_case')
      .select('id')
      .where('organisation_id', '=', org.id)
      .execute()
    assert.equal(cases.length, 300)

    const counts = await db
      .selectFrom('department')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow()
    assert.equal(Number(counts.n), 6)
    const events = await db
      .selectFrom('event')
      .select('type')
      .where('organisation_id', '=', org.id)
      .where('type', '=', 'demo.loaded')
      .execute()
    assert.equal(events.length, 1)
  })

  it('gives the demo organisation the kern measurement model as published version 1', async () => {
    const org = await t.services.db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', 'voorbeeld')
      .executeTakeFirstOrThrow()
    const model = await getCurrentModel(t.services.db, org.id)
    assert.equal(model?.version, 1)
    assert.equal(model?.status, 'published')
  })

  it('stores answers in typed columns: grades 1–10, statements 1–5 or dont_know, open answers as text', async () => {
    const pool = t.services.database.pool
    const r = await pool.query<{
      code: string
      kind: string
      n: number
      numeric: number
      options: string[] | null
      texts: number
      dk: number
      min: number
      max: number
    }>(
      `SELECT q.code, q.kind, count(*)::int AS n, count(a.numeric_value)::int AS numeric,
              array_agg(DISTINCT a.option_code) FILTER (WHERE a.option_code IS NOT NULL) AS options,
              count(a.text_value)::int AS texts, count(*) FILTER (WHERE a.option_code = 'dont_know')::int AS dk, min(a.numeric_value) AS min, max(a.numeric_value) AS max
         FROM answer a JOIN question q ON q.organisation_id = a.organisation_id AND q.id = a.question_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE o.slug = 'voorbeeld' GROUP BY q.code, q.kind`,
    )
    const by = Object.fromEntries(r.rows.map((row) => [row.code, row]))
    assert.equal(by.rapportcijfer?.n, 300)
    assert.equal(by.rapportcijfer?.numeric, 300)
    assert.ok((by.rapportcijfer?.min ?? 0) >= 1 && (by.rapportcijfer?.max ?? 99) <= 10)
    for (const code of ['duidelijkheid', 'snelheid', 'deskundigheid', 'serieus_genomen', 'gemak']) {
      const row = by[code]
      assert.equal(row?.n, 300, code)
      assert.ok((row?.min ?? 0) >= 1 && (row?.max ?? 99) <= 5, code)
      assert.ok(
        (row?.options ?? []).every((o) => o === 'dont_know'),
        code,
      )
      assert.equal(
        (row?.numeric ?? 0) + (row?.dk ?? 0),
        300,
        `${code}: every answer is a number or dont_know`,
      )
    }
    assert.ok((by.waarom?.texts ?? 0) > 60 && by.waarom?.numeric === 0)
    assert.ok((by.verbeteren?.texts ?? 0) > 30)
  })

  it('refuses a second load without --append, and appends N more with it', async () => {
    await assert.rejects(
      loadDemo(t.services, { responses: 10, seed: 7, now: NOW }),
      /already exists.*--append/,
    )
    const summary = await loadDemo(t.services, { responses: 120, seed: 7, now: NOW, append: true })
    assert.equal(summary.appended, true)
    assert.equal(summary.stream, 1)
    const n = await t.services.db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', summary.organisationId)
      .executeTakeFirstOrThrow()
    assert.equal(Number(n.n), 420)
    const accounts = await t.services.db.selectFrom('account').select('email').execute()
    assert.equal(accounts.filter((a) => a.email === 'demo@voorbeeld.nl').length, 1)
  })

  it('writes identical data for the same seed and different data for another seed', async () => {
    await loadDemo(t.services, { responses: 250, seed: 99, now: NOW, slug: 'voorbeeld-a' })
    await loadDemo(t.services, { responses: 250, seed: 99, now: NOW, slug: 'voorbeeld-b' })
    await loadDemo(t.services, { responses: 250, seed: 100, now: NOW, slug: 'voorbeeld-c' })
    const a = await digestOf(t, 'voorbeeld-a')
    assert.equal(await digestOf(t, 'voorbeeld-b'), a)
    assert.notEqual(await digestOf(t, 'voorbeeld-c'), a)
  })

  it('keeps every foreign key after a load that suspended them', async () => {
    const r = await t.services.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_constraint
        WHERE contype = 'f' AND conrelid IN ('service_case'::regclass, 'response'::regclass, 'answer'::regclass, 'signal'::regclass)`,
    )
    assert.equal(r.rows[0]?.n, 12)
  })
})
