import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { dutchWorkingDays } from '../../platform/calendar/index.ts'
import type { Mailer, MailMessage, SendOutcome } from '../../platform/mail/index.ts'
import { createOrganisation } from '../organisations/create-organisation.ts'
import { ensureStandardSurvey } from '../surveys/create-standard-survey.ts'
import { type DeliveryDeps, deliverDueInvitations } from './deliver-due.ts'
import { claimDue } from './delivery/claim.ts'
import { deliveryResult, MAX_DELIVERY_ATTEMPTS } from './delivery/outcome.ts'
import { invitationKey } from './keys.ts'
import { optOut } from './opt-out.ts'
import { recordContactMoment } from './record-contact-moment.ts'

/**
 * Delivery as claim → send → record, against the real database. The mail server is a scripted Mailer
 * so that a test can act while a message is "on its way" (the SMTP path itself is tested end to end in
 * test/http/invitation-flow.test.ts). Each test works on its own month, so what an earlier test left
 * planned has expired (14 days) and is not due any more.
 */
let t: TestDatabase
let key: string
let month = 0

before(async () => {
  t = await createTestDatabase()
  key = await invitationKey(t.services.db, t.services.config.SESSION_SECRET)
})
after(() => t.dispose())

/** A mail server that refuses addresses starting with "bounce" (550) and "later" (451). */
function scriptedMailer(whileSending?: (m: MailMessage) => Promise<void>) {
  const accepted: MailMessage[] = []
  let inFlight = 0
  let maxInFlight = 0
  const mailer: Mailer & { accepted: MailMessage[]; maxInFlight: () => number } = {
    accepted,
    maxInFlight: () => maxInFlight,
    async send(m): Promise<SendOutcome> {
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        await whileSending?.(m)
        if (m.to.startsWith('bounce')) return { ok: false, permanent: true, reason: '550 no such user' }
        if (m.to.startsWith('later')) return { ok: false, permanent: false, reason: '451 try again later' }
        accepted.push(m)
        return { ok: true, id: `<${accepted.length}@test>` }
      } finally {
        inFlight -= 1
      }
    },
    async close() {},
  }
  return mailer
}

/** A new organisation with contact moments for `addresses`, all planned for the same send time. */
async function plan(addresses: string[]) {
  month += 1
  const occurredAt = new Date(Date.UTC(2027, month, 2, 14, 0))
  const org = await createOrganisation(t.services.db, { slug: `deliver-${month}`, name: `Gemeente ${month}` })
  const ctx = { organisationId: org.id, actor: { type: 'system' as const } }
  const survey = await ensureStandardSurvey(t.services.db, ctx)
  const ids: string[] = []
  let sendAt = occurredAt
  for (const [i, email] of addresses.entries()) {
    const r = await recordContactMoment(
      t.services.db,
      ctx,
      {
        surveyId: survey.id,
        caseReference: `Z-${month}-${i}`,
        contact: { email },
        occurredAt,
        source: 'api',
      },
      { key, calendar: dutchWorkingDays(), now: occurredAt },
    )
    assert.equal(r.invitation.status, 'planned')
    ids.push(r.invitation.id)
    sendAt = r.invitation.sendAt as Date
  }
  return { org, ids, sendAt }
}

function deliver(mailer: Mailer, now: Date, extra: Partial<DeliveryDeps> = {}) {
  return deliverDueInvitations({
    db: t.services.db,
    config: { MAIL_FROM: 'Klankbord <noreply@test.example>', publicUrl: 'https://kb.test.example' },
    mailer,
    sms: null,
    key,
    now,
    ...extra,
  })
}

async function rows(organisationId: string) {
  return t.services.db
    .selectFrom('invitation')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute()
}

async function eventTypes(organisationId: string) {
  const events = await t.services.db
    .selectFrom('event')
    .select('type')
    .where('organisation_id', '=', organisationId)
    .where('subject_type', '=', 'invitation')
    .execute()
  return events.map((e) => e.type).sort()
}

const claimOf = (id: string) =>
  t.services.db
    .selectFrom('invitation')
    .select(['id'])
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('claim_id' as never, 'is not', null), eb('claimed_until' as never, 'is not', null)]),
    )
    .executeTakeFirst()

