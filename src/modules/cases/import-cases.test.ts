import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff } from '../../../test/factories.ts'
import { newId } from '../../platform/db/ids.ts'
import { findCaseId, importCases, loadCase, readCaseRecords } from './index.ts'

let t: TestDatabase
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let other: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  org = await createOrganisationWithStaff(t.services)
  other = await createOrganisationWithStaff(t.services)
  for (const o of [org, other])
    await t.services.db
      .insertInto('product')
      .values([
        { organisation_id: o.org.id, id: newId(), code: 'paspoort', name: 'Paspoort', department_id: null },
        { organisation_id: o.org.id, id: newId(), code: 'rijbewijs', name: 'Rijbewijs', department_id: null },
      ])
      .execute()
})
after(async () => t.dispose())

const ctx = () => ({ organisationId: org.org.id, actor: { type: 'system' as const } })

async function cases(organisationId = org.org.id) {
  return t.services.db
    .selectFrom('service_case')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('reference')
    .execute()
}

async function events(type = 'cases.imported') {
  return t.services.db
    .selectFrom('event')
    .select(['data', 'subject_id'])
    .where('organisation_id', '=', org.org.id)
    .where('type', '=', type)
    .execute()
}

async function countCases(organisationId = org.org.id) {
  return (await cases(organisationId)).length
}

