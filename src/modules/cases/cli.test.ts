import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { cliTestbed } from '../../../test/cli.ts'
import { newId } from '../../platform/db/ids.ts'

const bed = cliTestbed('kb-cases-', async ({ t, org }) => {
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

async function caseCount() {
  const r = await bed.t.services.db
    .selectFrom('service_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', bed.org.org.id)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

const excel =
  '\uFEFFZaaknummer;Product;Kanaal;Startdatum;Einddatum;Contactmomenten\r\n' +
  'Z-1;paspoort;balie;02-03-2026 09:15;06-03-2026 16:00;2\r\n' +
  'Z-2;paspoort;telefoon;03-03-2026;;1\r\n'

describe('klankbord cases import', () => {
  it('with --dry-run --json prints the report, exits 0 and writes nothing', async () => {
    const r = await bed.klankbord([
      'cases',
      'import',
      bed.file('dry.csv', excel),
      '--organisation',
      bed.org.org.slug,
      '--dry-run',
      '--json',
    ])
    assert.equal(r.code, 0, r.output)
    const report = JSON.parse(r.output)
    assert.deepEqual([report.imported, report.dryRun, report.committed], [2, true, false])
    assert.equal(await caseCount(), 0)
  })

  it('imports a Dutch Excel CSV file, prints a summary and exits 0', async () => {
    const r = await bed.klankbord([
      'cases',
      'import',
      bed.file('ok.csv', excel),
      '--organisation',
      bed.org.org.slug,
    ])
    assert.equal(r.code, 0, r.output)
    assert.match(r.output, /Imported: 2 new, 0 updated, 0 unchanged\./)
    assert.equal(await caseCount(), 2)
  })

  it('lists every invalid row with its column, exits 1 and creates nothing', async () => {
    const bad = `${excel}Z-3;onbekend;balie;02-03-2026;;1\r\nZ-4;paspoort;fax;31-02-2026;;x\r\n`
    const r = await bed.klankbord([
      'cases',
      'import',
      bed.file('bad.csv', bad),
      '--organisation',
      bed.org.org.slug,
    ])
    assert.equal(r.code, 1, r.output)
    assert.match(r.output, /│ 4\s+│ product\s+│ Unknown product code "onbekend"/)
    assert.match(r.output, /│ 5\s+│ channel/)
    assert.match(r.output, /│ 5\s+│ start/)
    assert.match(r.output, /│ 5\s+│ contacts/)
    assert.match(r.output, /2 rows in .* have errors; nothing was imported\./)
    const json = await bed.klankbord([
      'cases',
      'import',
      path.join(bed.dir, 'bad.csv'),
      '--organisation',
      bed.org.org.slug,
      '--json',
    ])
    assert.equal(json.code, 1)
    assert.equal(JSON.parse(json.output).errors.length, 4)
    assert.equal(await caseCount(), 2)
  })

  it('refuses an unreadable or corrupt file with a clear message, exit code 2 and nothing created', async () => {
    const cases: [string, RegExp][] = [
      [path.join(bed.dir, 'missing.csv'), /Cannot read .*missing\.csv: ENOENT/],
      [
        bed.file('open.csv', `${excel}Z-9;paspoort;balie;"02-03-2026;;1\r\n`),
        /not a usable CSV file\. Line 4: a quoted field is not closed/,
      ],
      [
        bed.file('book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])),
        /spreadsheet workbook.*CSV UTF-8/,
      ],
      [
        bed.file('header.csv', 'zaak;datum\r\nZ-1;02-03-2026\r\n'),
        /missing columns "product", "channel", "start"/,
      ],
      [
        bed.file(
          'latin.csv',
          Buffer.from('zaak;product;kanaal;start\nZ-é;paspoort;balie;02-03-2026\n', 'latin1'),
        ),
        /not valid UTF-8/,
      ],
    ]
    for (const [p, message] of cases) {
      const r = await bed.klankbord(['cases', 'import', p, '--organisation', bed.org.org.slug])
      assert.equal(r.code, 2, `${p}: ${r.output}`)
      assert.match(r.output, message)
      assert.doesNotMatch(r.output, /\n\s+at /, 'no stack trace')
    }
    assert.equal(await caseCount(), 2)
  })

  it('refuses an unknown organisation with exit code 2', async () => {
    const r = await bed.klankbord([
      'cases',
      'import',
      path.join(bed.dir, 'ok.csv'),
      '--organisation',
      'bestaat-niet',
    ])
    assert.equal(r.code, 2)
    assert.match(r.output, /Organisation "bestaat-niet" does not exist/)
  })

  it('reads windows-1252 when asked, and updates existing zaken on a second import', async () => {
    const latin = Buffer.from(
      'zaak;product;kanaal;start;einde;contacten\nZ-1;paspoort;balie;02-03-2026 09:15;07-03-2026;3\nZ-é;paspoort;balie;02-03-2026;;\n',
      'latin1',
    )
    const r = await bed.klankbord([
      'cases',
      'import',
      bed.file('latin2.csv', latin),
      '--organisation',
      bed.org.org.slug,
      '--encoding',
      'windows-1252',
    ])
    assert.equal(r.code, 0, r.output)
    assert.match(r.output, /Imported: 1 new, 1 updated, 0 unchanged/)
    const z = await bed.t.services.db
      .selectFrom('service_case')
      .select('reference')
      .where('organisation_id', '=', bed.org.org.id)
      .where('reference', '=', 'Z-é')
      .executeTakeFirst()
    assert.ok(z)
  })
})