describe('what a send means for the invitation', () => {
  it('retries a temporary failure after 5, 10, 20 and 40 minutes and bounces it on the fifth try', () => {
    const now = new Date('2027-01-04T09:00:00Z')
    const temporary: SendOutcome = { ok: false, permanent: false, reason: '451' }
    const waits = [0, 1, 2, 3].map((attempts) => {
      const r = deliveryResult(temporary, attempts, 'h', now)
      assert.equal(r.kind, 'retry')
      return r.kind === 'retry' ? (r.retryAt.getTime() - now.getTime()) / 60_000 : 0
    })
    assert.deepEqual(waits, [5, 10, 20, 40])
    assert.deepEqual(deliveryResult(temporary, MAX_DELIVERY_ATTEMPTS - 1, 'h', now), {
      kind: 'bounced',
      permanent: false,
      attempts: MAX_DELIVERY_ATTEMPTS,
    })
    assert.deepEqual(deliveryResult({ ok: false, permanent: true, reason: '550' }, 0, 'h', now), {
      kind: 'bounced',
      permanent: true,
      attempts: 1,
    })
    assert.deepEqual(deliveryResult({ ok: true, id: 'x' }, 3, 'h', now), {
      kind: 'delivered',
      tokenHash: 'h',
      attempts: 0,
    })
    assert.deepEqual(deliveryResult(null, 3, 'h', now), { kind: 'released' })
  })
})

