import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { amsterdamDate, amsterdamToUtc, parseCaseDate } from './dates.ts'

const iso = (text: string) => parseCaseDate(text)?.at.toISOString() ?? null

describe('reading case dates', () => {
  it('reads ISO dates and times without an offset as Amsterdam time (winter +01:00, summer +02:00)', () => {
    assert.equal(iso('2026-01-15'), '2026-01-14T23:00:00.000Z')
    assert.equal(iso('2026-01-15T09:30'), '2026-01-15T08:30:00.000Z')
    assert.equal(iso('2026-07-15 09:30:15'), '2026-07-15T07:30:15.000Z')
    assert.equal(iso('2026-07-15T09:30:15.250'), '2026-07-15T07:30:15.250Z')
  })

  it('uses the offset when the text has one', () => {
    assert.equal(iso('2026-07-15T09:30:00Z'), '2026-07-15T09:30:00.000Z')
    assert.equal(iso('2026-07-15T09:30:00+05:30'), '2026-07-15T04:00:00.000Z')
    assert.equal(iso('2026-07-15T09:30-0100'), '2026-07-15T10:30:00.000Z')
  })

  it('reads Dutch dd-mm-jjjj with and without time, also with single digits as Excel writes them', () => {
    assert.equal(iso('01-03-2026'), '2026-02-28T23:00:00.000Z')
    assert.equal(iso('1-3-2026 9:05'), '2026-03-01T08:05:00.000Z')
    assert.equal(iso('15-07-2026 09:30:15'), '2026-07-15T07:30:15.000Z')
  })

  it('says whether a time was given and gives the Amsterdam calendar day', () => {
    assert.deepEqual(parseCaseDate('2026-03-01'), {
      at: new Date('2026-02-28T23:00:00Z'),
      dateOnly: true,
      localDate: '2026-03-01',
    })
    assert.equal(parseCaseDate('2026-03-01T23:30:00Z')?.localDate, '2026-03-02')
    assert.equal(parseCaseDate('01-03-2026 00:10')?.dateOnly, false)
  })

  it('refuses impossible dates, other formats and typing errors in the year', () => {
    for (const bad of [
      '',
      '2026-02-29',
      '31-04-2026',
      '2026-13-01',
      '2026-01-01T24:00',
      '2026-01-01T10:60',
      '03/01/2026',
      '2026-1-5',
      '0226-01-01',
      '1-3-26',
      'gisteren',
      '2026-01-01T10:00+25',
    ])
      assert.equal(parseCaseDate(bad), null, bad)
    assert.notEqual(parseCaseDate('2028-02-29'), null)
  })

  it('moves a time in the spring-forward gap on by the gap, and takes the first of a repeated autumn hour', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST. 02:30 does not exist and reads as 03:30 CEST.
    assert.equal(amsterdamToUtc(2026, 3, 29, 2, 30).toISOString(), '2026-03-29T01:30:00.000Z')
    assert.equal(amsterdamToUtc(2026, 3, 29, 1, 59).toISOString(), '2026-03-29T00:59:00.000Z')
    assert.equal(amsterdamToUtc(2026, 3, 29, 3, 0).toISOString(), '2026-03-29T01:00:00.000Z')
    // 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice; the first is 00:30 UTC.
    assert.equal(amsterdamToUtc(2026, 10, 25, 2, 30).toISOString(), '2026-10-25T00:30:00.000Z')
    assert.equal(amsterdamToUtc(2026, 10, 25, 3, 0).toISOString(), '2026-10-25T02:00:00.000Z')
  })

  it('turns any instant into Amsterdam wall-clock time and back (property, outside the autumn overlap)', () => {
    const formatter = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 }),
        (seconds) => {
          const at = new Date(seconds * 1000)
          const [date, time] = formatter.format(at).split(' ') as [string, string]
          const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
          const [h, mi, s] = time.split(':').map(Number) as [number, number, number]
          const back = amsterdamToUtc(y, mo, d, h, mi, s)
          // In the repeated hour the first instant is chosen; elsewhere the round trip is exact.
          const diff = at.getTime() - back.getTime()
          assert.ok(
            diff === 0 || diff === 3_600_000,
            `${at.toISOString()} came back as ${back.toISOString()}`,
          )
          assert.equal(amsterdamDate(at), date)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
