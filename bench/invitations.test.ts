import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkSample, runInvitations } from './invitations-run.ts'

/**
 * The invitations benchmark's own correctness, on 500 invitations through the same code path and the
 * same processes (sink, migrate, workload) as the full run. Its speed is not asserted (ARCHITECTURE §6).
 * On PostgreSQL when DATABASE_URL is set, like the benchmark.
 */
describe('the invitations benchmark', () => {
  it('plans and delivers 500 invitations to the SMTP sink, checked by count, recipients and sampled links', async () => {
    const lines: string[] = []
    const r = await runInvitations({
      count: 500,
      concurrency: 4,
      databaseUrl: process.env.DATABASE_URL || null,
      log: (line) => lines.push(line),
    })
    assert.equal(r.planned, 500)
    assert.equal(r.sent, 500)
    assert.equal(r.invitationsSent, 500)
    assert.equal(r.sinkMessages, 500)
    assert.equal(r.sinkDistinctRecipients, 500)
    assert.ok(r.samplesChecked >= 2, `checked ${r.samplesChecked} sampled mails`)
    assert.equal(r.stillClaimed, 0)
    assert.ok(r.peakRssMb > 0 && r.peakRssMb >= r.rssAfterOpenMb, JSON.stringify(r))
    assert.ok(r.planSeconds > 0 && r.deliverSeconds > 0)
    assert.equal(r.database, process.env.DATABASE_URL ? 'postgresql' : 'pglite')
    assert.ok(
      lines.some((l) => /^sent \d+\/500$/.test(l)),
      lines.join('\n'),
    )
  })

  it('refuses a sampled mail without the opt-out header or the survey link', () => {
    const good = [
      'List-Unsubscribe: <https://klankbord.bench.example/afmelden/abc>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      '',
      `Vul in: https://klankbord.bench.example/i/${'a'.repeat(43)}`,
    ].join('\r\n')
    assert.equal(checkSample(good), 'a'.repeat(43))
    assert.throws(() => checkSample(good.replace('List-Unsubscribe-Post', 'X-Other')), /one-click/)
    assert.throws(() => checkSample(good.replace('/afmelden/', '/elders/')), /opt-out/)
    assert.throws(() => checkSample(good.replace('/i/', '/x/')), /survey link/)
  })
})
