import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { ConflictError, ValidationError } from '../../platform/errors.ts'
import { createOrganisation } from '../organisations/index.ts'
import { STANDARD_QUESTIONS } from '../surveys/index.ts'
import { addCoreDriver } from './add-core-driver.ts'
import { changeStatementWording } from './change-statement-wording.ts'
import { createDraft } from './create-draft.ts'
import { addDriver, addGoal, addStatement, localCode } from './edit-draft.ts'
import { KERN_BLOCKS, KERN_SCALES, KERN_TEMPLATE } from './kern-template.ts'
import { allDrivers, allKpis } from './model.ts'
import { publishDraft } from './publish-draft.ts'
import { getCurrentModel, getDraftModel } from './store.ts'

let t: TestDatabase
let n = 0
before(async () => {
  t = await createTestDatabase()
})
after(async () => t.dispose())

async function newOrganisation() {
  n += 1
  const org = await createOrganisation(t.services.db, { slug: `meet-${n}`, name: `Gemeente Meet ${n}` })
  return { org, ctx: { organisationId: org.id, actor: { type: 'system' as const } } }
}

async function events(organisationId: string) {
  return (
    await t.services.db
      .selectFrom('event')
      .select('type')
      .where('organisation_id', '=', organisationId)
      .where('subject_type', '=', 'measurement_model')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute()
  ).map((e) => e.type)
}

function statementByCode(model: Awaited<ReturnType<typeof createDraft>>, code: string) {
  const s = allDrivers(model)
    .flatMap((d) => d.statements)
    .find((x) => x.code === code)
  assert.ok(s, `statement ${code} exists`)
  return s
}

describe('the kern template', () => {
  it('is stored by the migration exactly as kern-template.ts defines it', async () => {
    const db = t.services.db
    const scales = await db.selectFrom('measurement_scale').selectAll().orderBy('id').execute()
    assert.deepEqual(
      scales.map((s) => [s.id, s.version, s.kind, s.name_nl, s.min_value, s.max_value, s.dont_know]),
      [...KERN_SCALES]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((s) => [s.id, s.version, s.kind, s.name, s.min, s.max, s.dontKnow]),
    )
    const points = await db
      .selectFrom('measurement_scale_point')
      .selectAll()
      .orderBy('scale_id')
      .orderBy('position')
      .execute()
    assert.deepEqual(
      points.map((p) => [p.scale_id, p.value, p.label_nl]),
      [...KERN_SCALES]
        .sort((a, b) => a.id.localeCompare(b.id))
        .flatMap((s) => s.points.map((p) => [s.id, p.value, p.label])),
    )
    const blocks = await db.selectFrom('measurement_block').selectAll().execute()
    const questions = await db
      .selectFrom('measurement_core_question')
      .selectAll()
      .orderBy('position')
      .execute()
    assert.equal(blocks.length, KERN_BLOCKS.length)
    for (const b of KERN_BLOCKS) {
      const row = blocks.find((x) => x.id === b.id && x.version === b.version)
      assert.ok(row, `${b.id}@${b.version} is stored`)
      assert.deepEqual(
        [row.kind, row.code, row.name_nl, row.description_nl, row.unit, row.data_source, row.sources],
        [b.kind, b.code, b.name, b.description, b.unit, b.dataSource, b.sources],
      )
      assert.deepEqual(
        questions
          .filter((q) => q.block_id === b.id)
          .map((q) => [q.code, q.text_nl, q.help_nl, q.scale_id, q.scale_version]),
        b.questions.map((q) => [q.code, q.text, q.help, q.scale.id, q.scale.version]),
      )
    }
    const tb = await db.selectFrom('measurement_template_block').selectAll().orderBy('position').execute()
    assert.deepEqual(
      tb.map((x) => [x.template_id, x.block_id, x.block_version, x.parent_block_id, x.in_default]),
      KERN_TEMPLATE.blocks.map((x) => ['kern', x.blockId, x.blockVersion, x.parentBlockId, x.inDefault]),
    )
  })

  it('has a core question for every closed question of the standard survey (rapportcijfer and default drivers)', () => {
    for (const q of STANDARD_QUESTIONS.filter((x) => x.kind !== 'open')) {
      const core = KERN_BLOCKS.flatMap((b) => b.questions).find((c) => c.code === q.code)
      assert.ok(core, `${q.code} is a core question`)
      assert.equal(core.text, q.text, `${q.code} shows the core wording`)
    }
  })
})

