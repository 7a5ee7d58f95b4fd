import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { INVITED } from '../record-contact-moment.ts'
import type { InvitationStatus } from '../schema.ts'
import { type DecisionRow, type DecisionState, decideBatch } from './decide-batch.ts'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 10, 23, 9)

/** A stored invitation as the single-row queries see it. */
interface Stored {
  caseKey: string | null
  personHash: string
  status: InvitationStatus
  sendAt: number | null
}

/**
 * The single-row path as a model: each row asks the stored rows the same questions as the SQL in
 * record-contact-moment.ts did one contact moment at a time, then its own invitation is stored.
 */
function oneAtATime(rows: DecisionRow[], stored: Stored[], optedOut: Set<string>): InvitationStatus[] {
  const table = [...stored]
  return rows.map((row) => {
    let status: InvitationStatus = 'planned'
    const invited = (s: Stored) => INVITED.includes(s.status)
    if (!row.sampled) status = 'not_sampled'
    else if (row.caseKey && table.some((s) => s.caseKey === row.caseKey && invited(s))) status = 'duplicate'
    else if (optedOut.has(row.personHash)) status = 'opted_out'
    else if (
      row.suppressionDays > 0 &&
      table.some(
        (s) =>
          s.personHash === row.personHash &&
          invited(s) &&
          s.sendAt !== null &&
          s.sendAt > row.sendAt.getTime() - row.suppressionDays * DAY,
      )
    )
      status = 'suppressed'
    table.push({
      caseKey: row.caseKey,
      personHash: row.personHash,
      status,
      sendAt: status === 'planned' ? row.sendAt.getTime() : null,
    })
    return status
  })
}

/** The state the batch path loads: the same stored rows, reduced to what the decision needs. */
function stateOf(stored: Stored[], optedOut: Set<string>): DecisionState {
  const invitedCases = new Set<string>()
  const latestSendAt = new Map<string, number>()
  for (const s of stored) {
    if (!INVITED.includes(s.status)) continue
    if (s.caseKey) invitedCases.add(s.caseKey)
    if (s.sendAt !== null)
      latestSendAt.set(s.personHash, Math.max(latestSendAt.get(s.personHash) ?? -1, s.sendAt))
  }
  return { invitedCases, optedOut, latestSendAt }
}

// Few persons and cases, so rows meet each other and the stored rows often.
const person = fc.constantFrom('p1', 'p2', 'p3', 'p4')
const caseKey = fc.option(fc.constantFrom('s1:Z-1', 's1:Z-2', 's2:Z-1'), { nil: null })
const when = fc.integer({ min: -40, max: 40 }).map((d) => T0 + d * DAY + (d % 3) * 3_600_000)
const row: fc.Arbitrary<DecisionRow> = fc.record({
  sampled: fc.boolean(),
  caseKey,
  personHash: person,
  sendAt: when.map((t) => new Date(t)),
  suppressionDays: fc.constantFrom(0, 1, 14, 30),
})
const statuses: InvitationStatus[] = [...INVITED, 'not_sampled', 'duplicate', 'suppressed', 'opted_out']
const stored: fc.Arbitrary<Stored> = fc
  .record({ caseKey, personHash: person, status: fc.constantFrom(...statuses), sendAt: when })
  .map((s) => ({ ...s, sendAt: INVITED.includes(s.status) ? s.sendAt : null }))

const at = (iso: string) => new Date(iso)
const plain = (over: Partial<DecisionRow> = {}): DecisionRow => ({
  sampled: true,
  caseKey: null,
  personHash: 'p1',
  sendAt: at('2026-11-24T09:00:00Z'),
  suppressionDays: 30,
  ...over,
})
const empty: DecisionState = { invitedCases: new Set(), optedOut: new Set(), latestSendAt: new Map() }

describe('deciding a batch of contact moments', () => {
  it('plans the first of two rows of one person and suppresses the second', () => {
    assert.deepEqual(decideBatch([plain(), plain()], empty), ['planned', 'suppressed'])
  })

  it('marks a second row of the same survey and case as duplicate, even for another person', () => {
    const rows = [plain({ caseKey: 's:Z-1' }), plain({ caseKey: 's:Z-1', personHash: 'p2' })]
    assert.deepEqual(decideBatch(rows, empty), ['planned', 'duplicate'])
  })

  it('lets a row that was not planned leave no trace for the rows after it', () => {
    const rows = [plain({ sampled: false, caseKey: 's:Z-1' }), plain({ caseKey: 's:Z-1' })]
    assert.deepEqual(decideBatch(rows, empty), ['not_sampled', 'planned'])
  })

  it('applies the order not sampled, duplicate, opted out, suppressed', () => {
    const state: DecisionState = {
      invitedCases: new Set(['s:Z-1']),
      optedOut: new Set(['p1']),
      latestSendAt: new Map([['p1', at('2026-11-20T09:00:00Z').getTime()]]),
    }
    assert.deepEqual(
      decideBatch(
        [
          plain({ sampled: false, caseKey: 's:Z-1' }),
          plain({ caseKey: 's:Z-1' }),
          plain(),
          plain({ personHash: 'p2' }),
        ],
        state,
      ),
      ['not_sampled', 'duplicate', 'opted_out', 'planned'],
    )
  })

  it('suppresses only a send strictly inside the window, and never with 0 days', () => {
    const latest = new Map([['p1', at('2026-11-10T09:00:00Z').getTime()]])
    const state = { ...empty, latestSendAt: latest }
    assert.deepEqual(
      decideBatch(
        [
          plain({ sendAt: at('2026-11-24T09:00:00Z'), suppressionDays: 14 }),
          plain({ personHash: 'p1', sendAt: at('2026-11-24T09:00:00Z'), suppressionDays: 0 }),
        ],
        { ...state, latestSendAt: new Map(latest) },
      ),
      ['planned', 'planned'],
    )
    assert.deepEqual(
      decideBatch([plain({ sendAt: at('2026-11-24T08:59:59Z'), suppressionDays: 14 })], state),
      ['suppressed'],
    )
  })

  it('does not change the state it is given', () => {
    const state: DecisionState = { invitedCases: new Set(), optedOut: new Set(), latestSendAt: new Map() }
    decideBatch([plain({ caseKey: 's:Z-1' })], state)
    assert.equal(state.invitedCases.size, 0)
    assert.equal(state.latestSendAt.size, 0)
  })

  it('decides every batch as recording its rows one at a time would (property)', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.array(stored, { maxLength: 10 }),
        fc.uniqueArray(person, { maxLength: 2 }),
        (rows, before, opted) => {
          const optedOut = new Set(opted)
          assert.deepEqual(decideBatch(rows, stateOf(before, optedOut)), oneAtATime(rows, before, optedOut))
        },
      ),
      { numRuns: 2000 },
    )
  })
})
