import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { sql } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff } from '../../../test/factories.ts'
import { newId } from '../../platform/db/ids.ts'
import { leadTimeDays } from './calc/lead-time.ts'
import { findCaseId, importCases, leadTimeBeside } from './index.ts'

let t: TestDatabase
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  org = await createOrganisationWithStaff(t.services)
  await t.services.db
    .insertInto('product')
    .values({
      organisation_id: org.org.id,
      id: newId(),
      code: 'paspoort',
      name: 'Paspoort',
      department_id: null,
    })
    .execute()
})
after(async () => t.dispose())

/** A response in March 2026, linked to a zaak (or not), with a rapportcijfer (or not). */
async function respond(reference: string | null, grade: number | null, submittedAt = '2026-03-20T12:00:00Z') {
  const id = newId()
  const caseId = reference ? await findCaseId(t.services.db, org.org.id, reference) : null
  await t.services.db
    .insertInto('response')
    .values({
      organisation_id: org.org.id,
      id,
      survey_id: org.survey.id,
      survey_version: org.survey.version,
      submitted_at: new Date(submittedAt),
      channel_id: null,
      product_id: null,
      case_id: caseId,
      submission_key: null,
    })
    .execute()
  if (grade !== null)
    await t.services.db
      .insertInto('answer')
      .values({
        organisation_id: org.org.id,
        response_id: id,
        question_id: org.survey.questionIds.rapportcijfer as string,
        numeric_value: grade,
        option_code: null,
        text_value: null,
      })
      .execute()
}

describe('doorlooptijd beside the rapportcijfer', () => {
  it('matches a hand-computed summary per bucket, counting open zaken and responses without a zaak apart', async () => {
    const rows = [
      // 0 days (same day), 1 day (23:50 → 00:10 next day), 5 days, 40 days, open.
      { reference: 'S0', start: '02-03-2026 09:00', end: '02-03-2026 17:00' },
      { reference: 'S1', start: '02-03-2026 23:50', end: '03-03-2026 00:10' },
      { reference: 'S5', start: '2026-03-02', end: '2026-03-07' },
      { reference: 'S40', start: '2026-01-01', end: '2026-02-10' },
      { reference: 'OPEN', start: '2026-03-01', end: '' },
    ]
    const report = await importCases(
      t.services.db,
      { organisationId: org.org.id, actor: { type: 'system' } },
      rows.map((r) => ({ ...r, product: 'paspoort', channel: 'balie' })),
    )
    assert.equal(report.imported, 5)
    await respond('S0', 8)
    await respond('S0', 9)
    await respond('S1', 7)
    await respond('S1', null)
    await respond('S5', 6)
    await respond('S5', 8)
    await respond('S40', 4)
    await respond('OPEN', 10)
    await respond(null, 3)
    // Outside the period: not counted.
    await respond('S40', 1, '2026-04-01T00:00:00Z')

    const summary = await leadTimeBeside(
      t.services.db,
      org.org.id,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-04-01T00:00:00Z'),
    )
    assert.deepEqual(
      summary.buckets.map((b) => [b.key, b.responses, b.grade.n, b.grade.mean, b.medianDays]),
      [
        ['0-1', 4, 3, 8, 0.5],
        ['2-7', 2, 2, 7, 5],
        ['8-28', 0, 0, null, null],
        ['29+', 1, 1, 4, 40],
      ],
    )
    assert.ok(Math.abs((summary.buckets[0]?.grade.lower ?? 0) - 5.515862) < 1e-5)
    assert.equal(summary.openCases, 1)
    assert.equal(summary.withoutCase, 1)
  })

  it('counts days in SQL exactly as the calculator does, also around the clock changes (property)', async () => {
    const base = Date.UTC(2026, 2, 20)
    const hour = 3_600_000
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 24 * 240 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        async (startHours, lengthHours) => {
          const start = new Date(base + startHours * hour + 1_800_000)
          const end = new Date(start.getTime() + lengthHours * hour)
          const r = await sql<{ days: number }>`
            SELECT ((${end.toISOString()}::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date
                    - (${start.toISOString()}::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date) AS days`.execute(
            t.services.db,
          )
          assert.equal(
            r.rows[0]?.days,
            leadTimeDays(start, end),
            `${start.toISOString()} → ${end.toISOString()}`,
          )
        },
      ),
      { numRuns: 150 },
    )
  })
})
