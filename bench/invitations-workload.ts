/**
 * The Klankbord side of the `invitations` benchmark, run as its own process by bench/invitations-run.ts
 * so that its peak memory is its own (with the embedded database's worker thread, which lives in this
 * process) and not that of the benchmark harness.
 *
 * 1. Planning: `count` contact moments through recordContactMoments — the real use case with every rule
 *    of the standard survey's default rule (sampling at 100 %, dedupe per case, opt-out, suppression,
 *    next working day at 10:00 outside quiet hours) — in batches of PLANNING_BATCH_SIZE, as a CSV
 *    upload or an integration would send them. Every moment has its own person and case reference, so
 *    every one is planned; `concurrency` callers at once, each with its own batches.
 * 2. Delivery: deliverDueInvitations at the latest planned send time (so all are due), with the
 *    process's mailer (services.mailer: pooled SMTP to the sink), until nothing is left.
 * 3. Checks: every invitation is `sent`, with a token hash, and none is left claimed.
 * Peak RSS is sampled every 100 ms and read from the kernel (resourceUsage().maxRSS) at the end.
 */

import { sql } from 'kysely'
import { openServices, type Services } from '../src/main/services.ts'
import {
  deliverDueInvitations,
  invitationKey,
  PLANNING_BATCH_SIZE,
  recordContactMoments,
} from '../src/modules/invitations/index.ts'
import { hashLinkToken } from '../src/modules/invitations/tokens.ts'
import { createOrganisation } from '../src/modules/organisations/create-organisation.ts'
import { ensureStandardSurvey } from '../src/modules/surveys/create-standard-survey.ts'
import { dutchWorkingDays } from '../src/platform/calendar/index.ts'
import { loadConfig } from '../src/platform/config.ts'

/** What the parent asks for. */
export interface WorkloadPlan {
  count: number
  /** recordContactMoments calls (batches) in flight at once. */
  concurrency: number
}

