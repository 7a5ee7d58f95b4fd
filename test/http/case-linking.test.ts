import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { importCases } from '../../src/modules/cases/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'

let t: TestDatabase
let server: TestServer
let o: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  o = await createOrganisationWithStaff(t.services)
})
after(async () => {
  await server.close()
  await t.dispose()
})

const ctx = () => ({ organisationId: o.org.id, actor: { type: 'system' as const } })
const zaak = (reference: string) => ({
  reference,
  product: 'paspoort',
  channel: 'balie',
  start: '2026-11-01',
  end: '2026-11-05',
  contacts: 1,
})

async function post(body: unknown) {
  const res = await fetch(`${server.url}/api/v1/surveys/${o.survey.publicKey}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

async function caseOf(responseId: string) {
  const r = await t.services.db
    .selectFrom('response')
    .leftJoin('service_case', (j) =>
      j
        .onRef('service_case.organisation_id', '=', 'response.organisation_id')
        .onRef('service_case.id', '=', 'response.case_id'),
    )
    .select(['response.case_reference', 'service_case.reference'])
    .where('response.organisation_id', '=', o.org.id)
    .where('response.id', '=', responseId)
    .executeTakeFirstOrThrow()
  return r
}

describe('linking responses to zaken by reference', () => {
  it('links a response to a known zaak at intake', async () => {
    const report = await importCases(t.services.db, ctx(), [zaak('Z-100')], { createProducts: true })
    assert.equal(report.imported, 1)
    const { status, body } = await post({ caseReference: 'Z-100', answers: { rapportcijfer: 6 } })
    assert.equal(status, 201)
    assert.deepEqual(await caseOf(body.id), { case_reference: 'Z-100', reference: 'Z-100' })
  })

  it('keeps the reference of a response whose zaak is not known yet and links it when the zaak is imported', async () => {
    const { body } = await post({ caseReference: 'Z-200', answers: { rapportcijfer: 8 } })
    assert.deepEqual(await caseOf(body.id), { case_reference: 'Z-200', reference: null })
    const report = await importCases(t.services.db, ctx(), [zaak('Z-200')], { createProducts: true })
    assert.equal(report.linkedResponses, 1)
    assert.deepEqual(await caseOf(body.id), { case_reference: 'Z-200', reference: 'Z-200' })
  })

  it('carries ?zaak= from the public link through the form', async () => {
    const page = await (await fetch(`${server.url}/s/${o.survey.publicKey}?zaak=Z-100`)).text()
    assert.match(page, /name="_h_zaak" value="Z-100"/)
    const res = await fetch(`${server.url}/s/${o.survey.publicKey}`, {
      method: 'POST',
      body: new URLSearchParams({
        _submission: 'zaak-form-key-000001',
        _h_zaak: 'Z-100',
        rapportcijfer: '7',
      }),
      redirect: 'manual',
    })
    assert.equal(res.status, 303)
    const stored = await t.services.db
      .selectFrom('response')
      .select('id')
      .where('organisation_id', '=', o.org.id)
      .where('submission_key', '=', 'zaak-form-key-000001')
      .executeTakeFirstOrThrow()
    assert.deepEqual(await caseOf(stored.id), { case_reference: 'Z-100', reference: 'Z-100' })
  })

  it('refuses a malformed case reference in the API and ignores one in a link', async () => {
    const { status, body } = await post({ caseReference: '<script>', answers: { rapportcijfer: 7 } })
    assert.equal(status, 400)
    assert.ok(body.invalidParams.some((p: { name: string }) => p.name === 'caseReference'))
    const page = await (await fetch(`${server.url}/s/${o.survey.publicKey}?zaak=%3Cscript%3E`)).text()
    assert.doesNotMatch(page, /name="_h_zaak"/)
  })
})
