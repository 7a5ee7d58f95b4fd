import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../../../test/factories.ts'
import { importCases, leadTimeBeside } from '../cases/index.ts'
import { submitResponse } from '../responses/index.ts'
import { loadPublicSurvey } from '../surveys/index.ts'
import { loadOverview } from './overview.ts'

let t: TestDatabase
before(async () => {
  t = await createTestDatabase()
})
after(() => t.dispose())

const KERN_TEXT = 'Welk cijfer geeft u ons voor hoe wij u hebben geholpen?'
const RAPPORTCIJFER = { block: 'kern.rapportcijfer', version: 1 }

/** A one-question survey with a grade question. */
function gradeSurvey(code: string, text: string) {
  return {
    format: 'klankbord.survey/1',
    title: { nl: 'Balie' },
    hidden: [{ code: 'zaak', source: 'case_reference' }],
    pages: [
      { questions: [{ code, type: 'grade', text: { nl: text }, required: true, core: RAPPORTCIJFER }] },
    ],
  }
}

async function organisationWithZaak() {
  const org = await createOrganisationWithStaff(t.services)
  const ctx = { organisationId: org.org.id, actor: { type: 'system' as const } }
  const today = new Date().toISOString().slice(0, 10)
  const report = await importCases(
    t.services.db,
    ctx,
    [
      {
        reference: 'Z-1',
        product: 'paspoort',
        productName: 'Paspoort',
        channel: 'balie',
        start: today,
        end: today,
      },
    ],
    { createProducts: true },
  )
  assert.equal(report.imported, 1, JSON.stringify(report))
  return org
}

async function respond(publicKey: string, answers: Record<string, unknown>, zaak?: string) {
  const survey = await loadPublicSurvey(t.services.db, publicKey)
  await submitResponse(t.services.db, survey, { answers, caseReference: zaak ?? null, strict: true })
}

async function coreOf(organisationId: string, surveyId: string) {
  return t.services.db
    .selectFrom('question')
    .select(['code', 'core_block', 'core_version'])
    .where('organisation_id', '=', organisationId)
    .where('survey_id', '=', surveyId)
    .execute()
}

/** The overview's mean and the lead-time buckets' graded responses, up to a second from now. */
async function kpi(organisationId: string) {
  const now = new Date(Date.now() + 1000)
  const overview = await loadOverview(t.services.db, organisationId, now)
  const lead = await leadTimeBeside(t.services.db, organisationId, new Date(Date.now() - 86_400_000), now)
  return {
    n: overview.grade.n,
    mean: overview.grade.mean,
    besideLeadTime: lead.buckets.reduce((n, b) => n + b.grade.n, 0),
  }
}

describe('the outcome KPI in the overview and beside the doorlooptijd', () => {
  it('counts a KPI question with another code, found by its core link to the rapportcijfer bouwblok', async () => {
    const org = await organisationWithZaak()
    const survey = await createPublishedSurvey(t.services, org.org.id, gradeSurvey('cijfer_balie', KERN_TEXT))
    assert.deepEqual(await coreOf(org.org.id, survey.id), [
      { code: 'cijfer_balie', core_block: 'kern.rapportcijfer', core_version: 1 },
    ])
    await respond(survey.publicKey, { cijfer_balie: 6 })
    await respond(survey.publicKey, { cijfer_balie: 8 }, 'Z-1')
    assert.deepEqual(await kpi(org.org.id), { n: 2, mean: 7, besideLeadTime: 1 })
  })

  it('does not count a changed rapportcijfer question: its link is dropped, it is an eigen vraag', async () => {
    const org = await organisationWithZaak()
    const changed = gradeSurvey('rapportcijfer', 'Welk cijfer geeft u onze balie?')
    const survey = await createPublishedSurvey(t.services, org.org.id, changed)
    assert.deepEqual(
      survey.coreNotices.map((n) => [n.code, n.reason]),
      [['rapportcijfer', 'text']],
    )
    assert.deepEqual(await coreOf(org.org.id, survey.id), [
      { code: 'rapportcijfer', core_block: null, core_version: null },
    ])
    await respond(survey.publicKey, { rapportcijfer: 2 }, 'Z-1')
    // The standard survey's rapportcijfer is the core question and does count.
    await respond(org.survey.publicKey, { rapportcijfer: 9 })
    assert.deepEqual(await kpi(org.org.id), { n: 1, mean: 9, besideLeadTime: 0 })
  })

  it('still counts rows published before core links: an unlinked grade coded rapportcijfer with the core wording', async () => {
    const org = await organisationWithZaak()
    // Question rows of the first release had no core columns filled.
    await sql`UPDATE question SET core_block = NULL, core_version = NULL
               WHERE organisation_id = ${org.org.id}`.execute(t.services.db)
    await respond(org.survey.publicKey, { rapportcijfer: 5 }, 'Z-1')
    assert.deepEqual(await kpi(org.org.id), { n: 1, mean: 5, besideLeadTime: 1 })
  })
})