/** What the child reports back. */
export interface WorkloadReport {
  count: number
  planned: number
  planSeconds: number
  deliverSeconds: number
  sent: number
  bounced: number
  retrying: number
  invitationsSent: number
  invitationsWithToken: number
  stillClaimed: number
  deliverAt: string
  peakRssMb: number
  sampledPeakRssMb: number
  rssAfterOpenMb: number
  openSeconds: number
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10

/** Plans and delivers `plan.count` invitations on `services`; see the file comment. */
export async function planAndDeliver(
  services: Services,
  plan: WorkloadPlan,
  progress: (line: string) => void = () => undefined,
): Promise<Omit<WorkloadReport, 'peakRssMb' | 'sampledPeakRssMb' | 'rssAfterOpenMb' | 'openSeconds'>> {
  const organisation = await createOrganisation(services.db, {
    slug: `bench-uitnodigingen-${Date.now().toString(36)}`,
    name: 'Gemeente Bench',
  })
  const ctx = { organisationId: organisation.id, actor: { type: 'system' as const } }
  const survey = await ensureStandardSurvey(services.db, ctx)
  const key = await invitationKey(services.db, services.config.SESSION_SECRET)
  const calendar = dutchWorkingDays()
  const now = new Date()
  const run = now.getTime().toString(36)

  let next = 0
  let planned = 0
  let done = 0
  const planStart = performance.now()
  const step = Math.max(1, Math.floor(plan.count / 10))
  let reported = 0
  await Promise.all(
    Array.from({ length: plan.concurrency }, async () => {
      for (;;) {
        const from = next
        if (from >= plan.count) return
        next = Math.min(plan.count, from + PLANNING_BATCH_SIZE)
        const inputs = Array.from({ length: next - from }, (_, j) => ({
          surveyId: survey.id,
          caseReference: `Z-${run}-${from + j}`,
          contact: { email: `inwoner.${from + j}@bench.example` },
          occurredAt: now,
          source: 'api' as const,
        }))
        const outcomes = await recordContactMoments(services.db, ctx, inputs, { key, calendar, now })
        for (const outcome of outcomes) {
          if (outcome instanceof Error) throw outcome
          if (outcome.invitation.status === 'planned') planned += 1
        }
        done += outcomes.length
        if (done - reported >= step) {
          reported = done
          progress(`planned ${done}/${plan.count}`)
        }
      }
    }),
  )
  const planSeconds = (performance.now() - planStart) / 1000

  // The moment every planned invitation is due: the latest send time (all on the next working day).
  const latest = await services.db
    .selectFrom('invitation')
    .select((eb) => eb.fn.max('send_at').as('at'))
    .where('organisation_id', '=', organisation.id)
    .executeTakeFirstOrThrow()
  const deliverAt = new Date(latest.at as Date)
  const deliverStart = performance.now()
  let lastLogged = 0
  const report = await deliverDueInvitations({
    db: services.db,
    config: services.config,
    mailer: services.mailer,
    sms: null,
    key,
    now: deliverAt,
    onBatch: (r) => {
      if (r.sent - lastLogged >= step) {
        lastLogged = r.sent
        progress(`sent ${r.sent}/${plan.count}`)
      }
    },
  })
  const deliverSeconds = (performance.now() - deliverStart) / 1000

  const check = await sql<{ sent: number; with_token: number; claimed: number }>`
    SELECT count(*) FILTER (WHERE status = 'sent') AS sent,
           count(*) FILTER (WHERE status = 'sent' AND token_hash IS NOT NULL AND sent_at IS NOT NULL) AS with_token,
           count(*) FILTER (WHERE claim_id IS NOT NULL OR claimed_until IS NOT NULL) AS claimed
      FROM invitation WHERE organisation_id = ${organisation.id}`.execute(services.db)
  const row = check.rows[0] ?? { sent: 0, with_token: 0, claimed: 0 }
  return {
    count: plan.count,
    planned,
    planSeconds,
    deliverSeconds,
    sent: report.sent,
    bounced: report.bounced,
    retrying: report.retrying,
    invitationsSent: Number(row.sent),
    invitationsWithToken: Number(row.with_token),
    stillClaimed: Number(row.claimed),
    deliverAt: deliverAt.toISOString(),
  }
}

/** How many of these link tokens belong to a sent invitation (the spot check of a mail's link). */
export async function countKnownTokens(services: Services, tokens: string[]): Promise<number> {
  if (tokens.length === 0) return 0
  const rows = await services.db
    .selectFrom('invitation')
    .select('id')
    .where('token_hash', 'in', tokens.map(hashLinkToken))
    .where('status', '=', 'sent')
    .execute()
  return rows.length
}

/** The child process: open services from the environment, run, report over IPC, answer token checks. */
async function main() {
  let peak = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 100)
  const plan = JSON.parse(process.env.KB_BENCH_PLAN ?? '{}') as WorkloadPlan
  const openStart = performance.now()
  const services = await openServices(loadConfig(), { exclusive: true })
  const openSeconds = (performance.now() - openStart) / 1000
  const rssAfterOpenMb = mb(process.memoryUsage.rss())
  try {
    const result = await planAndDeliver(services, plan, (line) => process.send?.({ progress: line }))
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage.rss())
    const report: WorkloadReport = {
      ...result,
      // ru_maxrss is in KiB on Linux: the kernel's high-water mark of the whole process, all threads.
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
      sampledPeakRssMb: mb(peak),
      rssAfterOpenMb,
      openSeconds,
    }
    process.send?.({ report })
    // The parent checks a few links from received mails against the database, then says stop.
    await new Promise<void>((resolve) => {
      process.on('message', async (m: { tokens?: string[]; stop?: boolean }) => {
        if (m.tokens) process.send?.({ known: await countKnownTokens(services, m.tokens) })
        if (m.stop) resolve()
      })
    })
  } finally {
    clearInterval(sampler)
    await services.close()
  }
}

if (process.env.KB_BENCH_WORKLOAD === '1') {
  main().then(
    () => process.exit(0),
    (error) => {
      const message = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
      // Exit only once the parent has the reason.
      if (process.send) process.send(message, () => process.exit(1))
      else process.exit(1)
    },
  )
}