describe('delivering due invitations: claim, send, record', () => {
  it('sends outside any transaction: the mail server may read and change the invitation while its mail goes out', async () => {
    const { org, ids, sendAt } = await plan(['a@example.nl', 'b@example.nl'])
    // With the batch's rows locked in an open transaction this update would wait forever (PostgreSQL),
    // or never get the embedded database's one session: the time-out turns that into a failure.
    const mailer = scriptedMailer(async () => {
      const touched = Promise.race([
        t.services.db
          .updateTable('invitation')
          .set((eb) => ({ updated_at: eb.ref('updated_at') }))
          .where('organisation_id', '=', org.id)
          .execute(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('the invitation is locked')), 5000)),
      ])
      await touched
    })
    const report = await deliver(mailer, sendAt)
    assert.deepEqual(report, { sent: 2, reminded: 0, bounced: 0, retrying: 0 })
    for (const row of await rows(org.id)) {
      assert.equal(row.status, 'sent')
      assert.match(row.token_hash ?? '', /^[0-9a-f]{64}$/)
      assert.equal(await claimOf(row.id), undefined, 'the claim is cleared')
    }
    assert.equal(ids.length, 2)
  })

  it('records a mixed batch at once: sent, bounced without the address, a retry after 5 minutes, and their events', async () => {
    const { org, sendAt } = await plan(['ok@example.nl', 'bounce@example.nl', 'later@example.nl'])
    const report = await deliver(scriptedMailer(), sendAt)
    assert.deepEqual(report, { sent: 1, reminded: 0, bounced: 1, retrying: 1 })
    const byAddress = new Map((await rows(org.id)).map((r) => [r.person_hash, r]))
    const all = [...byAddress.values()]
    const sent = all.find((r) => r.status === 'sent')
    const bounced = all.find((r) => r.status === 'bounced')
    const retry = all.find((r) => r.status === 'planned')
    assert.ok(sent && bounced && retry)
    assert.equal(sent.address, 'ok@example.nl')
    assert.equal(sent.attempts, 0)
    assert.equal(bounced.address, null)
    assert.equal(bounced.token_hash, null)
    assert.equal(bounced.remind_at, null)
    assert.equal(bounced.attempts, 1)
    assert.equal(retry.attempts, 1)
    assert.equal(retry.send_at?.getTime(), sendAt.getTime() + 5 * 60_000)
    assert.equal(retry.token_hash, null)
    assert.deepEqual(await eventTypes(org.id), [
      'invitation.bounced',
      'invitation.planned',
      'invitation.planned',
      'invitation.planned',
      'invitation.sent',
    ])
    // Nothing else is due now; five minutes later the retry goes out again (and fails again).
    assert.deepEqual(await deliver(scriptedMailer(), sendAt), {
      sent: 0,
      reminded: 0,
      bounced: 0,
      retrying: 0,
    })
    const later = await deliver(scriptedMailer(), new Date(sendAt.getTime() + 5 * 60_000))
    assert.equal(later.retrying, 1)
  })

  it("leaves a crashed worker's claim alone until its lease runs out, then sends those invitations again", async () => {
    const { org, ids, sendAt } = await plan(['c1@example.nl', 'c2@example.nl'])
    // A worker claims the batch and dies before recording anything.
    const lost = await claimDue(t.services.db, {
      claimId: '01900000-0000-7000-8000-000000000001',
      now: sendAt,
      leaseMs: 10 * 60_000,
      limit: 10,
      reminders: false,
    })
    assert.deepEqual(lost.map((r) => r.id).sort(), [...ids].sort())
    const mailer = scriptedMailer()
    assert.equal((await deliver(mailer, new Date(sendAt.getTime() + 9 * 60_000))).sent, 0)
    assert.equal(mailer.accepted.length, 0, 'nothing is sent while the lease runs')
    const report = await deliver(mailer, new Date(sendAt.getTime() + 10 * 60_000))
    assert.equal(report.sent, 2)
    assert.deepEqual(
      (await rows(org.id)).map((r) => r.status),
      ['sent', 'sent'],
    )
    for (const id of ids) assert.equal(await claimOf(id), undefined)
  })

  it('keeps an opt-out made while the mail was on its way: the invitation stays opted out, without a sent event', async () => {
    const { org, sendAt } = await plan(['snel.weg@example.nl'])
    const mailer = scriptedMailer(async (m) => {
      // The person presses the one-click unsubscribe button of the mail before the batch is recorded.
      const link = /<https:\/\/kb\.test\.example\/afmelden\/([^>]+)>/.exec(
        m.headers?.['List-Unsubscribe'] ?? '',
      )
      assert.ok(link?.[1], 'the mail has a one-click opt-out link')
      assert.ok(await optOut(t.services.db, key, link[1], 'one_click'))
    })
    const report = await deliver(mailer, sendAt)
    assert.deepEqual(report, { sent: 0, reminded: 0, bounced: 0, retrying: 0 })
    const [row] = await rows(org.id)
    assert.equal(row?.status, 'opted_out')
    assert.equal(row?.address, null)
    assert.equal(row?.token_hash, null)
    assert.equal(await claimOf(row?.id as string), undefined)
    assert.deepEqual(await eventTypes(org.id), ['invitation.opted-out', 'invitation.planned'])
  })

  it('streams batches: batches of 3 with 2 sends in flight deliver 7 invitations in 3 claims', async () => {
    const addresses = Array.from({ length: 7 }, (_, i) => `s${i}@example.nl`)
    const { sendAt } = await plan(addresses)
    const mailer = scriptedMailer(() => new Promise((r) => setTimeout(r, 5)))
    const batches: number[] = []
    const report = await deliver(mailer, sendAt, {
      batchSize: 3,
      parallelSends: 2,
      lanes: 1,
      onBatch: (r) => batches.push(r.sent),
    })
    assert.equal(report.sent, 7)
    assert.deepEqual(batches, [3, 6, 7])
    assert.equal(mailer.maxInFlight(), 2)
    assert.deepEqual(mailer.accepted.map((m) => m.to).sort(), [...addresses].sort())
  })

  it('keeps an opened invitation started when its reminder is sent, with a new link', async () => {
    const { org, ids, sendAt } = await plan(['herinnering@example.nl'])
    await deliver(scriptedMailer(), sendAt)
    const id = ids[0] as string
    const [first] = await rows(org.id)
    await t.services.db.updateTable('invitation').set({ status: 'started' }).where('id', '=', id).execute()
    const report = await deliver(scriptedMailer(), first?.remind_at as Date)
    assert.equal(report.reminded, 1)
    const [row] = await rows(org.id)
    assert.equal(row?.status, 'started')
    assert.equal(row?.remind_at, null)
    assert.ok(row?.reminded_at)
    assert.notEqual(row?.token_hash, first?.token_hash)
    assert.ok((await eventTypes(org.id)).includes('invitation.reminded'))
  })

  it("sends with the organisation's sender name and Reply-To when it set them, from MAIL_FROM's address", async () => {
    const { org, sendAt } = await plan(['afzender@example.nl'])
    await sql`INSERT INTO invitation_mail_sender (organisation_id, sender_name, reply_to)
              VALUES (${org.id}, 'Team Vergunningen', 'vergunningen@gemeente.example')`.execute(t.services.db)
    const mailer = scriptedMailer()
    assert.equal((await deliver(mailer, sendAt)).sent, 1)
    const [mail] = mailer.accepted
    assert.equal(mail?.from, '"Team Vergunningen" <noreply@test.example>')
    assert.equal(mail?.headers?.['Reply-To'], 'vergunningen@gemeente.example')
    assert.match(mail?.headers?.['List-Unsubscribe'] ?? '', /\/afmelden\//)
  })

  it('stops starting sends after half the lease and releases the rest untouched for the next run', async () => {
    const addresses = Array.from({ length: 4 }, (_, i) => `traag${i}@example.nl`)
    const { org, sendAt } = await plan(addresses)
    const slow = scriptedMailer(() => new Promise((r) => setTimeout(r, 80)))
    const first = await deliver(slow, sendAt, { leaseMs: 100, parallelSends: 1, lanes: 1 })
    assert.ok(first.sent >= 1 && first.sent < 4, JSON.stringify(first))
    const left = (await rows(org.id)).filter((r) => r.status === 'planned')
    assert.equal(left.length, 4 - first.sent)
    for (const r of left) {
      assert.equal(r.attempts, 0, 'a send that was not tried is not counted')
      assert.equal(r.send_at?.getTime(), sendAt.getTime())
      assert.equal(await claimOf(r.id), undefined)
    }
    const rest = await deliver(scriptedMailer(), sendAt)
    assert.equal(rest.sent, 4 - first.sent)
  })
})
