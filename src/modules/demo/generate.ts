/**
 * The deterministic generator of the demo data: a stream of simulated survey responses, each with its
 * case (process data), its answers (from the latent model in model.ts), optional open answers and,
 * now and then, a complaint or compliment. Same (seed, stream, now, months, responses) → same records.
 *
 * Records come in chronological order (day by day, sorted within a day), so the seed-derived UUIDv7
 * ids rise like real ones and bulk inserts append to the indexes instead of splitting pages at random.
 * Memory stays bounded: only the day's timestamps and one batch of records are held at a time.
 */
import { drawExperience, type Experience, type ExperienceProfile, experienceProfile } from './model.ts'
import { composeImprove, composeWhy, fillProduct, finishAnswer, type OpenAnswer } from './open-answers.ts'
import { CHANNEL_PHRASES, SIGNAL_TEXTS } from './phrases.ts'
import { Rng } from './random.ts'
import {
  DEMO_CHANNELS,
  DEMO_PRODUCTS,
  type DemoChannel,
  type DemoProduct,
  HOUR_VOLUME,
  MONTH_VOLUME,
  WEEKDAY_VOLUME,
} from './reference.ts'

const DAY_MS = 86_400_000

/** What to generate. */
export interface GenerateOptions {
  responses: number
  seed: number
  /** End of the period; the period starts on the first day of the month `months − 1` months earlier. */
  now: Date
  months?: number
  /** Independent sequence per load of the same seed (0 for the first load, 1 for the first --append …). */
  stream?: number
}

/** One case (zaak) with its process data. Product and channel are indexes into DEMO_PRODUCTS/DEMO_CHANNELS. */
export interface DemoCase {
  id: string
  reference: string
  product: number
  channel: number
  startedAt: number
  endedAt: number
  contacts: number
  durationDays: number
}

/** A complaint or compliment about a case. */
export interface DemoSignal {
  id: string
  kind: 'klacht' | 'compliment'
  receivedAt: number
  description: string
}

/** One simulated respondent: the case, the response and everything answered. */
export interface DemoRecord {
  case: DemoCase
  responseId: string
  submittedAt: number
  experience: Experience
  why?: OpenAnswer
  improve?: OpenAnswer
  signal?: DemoSignal
}

/** Share of responses that fill in "waarom" (the rest leave it empty). */
export const WHY_RATE = 0.4
/** Share filling in "verbeteren", by grade band: unhappy people say more. */
export const IMPROVE_RATE = { low: 0.5, middle: 0.3, high: 0.17 }
/** Chance of a signal about a case, by grade: about 1 per 200 cases overall. */
export const SIGNAL_RATE = { klacht: { grade1to3: 0.05, grade4to5: 0.015, other: 0.0015 }, compliment: 0.01 }

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => {
    sum += w
    out[i] = sum
  })
  return out
}

const HOUR_CUM = cumulative(HOUR_VOLUME)
const MONTH_PRODUCT_CUM = Array.from({ length: 12 }, (_, m) =>
  cumulative(DEMO_PRODUCTS.map((p) => p.share * (p.season?.[m] ?? 1))),
)
const PRODUCT_CHANNEL_CUM = DEMO_PRODUCTS.map((p) =>
  cumulative(DEMO_CHANNELS.map((c) => p.channels[c.code] ?? 0)),
)
const PROFILES: ExperienceProfile[][] = DEMO_PRODUCTS.map((p) =>
  DEMO_CHANNELS.map((c) => experienceProfile(p, c)),
)

/** The first millisecond of the period and the daily weights (volume × weekday × seasonal product mix). */
export function periodDays(
  now: Date,
  months = 12,
): { start: number; days: { start: number; end: number; weight: number }[] } {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1)
  const end = now.getTime()
  const days: { start: number; end: number; weight: number }[] = []
  for (let t = start; t < end; t += DAY_MS) {
    const d = new Date(t)
    const month = d.getUTCMonth()
    const mix = MONTH_PRODUCT_CUM[month] as Float64Array
    const dayEnd = Math.min(t + DAY_MS, end)
    const weight =
      (MONTH_VOLUME[month] as number) *
      (WEEKDAY_VOLUME[d.getUTCDay()] as number) *
      (mix[mix.length - 1] as number)
    days.push({ start: t, end: dayEnd, weight: (weight * (dayEnd - t)) / DAY_MS })
  }
  return { start, days }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** Yields the demo records in batches of `batchSize`, in chronological order. */