describe('an organisation measurement model', () => {
  it('starts as draft version 1 made from kern: goal, KPI, five drivers with core stellingen, four process indicators', async () => {
    const { org, ctx } = await newOrganisation()
    const draft = await createDraft(t.services.db, ctx)
    assert.equal(draft.version, 1)
    assert.equal(draft.status, 'draft')
    assert.deepEqual(draft.template, { id: 'kern', version: 1 })
    assert.deepEqual(
      draft.goals.map((g) => [g.code, g.origin]),
      [['vertrouwen', 'core']],
    )
    assert.deepEqual(
      allKpis(draft).map((k) => k.question.comparabilityKey),
      ['kern.rapportcijfer@1/rapportcijfer~kern.cijfer@1'],
    )
    assert.deepEqual(
      allDrivers(draft).map((d) => d.code),
      ['duidelijkheid', 'snelheid', 'deskundigheid', 'serieus_genomen', 'gemak'],
    )
    assert.equal(statementByCode(draft, 'serieus_genomen').text, 'Ik voelde mij serieus genomen.')
    assert.ok(allDrivers(draft).every((d) => d.statements.every((s) => s.origin === 'core')))
    assert.deepEqual(
      draft.processIndicators.map((p) => p.code),
      ['doorlooptijd', 'contactmomenten', 'kanaal', 'herhaalcontact'],
    )
    assert.equal(await getCurrentModel(t.services.db, org.id), null)
    assert.deepEqual(await events(org.id), ['measurement_model.draft-created'])
  })

  it('returns the same draft when editing starts twice, without a second draft or event', async () => {
    const { org, ctx } = await newOrganisation()
    const a = await createDraft(t.services.db, ctx)
    const b = await createDraft(t.services.db, ctx)
    assert.equal(a.id, b.id)
    assert.deepEqual(await events(org.id), ['measurement_model.draft-created'])
  })

  it('publishes a draft as immutable version 1, and a new draft is version 2 with the same content and new ids', async () => {
    const { org, ctx } = await newOrganisation()
    const draft = await createDraft(t.services.db, ctx)
    const v1 = await publishDraft(t.services.db, ctx)
    assert.equal(v1.id, draft.id)
    assert.equal(v1.version, 1)
    assert.equal(v1.status, 'published')
    assert.ok(v1.publishedAt)
    assert.equal((await getCurrentModel(t.services.db, org.id))?.id, v1.id)
    await assert.rejects(addGoal(t.services.db, ctx, { name: 'Bereikbaar' }), ConflictError)

    const v2 = await createDraft(t.services.db, ctx)
    assert.equal(v2.version, 2)
    assert.equal(v2.basedOnId, v1.id)
    const keys = (m: typeof v1) => allDrivers(m).flatMap((d) => d.statements.map((s) => s.comparabilityKey))
    assert.deepEqual(keys(v2), keys(v1))
    assert.notEqual(statementByCode(v2, 'gemak').id, statementByCode(v1, 'gemak').id)

    await changeStatementWording(t.services.db, ctx, {
      statementId: statementByCode(v2, 'gemak').id,
      text: 'Ik kon alles in één keer regelen.',
    })
    const stillV1 = await getCurrentModel(t.services.db, org.id)
    assert.equal(stillV1?.version, 1)
    assert.equal(statementByCode(stillV1!, 'gemak').text, 'Het was makkelijk om te regelen wat ik wilde.')
    const v2published = await publishDraft(t.services.db, ctx)
    assert.equal(v2published.version, 2)
    assert.equal((await getCurrentModel(t.services.db, org.id))?.version, 2)
  })

  it('refuses any change to a published version in the database itself, even bypassing the use cases', async () => {
    const { ctx } = await newOrganisation()
    await createDraft(t.services.db, ctx)
    const v1 = await publishDraft(t.services.db, ctx)
    const pool = t.services.database.pool
    const statement = statementByCode(v1, 'snelheid')
    await assert.rejects(
      pool.query(
        `UPDATE measurement_model_statement SET text_nl = 'Anders' WHERE organisation_id = $1 AND id = $2`,
        [ctx.organisationId, statement.id],
      ),
      /published/,
    )
    await assert.rejects(
      pool.query(`DELETE FROM measurement_model_statement WHERE organisation_id = $1 AND id = $2`, [
        ctx.organisationId,
        statement.id,
      ]),
      /published/,
    )
    await assert.rejects(
      pool.query(
        `UPDATE measurement_model SET status = 'draft', published_at = NULL WHERE organisation_id = $1 AND id = $2`,
        [ctx.organisationId, v1.id],
      ),
      /published/,
    )
    await assert.rejects(
      pool.query(
        `INSERT INTO measurement_model_goal (organisation_id, id, model_id, position, code, name_nl, origin)
         VALUES ($1, gen_random_uuid(), $2, 9, 'lokaal_x', 'X', 'local')`,
        [ctx.organisationId, v1.id],
      ),
      /published/,
    )
  })

  it('turns a core stelling with changed wording into a local one linked to its core question, and back', async () => {
    const { org, ctx } = await newOrganisation()
    const draft = await createDraft(t.services.db, ctx)
    const core = statementByCode(draft, 'serieus_genomen')
    const changed = await changeStatementWording(t.services.db, ctx, {
      statementId: core.id,
      text: 'Ik voelde mij gehoord.',
    })
    assert.equal(changed.origin, 'local')
    const after = statementByCode((await getDraftModel(t.services.db, org.id))!, 'serieus_genomen')
    assert.equal(after.origin, 'local')
    assert.equal(after.text, 'Ik voelde mij gehoord.')
    assert.deepEqual(after.core, {
      blockId: 'kern.serieus_genomen',
      blockVersion: 1,
      questionCode: 'serieus_genomen',
    })
    assert.notEqual(after.comparabilityKey, core.comparabilityKey)
    assert.match(after.comparabilityKey, /^lokaal:/)

    const back = await changeStatementWording(t.services.db, ctx, {
      statementId: core.id,
      text: 'Ik voelde mij serieus genomen.',
    })
    assert.equal(back.origin, 'core')
    const restored = statementByCode((await getDraftModel(t.services.db, org.id))!, 'serieus_genomen')
    assert.equal(restored.comparabilityKey, core.comparabilityKey)
    assert.deepEqual(await events(org.id), [
      'measurement_model.draft-created',
      'measurement_model.statement-changed',
      'measurement_model.statement-changed',
    ])
  })

  it('adds local goals, drivers and stellingen with lokaal_ codes, each write with its event', async () => {
    const { org, ctx } = await newOrganisation()
    const draft = await createDraft(t.services.db, ctx)
    const kpi = allKpis(draft)[0]
    assert.ok(kpi)
    const goal = await addGoal(t.services.db, ctx, {
      name: 'Bereikbare gemeente',
      description: 'Iedereen kan ons vinden.',
    })
    const driver = await addDriver(t.services.db, ctx, { kpiId: kpi.id, name: 'Bereikbaarheid' })
    const again = await addDriver(t.services.db, ctx, { kpiId: kpi.id, name: 'Bereikbaarheid' })
    const statement = await addStatement(t.services.db, ctx, {
      driverId: driver.id,
      text: 'Ik kon de gemeente makkelijk bereiken.',
    })
    assert.equal(goal.code, 'lokaal_bereikbare_gemeente')
    assert.equal(driver.code, 'lokaal_bereikbaarheid')
    assert.equal(again.code, 'lokaal_bereikbaarheid_2')
    const model = (await getDraftModel(t.services.db, org.id))!
    const pillar = allDrivers(model).find((d) => d.id === driver.id)
    assert.equal(pillar?.origin, 'local')
    assert.deepEqual(
      pillar?.statements.map((s) => [s.id, s.origin, s.core]),
      [[statement.id, 'local', null]],
    )
    assert.equal(model.goals.at(-1)?.name, 'Bereikbare gemeente')
    assert.deepEqual((await events(org.id)).slice(1), [
      'measurement_model.goal-added',
      'measurement_model.driver-added',
      'measurement_model.driver-added',
      'measurement_model.statement-added',
    ])
    // A pillar without a stelling cannot be measured: publishing names it.
    await assert.rejects(publishDraft(t.services.db, ctx), (e: unknown) => {
      assert.ok(e instanceof ValidationError)
      assert.deepEqual(
        e.invalidParams.map((p) => p.name),
        [`driver-${again.id}`],
      )
      return true
    })
  })

  it('lists every invalid field at once and never writes on invalid input', async () => {
    const { org, ctx } = await newOrganisation()
    await createDraft(t.services.db, ctx)
    await assert.rejects(addDriver(t.services.db, ctx, { kpiId: 'nope', name: '' }), (e: unknown) => {
      assert.ok(e instanceof ValidationError)
      assert.deepEqual(e.invalidParams.map((p) => p.name).sort(), ['kpiId', 'name'])
      return true
    })
    const other = await newOrganisation()
    const otherDraft = await createDraft(t.services.db, other.ctx)
    // A KPI of another organisation is not a KPI of this draft.
    await assert.rejects(
      addDriver(t.services.db, ctx, { kpiId: allKpis(otherDraft)[0]?.id, name: 'Bereikbaarheid' }),
      ValidationError,
    )
    assert.deepEqual(await events(org.id), ['measurement_model.draft-created'])
  })

  it('adds an optional core driver from kern once, with its core stelling', async () => {
    const { ctx, org } = await newOrganisation()
    await createDraft(t.services.db, ctx)
    await addCoreDriver(t.services.db, ctx, { blockId: 'kern.meedenken' })
    await assert.rejects(addCoreDriver(t.services.db, ctx, { blockId: 'kern.meedenken' }), ValidationError)
    await assert.rejects(addCoreDriver(t.services.db, ctx, { blockId: 'kern.doorlooptijd' }), ValidationError)
    const model = (await getDraftModel(t.services.db, org.id))!
    const s = statementByCode(model, 'meedenken')
    assert.equal(s.text, 'De medewerker dacht met mij mee.')
    assert.equal(s.comparabilityKey, 'kern.meedenken@1/meedenken~kern.eens5@1')
  })

  it('gives the same core question version on the same scale the same key in different organisations', async () => {
    const a = await newOrganisation()
    const b = await newOrganisation()
    const da = await createDraft(t.services.db, a.ctx)
    const db = await createDraft(t.services.db, b.ctx)
    assert.equal(statementByCode(da, 'gemak').comparabilityKey, statementByCode(db, 'gemak').comparabilityKey)
    // The same local wording in two organisations is still two local questions.
    const la = await addStatement(t.services.db, a.ctx, {
      driverId: allDrivers(da)[0]?.id,
      text: 'Ik begreep de brief.',
    })
    const lb = await addStatement(t.services.db, b.ctx, {
      driverId: allDrivers(db)[0]?.id,
      text: 'Ik begreep de brief.',
    })
    const key = async (org: string, id: string) =>
      allDrivers((await getDraftModel(t.services.db, org))!)
        .flatMap((d) => d.statements)
        .find((s) => s.id === id)?.comparabilityKey
    assert.notEqual(await key(a.org.id, la.id), await key(b.org.id, lb.id))
  })
})

describe('local codes', () => {
  it('are lower-case ASCII with the lokaal_ prefix', () => {
    assert.equal(localCode('Één loket, geen gedoe!'), 'lokaal_een_loket_geen_gedoe')
    assert.equal(localCode('!!!'), 'lokaal_item')
  })
})
