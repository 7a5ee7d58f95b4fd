import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { validateApiKeyForm } from './form.ts'

const TODAY = '2026-11-23'

describe('the form for a new API key', () => {
  it('accepts a name, scopes and no last day, and orders the scopes as the list does', () => {
    assert.deepEqual(
      validateApiKeyForm(
        {
          naam: '  Zaaksysteem   Publiekszaken ',
          rechten: ['responses:read', 'contact-moments:write'],
          verloopt: '',
        },
        TODAY,
      ),
      {
        ok: true,
        input: {
          name: 'Zaaksysteem Publiekszaken',
          scopes: ['contact-moments:write', 'responses:read'],
          lastDay: null,
        },
      },
    )
  })

  it('accepts today and a day within five years as the last day', () => {
    for (const day of [TODAY, '2031-11-21']) {
      const r = validateApiKeyForm({ naam: 'x', rechten: ['surveys:read'], verloopt: day }, TODAY)
      assert.ok(r.ok && r.input.lastDay === day, day)
    }
  })

  it('lists every problem at once, each with its field', () => {
    const r = validateApiKeyForm({ naam: '', rechten: [], verloopt: '2026-11-22' }, TODAY)
    assert.ok(!r.ok)
    assert.deepEqual(
      r.errors.map((e) => e.field),
      ['naam', 'rechten', 'verloopt'],
    )
  })

  it('refuses a name that is too long or holds control characters', () => {
    for (const naam of ['x'.repeat(101), 'a\u0000b']) {
      const r = validateApiKeyForm({ naam, rechten: ['surveys:read'], verloopt: '' }, TODAY)
      assert.ok(!r.ok && r.errors[0]?.field === 'naam', JSON.stringify(naam))
    }
  })

  it('refuses an unknown scope, even next to a known one', () => {
    const r = validateApiKeyForm({ naam: 'x', rechten: ['surveys:read', 'admin:all'], verloopt: '' }, TODAY)
    assert.ok(!r.ok && r.errors[0]?.field === 'rechten')
  })

  it('refuses a date that does not exist, is not a date, or lies more than five years ahead', () => {
    for (const verloopt of ['2027-02-30', '31-12-2027', '2031-11-23']) {
      const r = validateApiKeyForm({ naam: 'x', rechten: ['surveys:read'], verloopt }, TODAY)
      assert.ok(!r.ok && r.errors[0]?.field === 'verloopt', verloopt)
    }
  })
})
