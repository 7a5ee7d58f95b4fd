import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isQuiet, outOfQuietHours } from './quiet-hours.ts'

const night = { from: '21:00', to: '08:00' }
const utc = (d: Date) => d.toISOString()

describe('quiet hours', () => {
  it('include the start and exclude the end of a window that wraps midnight', () => {
    // 23 November 2026 is winter time: Amsterdam = UTC + 1.
    assert.equal(isQuiet(new Date('2026-11-23T19:59:00Z'), night), false) // 20:59
    assert.equal(isQuiet(new Date('2026-11-23T20:00:00Z'), night), true) // 21:00
    assert.equal(isQuiet(new Date('2026-11-23T23:30:00Z'), night), true) // 00:30
    assert.equal(isQuiet(new Date('2026-11-24T06:59:00Z'), night), true) // 07:59
    assert.equal(isQuiet(new Date('2026-11-24T07:00:00Z'), night), false) // 08:00
  })

  it('work for a window within one day, and an equal start and end is no window', () => {
    const lunch = { from: '12:00', to: '13:00' }
    assert.equal(isQuiet(new Date('2026-11-23T11:30:00Z'), lunch), true)
    assert.equal(isQuiet(new Date('2026-11-23T12:00:00Z'), lunch), false)
    assert.equal(isQuiet(new Date('2026-11-23T11:00:00Z'), { from: '12:00', to: '12:00' }), false)
  })

  it('move an evening time to the next morning and a night time to the same morning', () => {
    assert.equal(utc(outOfQuietHours(new Date('2026-11-23T21:15:00Z'), night)), '2026-11-24T07:00:00.000Z')
    assert.equal(utc(outOfQuietHours(new Date('2026-11-24T02:00:00Z'), night)), '2026-11-24T07:00:00.000Z')
    assert.equal(utc(outOfQuietHours(new Date('2026-11-23T12:00:00Z'), night)), '2026-11-23T12:00:00.000Z')
    assert.equal(utc(outOfQuietHours(new Date('2026-11-23T21:15:00Z'), null)), '2026-11-23T21:15:00.000Z')
  })

  it('never move backwards in the repeated hour of 25 October 2026', () => {
    const early = { from: '01:00', to: '02:45' }
    // 01:30 UTC is the second 02:30 (winter time); the end is the second 02:45, 01:45 UTC.
    assert.equal(utc(outOfQuietHours(new Date('2026-10-25T01:30:00Z'), early)), '2026-10-25T01:45:00.000Z')
    // 00:30 UTC is the first 02:30 (summer time); the end is the first 02:45.
    assert.equal(utc(outOfQuietHours(new Date('2026-10-25T00:30:00Z'), early)), '2026-10-25T00:45:00.000Z')
  })
})
