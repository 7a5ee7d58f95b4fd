import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { cliTestbed } from '../../../../test/cli.ts'
import { standardDefinition } from '../definition/standard.ts'

const bed = cliTestbed('kb-surveys-')

const FIXTURES = path.join(import.meta.dirname, '..', 'import', 'fixtures')

async function surveyCount() {
  const r = await bed.t.services.db
    .selectFrom('survey')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', bed.org.org.id)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

describe('klankbord surveys import', () => {
  it('with --dry-run --json prints the report per question, exits 0 and creates nothing', async () => {
    const before = await surveyCount()
    const r = await bed.klankbord([
      'surveys',
      'import',
      path.join(FIXTURES, 'limesurvey6-publiekszaken.lss'),
      '--organisation',
      bed.org.org.slug,
      '--dry-run',
      '--json',
    ])
    assert.equal(r.code, 0, r.output)
    const report = JSON.parse(r.output)
    assert.equal(report.format, 'limesurvey')
    assert.equal(report.survey, null)
    const outcomes = new Set(report.report.map((x: { outcome: string }) => x.outcome))
    assert.deepEqual([...outcomes].sort(), ['imported', 'mapped', 'skipped'])
    assert.ok(
      report.report
        .filter((x: { outcome: string }) => x.outcome === 'skipped')
        .every((x: { reason?: string }) => (x.reason ?? '').length > 10),
      'every skipped question says why',
    )
    assert.equal(await surveyCount(), before)
  })

  it('imports a SurveyJS file as a draft that is not public yet, and prints the table', async () => {
    const before = await surveyCount()
    const r = await bed.klankbord([
      'surveys',
      'import',
      path.join(FIXTURES, 'surveyjs-klantonderzoek.json'),
      '--organisation',
      bed.org.org.slug,
    ])
    assert.equal(r.code, 0, r.output)
    assert.match(
      r.output,
      /Created ".+" \(surveyjs\) in .+ as a draft: \d+ imported, \d+ mapped to another type, \d+ not imported/,
    )
    assert.match(r.output, /│ skipped/)
    assert.equal(await surveyCount(), before + 1)
    const id = /Survey id ([0-9a-f-]{36})/.exec(r.output)?.[1]
    assert.ok(id)
    const versions = await bed.t.services.db
      .selectFrom('survey_version')
      .select(['version', 'status', 'definition'])
      .where('organisation_id', '=', bed.org.org.id)
      .where('survey_id', '=', id)
      .execute()
    assert.deepEqual(
      versions.map((v) => [v.version, v.status]),
      [[1, 'draft']],
    )
    assert.doesNotMatch(JSON.stringify(versions[0]?.definition), /<script|onerror|javascript:/i)
  })

  it('exports a version as Klankbord JSON that imports again to the same definition', async () => {
    const exported = await bed.klankbord([
      'surveys',
      'export',
      '--organisation',
      bed.org.org.slug,
      '--survey',
      bed.org.survey.id,
    ])
    assert.equal(exported.code, 0, exported.output)
    assert.deepEqual(JSON.parse(exported.output), standardDefinition())
    const again = await bed.klankbord([
      'surveys',
      'import',
      bed.file('export.json', exported.output),
      '--organisation',
      bed.org.org.slug,
      '--json',
    ])
    assert.equal(again.code, 0, again.output)
    const report = JSON.parse(again.output)
    assert.equal(report.format, 'klankbord')
    const stored = await bed.t.services.db
      .selectFrom('survey_version')
      .select('definition')
      .where('organisation_id', '=', bed.org.org.id)
      .where('survey_id', '=', report.survey.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(stored.definition, standardDefinition())
  })

  it('refuses an unreadable or corrupt file with a clear message, exit code 2 and nothing created', async () => {
    const before = await surveyCount()
    const cases: [string, RegExp][] = [
      [path.join(bed.dir, 'missing.json'), /Cannot read .*missing\.json: ENOENT/],
      [bed.file('broken.json', '{"pages": [ {"elements": ['), /JSON/i],
      [bed.file('empty.lss', ''), /empty/i],
      [bed.file('junk.bin', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7])), /not|binary|unknown|recogni/i],
      [bed.file('other.xml', '<?xml version="1.0"?><note><to>Tove</to></note>'), /LimeSurvey/i],
      [
        bed.file(
          'bad-klankbord.json',
          JSON.stringify({ format: 'klankbord.survey/1', title: {}, pages: [] }),
        ),
        /title|pages/,
      ],
    ]
    for (const [p, message] of cases) {
      const r = await bed.klankbord(['surveys', 'import', p, '--organisation', bed.org.org.slug])
      assert.equal(r.code, 2, `${p}: ${r.output}`)
      assert.match(r.output, message, p)
      assert.doesNotMatch(r.output, /\n\s+at /, 'no stack trace')
    }
    assert.equal(await surveyCount(), before)
  })

  it('refuses an unknown organisation with exit code 2', async () => {
    const r = await bed.klankbord([
      'surveys',
      'import',
      path.join(FIXTURES, 'surveyjs-klantonderzoek.json'),
      '--organisation',
      'bestaat-niet',
    ])
    assert.equal(r.code, 2)
    assert.match(r.output, /Organisation "bestaat-niet" does not exist/)
  })
})