export function* generateDemo(options: GenerateOptions, batchSize = 5000): Generator<DemoRecord[]> {
  const rng = new Rng(options.seed, options.stream ?? 0)
  const { days } = periodDays(options.now, options.months ?? 12)
  const total = days.reduce((s, d) => s + d.weight, 0)
  const n = options.responses
  const refPrefix = options.stream ? `${options.stream}-` : ''
  let batch: DemoRecord[] = []
  let seq = 0
  let cumWeight = 0
  let allocated = 0
  for (const day of days) {
    // Exact totals without randomness: each day gets the rounded growth of the cumulative share.
    cumWeight += day.weight
    const upTo = Math.round((n * cumWeight) / total)
    const count = upTo - allocated
    allocated = upTo
    if (count <= 0) continue
    const times = new Float64Array(count)
    for (let i = 0; i < count; i++) {
      let t = day.start + (rng.weighted(HOUR_CUM) + rng.float()) * 3_600_000
      if (t >= day.end) t = day.start + rng.float() * (day.end - day.start)
      times[i] = Math.floor(t)
    }
    times.sort()
    const month = new Date(day.start).getUTCMonth()
    for (const submittedAt of times) {
      seq++
      batch.push(simulate(rng, submittedAt, month, `${refPrefix}${pad(seq, 7)}`))
      if (batch.length >= batchSize) {
        yield batch
        batch = []
      }
    }
  }
  if (batch.length > 0) yield batch
}

function simulate(rng: Rng, submittedAt: number, month: number, seq: string): DemoRecord {
  const productIndex = rng.weighted(MONTH_PRODUCT_CUM[month] as Float64Array)
  const product = DEMO_PRODUCTS[productIndex] as DemoProduct
  const channelIndex = rng.weighted(PRODUCT_CHANNEL_CUM[productIndex] as Float64Array)
  const durationDays = product.medianDays * Math.exp(product.spread * rng.normal())
  // Slow cases need more contacts: the mean grows with the square root of the relative duration.
  const contacts = Math.min(
    15,
    1 + rng.poisson(product.extraContacts * Math.sqrt(durationDays / product.medianDays)),
  )
  // The invitation follows the end of the case; most people answer within a day or two.
  const lagDays = Math.min(14, 0.04 + rng.exponential(1.2))
  const endedAt = Math.floor(submittedAt - lagDays * DAY_MS)
  const startedAt = Math.floor(endedAt - durationDays * DAY_MS)
  const experience = drawExperience(
    rng,
    (PROFILES[productIndex] as ExperienceProfile[])[channelIndex] as ExperienceProfile,
    durationDays,
    contacts,
  )
  const record: DemoRecord = {
    case: {
      id: rng.uuid7(endedAt),
      reference: `Z-${new Date(startedAt).getUTCFullYear()}-${seq}`,
      product: productIndex,
      channel: channelIndex,
      startedAt,
      endedAt,
      contacts,
      durationDays,
    },
    responseId: rng.uuid7(submittedAt),
    submittedAt,
    experience,
  }
  const band = experience.grade <= 5 ? 'low' : experience.grade <= 7 ? 'middle' : 'high'
  if (rng.chance(WHY_RATE)) record.why = finishAnswer(rng, composeWhy(rng, experience, product))
  if (rng.chance(IMPROVE_RATE[band]))
    record.improve = finishAnswer(rng, composeImprove(rng, experience, product))
  const g = experience.grade
  const klacht =
    g <= 3 ? SIGNAL_RATE.klacht.grade1to3 : g <= 5 ? SIGNAL_RATE.klacht.grade4to5 : SIGNAL_RATE.klacht.other
  const compliment = g >= 9 ? SIGNAL_RATE.compliment : 0
  const x = rng.float()
  if (x < klacht + compliment) {
    const kind = x < klacht ? 'klacht' : 'compliment'
    const receivedAt = Math.floor(endedAt + rng.float() * (submittedAt - endedAt))
    const text = rng.pick(SIGNAL_TEXTS[kind])
    record.signal = {
      id: rng.uuid7(receivedAt),
      kind,
      receivedAt,
      description: fillProduct(text, product).replaceAll(
        '{channel}',
        CHANNEL_PHRASES[(DEMO_CHANNELS[channelIndex] as DemoChannel).code] ?? '',
      ),
    }
  }
  return record
}
