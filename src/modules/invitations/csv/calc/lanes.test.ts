import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { type LaneKeys, lanesOf } from './lanes.ts'

const row = (
  email: string | null,
  phone: string | null = null,
  caseReference: string | null = null,
): LaneKeys => ({
  email,
  phone,
  caseReference,
})

describe('lanes of a batch of contact rows', () => {
  it('keeps rows of one person or one case together, in file order, and others apart', () => {
    const lanes = lanesOf([
      row('a@x.nl', null, 'Z-1'),
      row('b@x.nl', null, 'Z-2'),
      row('c@x.nl', null, 'Z-1'),
      row(null, '+31612345678', 'Z-3'),
      row('c@x.nl', '+31612345678', null),
      row('d@x.nl'),
    ])
    assert.deepEqual(lanes, [[0, 2, 3, 4], [1], [5]])
  })

  it('puts every row in exactly one lane, and any two rows sharing a key in the same lane', () => {
    const key = fc.option(fc.constantFrom('1', '2', '3', '4'), { nil: null })
    fc.assert(
      fc.property(
        fc.array(fc.record({ email: key, phone: key, caseReference: key }), { maxLength: 40 }),
        (rows) => {
          const lanes = lanesOf(rows)
          const laneOf = new Map<number, number>()
          lanes.forEach((lane, l) => {
            assert.deepEqual(
              [...lane].sort((a, b) => a - b),
              lane,
            )
            for (const i of lane) laneOf.set(i, l)
          })
          assert.equal(laneOf.size, rows.length)
          for (let i = 0; i < rows.length; i++)
            for (let j = i + 1; j < rows.length; j++) {
              const a = rows[i] as LaneKeys
              const b = rows[j] as LaneKeys
              const shared =
                (a.email !== null && a.email === b.email) ||
                (a.phone !== null && a.phone === b.phone) ||
                (a.caseReference !== null && a.caseReference === b.caseReference)
              if (shared) assert.equal(laneOf.get(i), laneOf.get(j))
            }
        },
      ),
    )
  })
})
