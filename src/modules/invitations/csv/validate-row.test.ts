import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mapContactHeader } from './columns.ts'
import { validateContactRow } from './validate-row.ts'

const lookups = { products: new Set(['paspoort']), channels: new Set(['balie']) }

describe('contact CSV header', () => {
  it('matches Dutch headers however they are written, in any order', () => {
    const { map, problems } = mapContactHeader([
      ' E-mail',
      'MOMENT',
      'zaak_nummer',
      'Kenmerk',
      'telefoonnummer',
      '',
    ])
    assert.deepEqual(problems, [])
    assert.deepEqual(map, { email: 0, occurredAt: 1, caseReference: 2, externalId: 3, phone: 4 })
  })

  it('names unknown and repeated columns and the missing ones', () => {
    const { problems } = mapContactHeader(['naam', 'zaak', 'zaaknummer'])
    assert.deepEqual(
      problems.map((p) => p.column),
      ['naam', 'zaaknummer', 'moment', 'e-mail'],
    )
  })
})

describe('a contact CSV line', () => {
  const { map } = mapContactHeader([
    'e-mail',
    'telefoon',
    'zaak',
    'product',
    'kanaal',
    'moment',
    'taal',
    'kenmerk',
  ])

  it('becomes the use case input, Amsterdam time when no offset is given', () => {
    const checked = validateContactRow(
      [' a@example.nl ', '', 'Z-1', 'paspoort', 'balie', '1-7-2026 9:05', 'EN', 'k-1'],
      2,
      map,
      lookups,
    )
    assert.deepEqual(checked.problems, [])
    assert.deepEqual(checked.row, {
      contact: { email: 'a@example.nl', phone: null },
      caseReference: 'Z-1',
      product: 'paspoort',
      channel: 'balie',
      occurredAt: new Date('2026-07-01T07:05:00Z'),
      language: 'en',
      externalId: 'k-1',
    })
  })

  it('lists every problem of the line with its column', () => {
    const checked = validateContactRow(
      ['', '12', 'Z 1', 'rijbewijs', 'fax', '2026-11-23', 'nederlands', ''],
      7,
      map,
      lookups,
    )
    assert.equal(checked.row, null)
    assert.deepEqual(
      checked.problems.map((p) => `${p.line}:${p.column}`),
      ['7:telefoon', '7:zaak', '7:product', '7:kanaal', '7:moment', '7:taal'],
    )
  })
})
