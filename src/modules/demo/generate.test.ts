import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import { STANDARD_DRIVERS } from '../surveys/standard-survey.ts'
import { type DemoRecord, type GenerateOptions, generateDemo } from './generate.ts'
import { PII_RATE } from './open-answers.ts'
import { DEMO_PRODUCTS } from './reference.ts'
import { appendCopyLines, BULK_ORDER, type BulkTable, copyLine, type DemoIds, emitRows } from './rows.ts'

const NOW = new Date('2026-11-20T10:00:00Z')

function all(options: GenerateOptions): DemoRecord[] {
  return [...generateDemo(options, 700)].flat()
}

function digest(options: GenerateOptions): string {
  const hash = createHash('sha256')
  for (const slice of generateDemo(options)) for (const r of slice) hash.update(JSON.stringify(r))
  return hash.digest('hex')
}

const FAKE_IDS: DemoIds = {
  organisationId: '00000000-0000-7000-8000-000000000001',
  surveyId: '00000000-0000-7000-8000-000000000002',
  surveyVersion: 1,
  questionIds: Object.fromEntries(
    ['rapportcijfer', ...STANDARD_DRIVERS, 'waarom', 'verbeteren'].map((code, i) => [
      code,
      `00000000-0000-7000-8000-0000000001${i}0`,
    ]),
  ),
  productIds: DEMO_PRODUCTS.map((_, i) => `00000000-0000-7000-8000-00000000020${i.toString(16)}`),
  channelIds: Array.from({ length: 7 }, (_, i) => `00000000-0000-7000-8000-00000000030${i}`),
}