describe('importing zaken', () => {
  it('imports valid rows with Dutch and ISO dates and reports what it did in one event', async () => {
    const before = (await events()).length
    const report = await importCases(t.services.db, ctx(), [
      {
        reference: 'A-1',
        product: 'paspoort',
        channel: 'balie',
        start: '02-03-2026 09:15',
        end: '06-03-2026',
        contacts: '2',
      },
      {
        reference: 'A-2',
        product: 'Rijbewijs',
        channel: 'Telefoon',
        start: '2026-03-02T10:00:00Z',
        end: '',
        contacts: 0,
      },
    ])
    assert.deepEqual(
      { ...report, errors: report.errors.length },
      {
        imported: 2,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        linkedResponses: 0,
        createdProducts: [],
        errors: 0,
        committed: true,
        dryRun: false,
      },
    )
    const rows = await cases()
    const a1 = rows.find((r) => r.reference === 'A-1')
    assert.equal(new Date(a1?.started_at ?? 0).toISOString(), '2026-03-02T08:15:00.000Z')
    assert.equal(new Date(a1?.ended_at ?? 0).toISOString(), '2026-03-05T23:00:00.000Z')
    assert.equal(a1?.contact_count, 2)
    const a2 = rows.find((r) => r.reference === 'A-2')
    assert.equal(a2?.ended_at, null)
    assert.equal(a2?.contact_count, 0)
    const after = await events()
    assert.equal(after.length, before + 1)
    assert.deepEqual(after.at(-1)?.data, {
      imported: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      linkedResponses: 0,
      createdProducts: [],
    })
    assert.equal(after.at(-1)?.subject_id, org.org.id)
  })

  it('upserts by reference: a changed row is updated, an identical row is left alone, and ids stay', async () => {
    const idBefore = await findCaseId(t.services.db, org.org.id, 'A-1')
    const report = await importCases(t.services.db, ctx(), [
      {
        reference: 'A-1',
        product: 'paspoort',
        channel: 'balie',
        start: '02-03-2026 09:15',
        end: '09-03-2026',
        contacts: '3',
      },
      {
        reference: 'A-2',
        product: 'rijbewijs',
        channel: 'telefoon',
        start: '2026-03-02T10:00:00Z',
        contacts: 0,
      },
      { reference: 'A-3', product: 'paspoort', channel: 'website', start: '2026-03-03' },
    ])
    assert.equal(report.imported, 1)
    assert.equal(report.updated, 1)
    assert.equal(report.unchanged, 1)
    assert.equal(await findCaseId(t.services.db, org.org.id, 'A-1'), idBefore)
    const a1 = (await cases()).find((r) => r.reference === 'A-1')
    assert.equal(a1?.contact_count, 3)
    assert.equal(new Date(a1?.ended_at ?? 0).toISOString(), '2026-03-08T23:00:00.000Z')
    // An empty contacts value means the one contact that started the zaak.
    assert.equal((await cases()).find((r) => r.reference === 'A-3')?.contact_count, 1)
  })

  it('checks every row and reports every error with row and column, and writes nothing (all or nothing)', async () => {
    const before = await countCases()
    const eventsBefore = (await events()).length
    const report = await importCases(t.services.db, ctx(), [
      { reference: 'B-1', product: 'paspoort', channel: 'balie', start: '2026-03-01' },
      {
        reference: '',
        product: 'onbekend',
        channel: 'fax',
        start: '31-02-2026',
        end: 'morgen',
        contacts: '-1',
      },
      {
        reference: 'B-3',
        product: 'paspoort',
        channel: 'balie',
        start: '2026-03-05T10:00',
        end: '2026-03-05T09:00',
      },
      { reference: 'B-1', product: 'paspoort', channel: 'balie', start: '2026-03-01', contacts: 1.5 },
      {
        reference: 'B-5',
        product: 'paspoort',
        channel: 'balie',
        start: '2026-03-05 14:00',
        end: '05-03-2026',
      },
    ])
    assert.equal(report.committed, false)
    assert.equal(report.imported, 0)
    assert.equal(report.rejected, 3)
    assert.deepEqual(
      report.errors.map((e) => [e.row, e.field]),
      [
        [2, 'reference'],
        [2, 'product'],
        [2, 'channel'],
        [2, 'start'],
        [2, 'end'],
        [2, 'contacts'],
        [3, 'end'],
        [4, 'reference'],
        [4, 'contacts'],
      ],
    )
    assert.match(
      report.errors[1]?.reason ?? '',
      /Unknown product code "onbekend"\. Known: paspoort, rijbewijs/,
    )
    assert.match(report.errors[7]?.reason ?? '', /also in row 1/)
    assert.equal(await countCases(), before)
    assert.equal((await events()).length, eventsBefore)
  })

  it('imports the valid rows and reports the others when allOrNothing is off', async () => {
    const report = await importCases(
      t.services.db,
      ctx(),
      [
        { reference: 'C-1', product: 'paspoort', channel: 'balie', start: '2026-03-01' },
        { reference: 'C-2', product: 'paspoort', channel: 'fax', start: '2026-03-01' },
      ],
      { allOrNothing: false },
    )
    assert.equal(report.committed, true)
    assert.equal(report.imported, 1)
    assert.equal(report.rejected, 1)
    assert.deepEqual(
      report.errors.map((e) => [e.row, e.field]),
      [[2, 'channel']],
    )
    assert.ok(await findCaseId(t.services.db, org.org.id, 'C-1'))
    assert.equal(await findCaseId(t.services.db, org.org.id, 'C-2'), null)
  })

  it('creates unknown products only when asked, once per code, and names them in the event', async () => {
    const rows = [
      {
        reference: 'D-1',
        product: 'Parkeervergunning',
        productName: 'Parkeervergunning bewoners',
        channel: 'website',
        start: '2026-03-01',
      },
      { reference: 'D-2', product: 'parkeervergunning', channel: 'website', start: '2026-03-02' },
    ]
    const refused = await importCases(t.services.db, ctx(), rows)
    assert.equal(refused.committed, false)
    assert.deepEqual(
      refused.errors.map((e) => e.field),
      ['product', 'product'],
    )
    const report = await importCases(t.services.db, ctx(), rows, { createProducts: true })
    assert.deepEqual(report.createdProducts, ['Parkeervergunning'])
    assert.equal(report.imported, 2)
    const products = await t.services.db
      .selectFrom('product')
      .select(['code', 'name'])
      .where('organisation_id', '=', org.org.id)
      .where('code', 'ilike', 'parkeer%')
      .execute()
    assert.deepEqual(products, [{ code: 'Parkeervergunning', name: 'Parkeervergunning bewoners' }])
    assert.deepEqual((await events()).at(-1)?.data, {
      imported: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      linkedResponses: 0,
      createdProducts: ['Parkeervergunning'],
    })
  })

  it('reports in a dry run exactly what a real run would do, and writes nothing at all', async () => {
    const before = await countCases()
    const eventsBefore = (await events()).length
    const rows = [
      {
        reference: 'A-1',
        product: 'paspoort',
        channel: 'balie',
        start: '02-03-2026 09:15',
        end: '10-03-2026',
        contacts: '3',
      },
      { reference: 'E-1', product: 'nieuw', channel: 'balie', start: '2026-03-01' },
    ]
    const dry = await importCases(t.services.db, ctx(), rows, { dryRun: true, createProducts: true })
    assert.deepEqual([dry.imported, dry.updated, dry.committed, dry.dryRun], [1, 1, false, true])
    assert.deepEqual(dry.createdProducts, ['nieuw'])
    assert.equal(await countCases(), before)
    assert.equal((await events()).length, eventsBefore)
    assert.equal(
      await t.services.db.selectFrom('product').select('id').where('code', '=', 'nieuw').executeTakeFirst(),
      undefined,
    )
    const real = await importCases(t.services.db, ctx(), rows, { createProducts: true })
    assert.deepEqual([real.imported, real.updated, real.committed], [1, 1, true])
  })

  it('writes large imports in batches and keeps other organisations apart', async () => {
    const rows = Array.from({ length: 2_345 }, (_, i) => ({
      reference: `BULK-${String(i).padStart(5, '0')}`,
      product: 'paspoort',
      channel: i % 2 ? 'balie' : 'website',
      start: '2026-02-01T09:00',
      end: `2026-02-${String((i % 27) + 1).padStart(2, '0')}T17:00`,
      contacts: i % 4,
    }))
    const report = await importCases(t.services.db, ctx(), rows, { batchSize: 1000 })
    assert.equal(report.imported, 2_345)
    const again = await importCases(t.services.db, ctx(), rows, { batchSize: 700 })
    assert.deepEqual([again.imported, again.updated, again.unchanged], [0, 0, 2_345])
    // The same references in another organisation are other zaken.
    const mine = await countCases()
    const otherReport = await importCases(
      t.services.db,
      { organisationId: other.org.id, actor: { type: 'system' } },
      rows.slice(0, 10),
    )
    assert.equal(otherReport.imported, 10)
    assert.equal(await countCases(), mine)
    assert.equal(await countCases(other.org.id), 10)
  })

  it('stores a reference with quotes, commas, braces and backslashes exactly (array parameters)', async () => {
    const reference = 'Z "2026" {a,b} \\x; é'
    const report = await importCases(t.services.db, ctx(), [
      { reference, product: 'paspoort', channel: 'balie', start: '2026-03-01' },
    ])
    assert.equal(report.imported, 1)
    assert.ok(await findCaseId(t.services.db, org.org.id, reference))
  })

  it('reads a Dutch Excel CSV file and imports it with spreadsheet row numbers in errors', async () => {
    const csv =
      '\uFEFFZaaknummer;Product;Kanaal;Startdatum;Einddatum;Aantal contacten;Opmerking\r\n' +
      'F-1;paspoort;balie;02-03-2026 09:15;04-03-2026 11:00;2;"eerste; met ""quotes"""\r\n' +
      '\r\n' +
      'F-2;paspoort;fax;02-03-2026;;1;\r\n'
    const rows = await readCaseRecords([new TextEncoder().encode(csv)])
    const report = await importCases(t.services.db, ctx(), rows)
    assert.deepEqual(
      report.errors.map((e) => [e.row, e.field]),
      [[4, 'channel']],
    )
  })
})

