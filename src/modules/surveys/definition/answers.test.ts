import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { dutchDate, parseAnswer, parseDate } from './answers.ts'
import { Question } from './schema.ts'

const q = (input: Record<string, unknown>) => Question.parse({ code: 'v', text: { nl: 'Vraag?' }, ...input })

describe('answer rules per question type', () => {
  it('accepts each scale only within its own range', () => {
    const cases: [string, number, number][] = [
      ['grade', 1, 10],
      ['ces', 1, 7],
      ['nps', 0, 10],
      ['agreement', 1, 5],
    ]
    for (const [type, min, max] of cases) {
      const question = q({ type })
      for (let n = -1; n <= 11; n++) {
        const ok = !('error' in parseAnswer(question, n, 'nl'))
        assert.equal(ok, n >= min && n <= max, `${type} ${n}`)
      }
      assert.ok('error' in parseAnswer(question, 2.5, 'nl'), `${type} refuses fractions`)
    }
  })

  it('stores "weet ik niet" without a number, and only where it is offered', () => {
    const withDk = parseAnswer(q({ type: 'agreement' }), 'dont_know', 'nl')
    assert.ok(!('error' in withDk))
    assert.deepEqual([withDk.rows[0]?.numericValue, withDk.rows[0]?.optionCode], [null, 'dont_know'])
    assert.ok('error' in parseAnswer(q({ type: 'agreement', dontKnow: false }), 'dont_know', 'nl'))
  })

  it('takes a smiley reason only from the chosen smiley', () => {
    const question = q({
      type: 'smileys',
      reasons: { negative: [{ code: 'wachttijd', text: { nl: 'Wachten' } }] },
    })
    const ok = parseAnswer(question, { value: 'negative', reason: 'wachttijd' }, 'nl')
    assert.ok(!('error' in ok))
    assert.deepEqual(ok.rows[0], {
      item: 0,
      numericValue: 1,
      optionCode: 'negative',
      detailCode: 'wachttijd',
      textValue: null,
      dateValue: null,
    })
    assert.ok('error' in parseAnswer(question, { value: 'positive', reason: 'wachttijd' }, 'nl'))
  })

  it('stores one row per chosen option, in the order of the options, and respects maxChoices', () => {
    const question = q({
      type: 'multiple',
      maxChoices: 2,
      options: ['a', 'b', 'c'].map((c) => ({ code: c, text: { nl: c } })),
    })
    const r = parseAnswer(question, ['c', 'a', 'c'], 'nl')
    assert.ok(!('error' in r))
    assert.deepEqual(
      r.rows.map((x) => [x.item, x.optionCode]),
      [
        [0, 'a'],
        [1, 'c'],
      ],
    )
    assert.ok('error' in parseAnswer(question, ['a', 'b', 'c'], 'nl'))
    assert.ok('error' in parseAnswer(question, ['x'], 'nl'))
  })

  it('records a consent with the statement in the language shown', () => {
    const question = q({ type: 'consent', purpose: 'panel', text: { nl: 'Ik doe mee.', en: 'I join.' } })
    const r = parseAnswer(question, 'no', 'en')
    assert.ok(!('error' in r))
    assert.deepEqual(r.consent, { purpose: 'panel', given: false, statement: 'I join.' })
  })

  it('reads dates as people type them and refuses days that do not exist', () => {
    assert.equal(parseDate('17-3-2026'), '2026-03-17')
    assert.equal(parseDate('2026-03-17'), '2026-03-17')
    assert.equal(parseDate('29-2-2025'), null)
    assert.equal(parseDate('31-4-2026'), null)
    assert.equal(parseDate('gisteren'), null)
    const question = q({ type: 'date', min: '2026-01-01', max: '2026-12-31' })
    assert.ok('error' in parseAnswer(question, '31-12-2025', 'nl'))
  })

  it('turns any real day into an ISO date and back (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10)
          assert.equal(parseDate(dutchDate(iso)), iso)
        },
      ),
    )
  })

  it('cuts nothing from open text but refuses text over the limit, counting characters not bytes', () => {
    const question = q({ type: 'open', maxLength: 3 })
    assert.ok(!('error' in parseAnswer(question, 'één', 'nl')))
    assert.ok('error' in parseAnswer(question, 'eens', 'nl'))
  })
})