describe('the demo generator', () => {
  it('produces identical records for the same seed, time and size', () => {
    const options = { responses: 3000, seed: 20261123, now: NOW }
    assert.equal(digest(options), digest({ ...options }))
  })

  it('produces different records for another seed and for another stream of the same seed', () => {
    const options = { responses: 3000, seed: 20261123, now: NOW }
    const base = digest(options)
    assert.notEqual(digest({ ...options, seed: 20261124 }), base)
    assert.notEqual(digest({ ...options, stream: 1 }), base)
  })

  it('gives exactly the number of responses asked for, in time order within the 12 months up to now', () => {
    const records = all({ responses: 4321, seed: 5, now: NOW })
    assert.equal(records.length, 4321)
    const start = Date.UTC(2025, 11, 1)
    let previous = start
    for (const r of records) {
      assert.ok(r.submittedAt >= previous, 'chronological')
      previous = r.submittedAt
      assert.ok(r.submittedAt < NOW.getTime())
      assert.ok(
        r.case.startedAt <= r.case.endedAt && r.case.endedAt <= r.submittedAt,
        'case ends before the response',
      )
      assert.ok(r.case.contacts >= 1)
    }
    const months = new Set(records.map((r) => new Date(r.submittedAt).getUTCMonth()))
    assert.equal(months.size, 12)
    assert.equal(new Set(records.map((r) => r.responseId)).size, records.length, 'response ids are unique')
    assert.equal(
      new Set(records.map((r) => r.case.reference)).size,
      records.length,
      'case references are unique',
    )
  })

  it('shows seasonality: WOZ-bezwaar peaks in February–April', () => {
    const records = all({ responses: 20000, seed: 9, now: NOW })
    const woz = DEMO_PRODUCTS.findIndex((p) => p.code === 'woz-bezwaar')
    const share = (months: number[]) => {
      const inMonths = records.filter((r) => months.includes(new Date(r.submittedAt).getUTCMonth()))
      return inMonths.filter((r) => r.case.product === woz).length / inMonths.length
    }
    assert.ok(share([1, 2, 3]) > 3 * share([6, 7, 8, 9]), `${share([1, 2, 3])} vs ${share([6, 7, 8, 9])}`)
  })

  it('lands near a mean grade of 7.2 with realistic spread, open answers at ~40% and ~25%, signals at ~1 per 200', () => {
    const records = all({ responses: 20000, seed: 11, now: NOW })
    const grades = records.map((r) => r.experience.grade)
    const mean = grades.reduce((a, b) => a + b, 0) / grades.length
    const sd = Math.sqrt(grades.reduce((a, g) => a + (g - mean) ** 2, 0) / grades.length)
    assert.ok(mean > 7.0 && mean < 7.4, `mean ${mean}`)
    assert.ok(sd > 1.2 && sd < 1.8, `sd ${sd}`)
    assert.ok(grades.some((g) => g <= 3) && grades.some((g) => g === 10))
    const why = records.filter((r) => r.why).length / records.length
    const improve = records.filter((r) => r.improve).length / records.length
    assert.ok(why > 0.37 && why < 0.43, `waarom ${why}`)
    assert.ok(improve > 0.22 && improve < 0.3, `verbeteren ${improve}`)
    const signals = records.filter((r) => r.signal).length
    assert.ok(signals > 20000 / 300 && signals < 20000 / 140, `signals ${signals}`)
    const dontKnow =
      records.flatMap((r) => r.experience.answers).filter((a) => a === null).length / (records.length * 5)
    assert.ok(dontKnow > 0.02 && dontKnow < 0.07, `weet ik niet ${dontKnow}`)
  })

  it('puts personal data in about 2% of open answers, of every kind', () => {
    const answers = all({ responses: 30000, seed: 3, now: NOW }).flatMap((r) =>
      [r.why, r.improve].filter((a) => a !== undefined),
    )
    const withPii = answers.filter((a) => a.pii)
    const rate = withPii.length / answers.length
    assert.ok(Math.abs(rate - PII_RATE) < 0.006, `rate ${rate}`)
    assert.deepEqual(new Set(withPii.map((a) => a.pii?.kind)), new Set(['email', 'phone', 'bsn', 'name']))
    for (const a of withPii)
      assert.ok(a.text.includes(a.pii?.value as string), 'the injected value is in the text')
    assert.ok(withPii.some((a) => /mijn naam is/i.test(a.text)))
    assert.ok(withPii.some((a) => /\b06-\d{8}\b|\+31 6 \d{4} \d{4}/.test(a.text)))
  })

  it('writes open answers that follow the drivers: low snelheid gets waiting complaints', () => {
    const records = all({ responses: 20000, seed: 4, now: NOW }).filter(
      (r) => r.why && r.experience.grade <= 5,
    )
    const k = STANDARD_DRIVERS.indexOf('snelheid')
    const slowest = records.filter((r) =>
      STANDARD_DRIVERS.every(
        (_, j) => (r.experience.latent[k] as number) <= (r.experience.latent[j] as number),
      ),
    )
    const waiting = slowest.filter((r) =>
      /wacht|lang|duurde|teruggebeld|reactie/i.test(r.why?.text ?? ''),
    ).length
    assert.ok(slowest.length > 50)
    assert.ok(waiting / slowest.length > 0.6, `${waiting}/${slowest.length}`)
  })

  it('formats COPY lines exactly as the generic row emitter does', () => {
    for (const record of all({ responses: 2000, seed: 8, now: NOW })) {
      const fast: Record<BulkTable, string[]> = { service_case: [], response: [], answer: [], signal: [] }
      const generic: Record<BulkTable, string[]> = { service_case: [], response: [], answer: [], signal: [] }
      appendCopyLines(record, FAKE_IDS, fast)
      emitRows(record, FAKE_IDS, (table, values) => generic[table].push(copyLine(values)))
      for (const table of BULK_ORDER) assert.deepEqual(fast[table], generic[table])
    }
  })

  it('escapes tabs, newlines and backslashes in COPY text', () => {
    assert.equal(copyLine(['a\tb', 'c\nd\\e', null, 7]), 'a\\tb\tc\\nd\\\\e\t\\N\t7\n')
  })
})