describe('finding and showing a zaak', () => {
  it('finds a zaak id by reference within the organisation only, trimming spaces', async () => {
    const id = await findCaseId(t.services.db, org.org.id, ' A-1 ')
    assert.ok(id)
    assert.equal(await findCaseId(t.services.db, other.org.id, 'A-1'), null)
    assert.equal(await findCaseId(t.services.db, org.org.id, 'nope'), null)
  })

  it('shows a zaak with doorlooptijd and the ids of its responses', async () => {
    const caseId = (await findCaseId(t.services.db, org.org.id, 'A-1')) as string
    const responseId = newId()
    await t.services.db
      .insertInto('response')
      .values({
        organisation_id: org.org.id,
        id: responseId,
        survey_id: org.survey.id,
        survey_version: org.survey.version,
        channel_id: null,
        product_id: null,
        case_id: caseId,
        submission_key: null,
      })
      .execute()
    const view = await loadCase(t.services.db, org.org.id, 'A-1')
    assert.deepEqual(view, {
      reference: 'A-1',
      product: { code: 'paspoort', name: 'Paspoort' },
      channel: { code: 'balie', name: 'Balie' },
      startedAt: '2026-03-02T08:15:00.000Z',
      endedAt: '2026-03-09T23:00:00.000Z',
      contacts: 3,
      leadTimeDays: 8,
      responseIds: [responseId],
    })
    assert.equal(await loadCase(t.services.db, other.org.id, 'A-1'), null)
  })

  it('has an index that serves the responses of a zaak', async () => {
    const r = await sql<{ indexdef: string }>`
      SELECT indexdef FROM pg_indexes WHERE indexname = 'response_case_idx'`.execute(t.services.db)
    assert.match(r.rows[0]?.indexdef ?? '', /\(organisation_id, case_id\) WHERE \(case_id IS NOT NULL\)/)
  })
})
