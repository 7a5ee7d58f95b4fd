/**
 * The documented latent model behind the demo's rapportcijfer, so analytics (key-driver analysis,
 * KPIs) can be tested against a known truth. Per response (docs/demo-data.md has the full text):
 *
 *   z_k  = √ρ·g + √(1−ρ)·e_k,       g, e_k ~ N(0, 1)         (equicorrelated, corr ρ between drivers)
 *          with probability incident.rate, g is shifted by incident.shift (something went badly wrong)
 *   d_k  = mean_k + product_k + channel_k + process_k + sd·z_k   (latent perception on the 1..5 scale)
 *   process: snelheid −= durationEffect·ln(doorlooptijd / product median);
 *            gemak and serieus_genomen −= contactEffect_k·(contacts − 1)
 *   answer_k = clamp(round(d_k), 1, 5), or "weet ik niet" with probability dontKnow (per channel)
 *   grade    = clamp(round(intercept + Σ w_k·(d_k − 3) + ε), 1, 10),   ε ~ N(0, noiseSd)
 *
 * The grade depends on the latent d_k, not on the rounded answers: a regression of the grade on the
 * answers recovers the weights' order and, attenuated a little by the rounding, their size.
 */
import { STANDARD_DRIVERS, type StandardDriver } from '../surveys/standard-survey.ts'
import type { Rng } from './random.ts'
import { CHANNEL_OFFSETS, type DemoChannel, type DemoProduct, type DriverOffsets } from './reference.ts'

/** The published constants of the latent model. */
export const LATENT_MODEL = {
  /** Weight of each driver in the grade: serieus genomen worden matters most, gemak least. */
  weights: { duidelijkheid: 0.4, snelheid: 0.22, deskundigheid: 0.3, serieus_genomen: 0.55, gemak: 0.12 },
  /** The grade when every driver sits at the neutral 3. */
  intercept: 6.1,
  /** Standard deviation of the grade's own noise ε. */
  noiseSd: 0.85,
  /** Mean latent perception per driver, before product, channel and process shifts. */
  means: { duidelijkheid: 3.85, snelheid: 3.65, deskundigheid: 3.95, serieus_genomen: 3.8, gemak: 3.75 },
  /** Standard deviation of each latent driver around its mean. */
  sd: 0.9,
  /** Correlation between any two drivers (one common factor: a good day makes everything look better). */
  correlation: 0.45,
  /** A few cases go badly wrong for everyone involved: the common factor g shifts down by `shift` sd. */
  incident: { rate: 0.03, shift: -2.2 },
  /** Drop of snelheid per unit of ln(doorlooptijd / the product's median doorlooptijd). */
  durationEffect: 0.35,
  /** Drop per extra contact (contacts − 1). */
  contactEffect: { gemak: 0.22, serieus_genomen: 0.06 },
  /** Chance of "weet ik niet" per statement; the statements about staff are hard to judge online. */
  dontKnow: { base: 0.03, noStaffChannel: { deskundigheid: 0.1, serieus_genomen: 0.06 } },
} as const

/** Channels without a person on the other side, where staff statements get more "weet ik niet". */
const NO_STAFF_CHANNELS = new Set(['website', 'brief'])

/** What one simulated respondent experienced and answered. */
export interface Experience {
  /** Latent perceptions in STANDARD_DRIVERS order. */
  latent: number[]
  /** Answers 1..5, or null for "weet ik niet", in STANDARD_DRIVERS order. */
  answers: (number | null)[]
  grade: number
}

/** Pre-computed shifts for one product×channel pair, so the hot loop only adds numbers. */
export interface ExperienceProfile {
  base: Float64Array
  dontKnow: Float64Array
  medianDays: number
}

/** Combines the model means with a product's and a channel's offsets. */
export function experienceProfile(product: DemoProduct, channel: DemoChannel): ExperienceProfile {
  const channelOffsets: DriverOffsets = CHANNEL_OFFSETS[channel.code] ?? {}
  const base = new Float64Array(STANDARD_DRIVERS.length)
  const dontKnow = new Float64Array(STANDARD_DRIVERS.length)
  STANDARD_DRIVERS.forEach((driver: StandardDriver, k) => {
    base[k] = LATENT_MODEL.means[driver] + (product.offsets[driver] ?? 0) + (channelOffsets[driver] ?? 0)
    const special = NO_STAFF_CHANNELS.has(channel.code)
      ? (LATENT_MODEL.dontKnow.noStaffChannel as Partial<Record<StandardDriver, number>>)[driver]
      : undefined
    dontKnow[k] = special ?? LATENT_MODEL.dontKnow.base
  })
  return { base, dontKnow, medianDays: product.medianDays }
}

const WEIGHTS = STANDARD_DRIVERS.map((d) => LATENT_MODEL.weights[d])
const SNELHEID = STANDARD_DRIVERS.indexOf('snelheid')
const CONTACT_EFFECTS = STANDARD_DRIVERS.map(
  (d) => (LATENT_MODEL.contactEffect as Partial<Record<StandardDriver, number>>)[d] ?? 0,
)
const SQRT_RHO = Math.sqrt(LATENT_MODEL.correlation)
const SQRT_1_RHO = Math.sqrt(1 - LATENT_MODEL.correlation)

/** Draws one respondent's latent perceptions, statement answers and grade (see the file comment). */
export function drawExperience(
  rng: Rng,
  profile: ExperienceProfile,
  durationDays: number,
  contacts: number,
): Experience {
  const incident = rng.chance(LATENT_MODEL.incident.rate)
  const common = rng.normal() + (incident ? LATENT_MODEL.incident.shift : 0)
  const latent: number[] = []
  const answers: (number | null)[] = []
  let score = LATENT_MODEL.intercept
  for (let k = 0; k < WEIGHTS.length; k++) {
    let d = (profile.base[k] as number) + LATENT_MODEL.sd * (SQRT_RHO * common + SQRT_1_RHO * rng.normal())
    if (k === SNELHEID) d -= LATENT_MODEL.durationEffect * Math.log(durationDays / profile.medianDays)
    d -= (CONTACT_EFFECTS[k] as number) * (contacts - 1)
    latent.push(d)
    score += (WEIGHTS[k] as number) * (d - 3)
    const dontKnow = rng.chance(profile.dontKnow[k] as number)
    answers.push(dontKnow ? null : Math.min(5, Math.max(1, Math.round(d))))
  }
  score += LATENT_MODEL.noiseSd * rng.normal()
  const grade = Math.min(10, Math.max(1, Math.round(score)))
  return { latent, answers, grade }
}
