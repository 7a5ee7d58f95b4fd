/**
 * Composes the Dutch open answers ("waarom", "verbeteren") of a simulated respondent from the phrase
 * banks, driven by the drivers that scored lowest and highest, with varied connectives, the product's
 * name, occasional typos and — in about 2% of answers — personal data that redaction must catch.
 */
import { STANDARD_DRIVERS } from '../surveys/standard-survey.ts'
import { generateBsn } from './elfproef.ts'
import type { Experience } from './model.ts'
import {
  AREA_CODES,
  CONNECTIVES,
  FIRST_NAMES,
  MAIL_DOMAINS,
  NOTHING_TO_IMPROVE,
  OPENERS,
  REASONS,
  SUGGESTIONS,
  SURNAMES,
} from './phrases.ts'
import type { Rng } from './random.ts'

/** Share of open answers that get personal data injected. */
export const PII_RATE = 0.02

/** Kinds of personal data the generator injects, with their relative frequency. */
export const PII_KINDS = { email: 0.3, phone: 0.35, bsn: 0.2, name: 0.15 } as const
export type PiiKind = keyof typeof PII_KINDS

/** Share of open answers that get one typo (two letters swapped, a lower-case start or no full stop). */
export const TYPO_RATE = 0.06

/** One composed open answer; `pii` records what was injected (kept out of the database). */
export interface OpenAnswer {
  text: string
  pii?: { kind: PiiKind; value: string }
}

/** Fills `{product}`; "de {product}" takes the product's own article (het paspoort, de afvalpas). */
export function fillProduct(text: string, product: { name: string; article: 'de' | 'het' }): string {
  return text
    .replaceAll('de {product}', `${product.article} ${product.name}`)
    .replaceAll('{product}', product.name)
}

/** Driver indexes sorted from lowest to highest latent perception. */
function ranked(experience: Experience): number[] {
  return STANDARD_DRIVERS.map((_, k) => k).sort(
    (a, b) => (experience.latent[a] as number) - (experience.latent[b] as number),
  )
}

function reason(rng: Rng, k: number, high: boolean): string {
  const bank = REASONS[STANDARD_DRIVERS[k] as keyof typeof REASONS]
  return rng.pick(high ? bank.high : bank.low)
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1)
}

/** "Waarom geeft u dit cijfer?": an opener by grade, then one or two reasons from the extreme drivers. */
export function composeWhy(
  rng: Rng,
  experience: Experience,
  product: { name: string; article: 'de' | 'het' },
): string {
  const order = ranked(experience)
  const lowest = order[0] as number
  const highest = order[order.length - 1] as number
  const grade = experience.grade
  const parts: string[] = []
  const band = grade <= 5 ? 'low' : grade <= 7 ? 'middle' : 'high'
  const opener = rng.chance(0.5) ? rng.pick(OPENERS[band]) : ''
  const main = band === 'low' ? reason(rng, lowest, false) : reason(rng, highest, true)
  if (opener.endsWith('maar')) parts.push(`${opener} ${lowerFirst(main)}`)
  else {
    if (opener) parts.push(opener)
    parts.push(main)
  }
  if (rng.chance(0.55)) {
    // A second reason: the next driver in the same direction, or a contrast when the other end stood out.
    const contrast =
      band === 'low'
        ? (experience.latent[highest] as number) > 4.2
        : (experience.latent[lowest] as number) < 2.8
    const next = contrast
      ? band === 'low'
        ? highest
        : lowest
      : ((band === 'low' ? order[1] : order[order.length - 2]) as number)
    const high = band === 'low' ? contrast : !contrast
    const sentence = reason(rng, next, high)
    const joiner = rng.pick(
      contrast ? CONNECTIVES.contrast : high ? CONNECTIVES.sameHigh : CONNECTIVES.sameLow,
    )
    parts.push(`${joiner} ${lowerFirst(sentence)}`)
  }
  return fillProduct(parts.join(' '), product)
}

/** "Wat kunnen we verbeteren?": a suggestion for the weakest driver, or nothing to improve. */
export function composeImprove(
  rng: Rng,
  experience: Experience,
  product: { name: string; article: 'de' | 'het' },
): string {
  const order = ranked(experience)
  const lowest = order[0] as number
  if (experience.grade >= 8 && (experience.latent[lowest] as number) > 3.2 && rng.chance(0.6)) {
    return rng.pick(NOTHING_TO_IMPROVE)
  }
  let text = rng.pick(SUGGESTIONS[STANDARD_DRIVERS[lowest] as keyof typeof SUGGESTIONS])
  if (rng.chance(0.3)) {
    const second = order[1] as number
    text += ` ${rng.pick(CONNECTIVES.suggestion)} ${lowerFirst(rng.pick(SUGGESTIONS[STANDARD_DRIVERS[second] as keyof typeof SUGGESTIONS]))}`
  }
  return fillProduct(text, product)
}

/** Adds one typo of a common kind. */
export function addTypo(rng: Rng, text: string): string {
  const kind = rng.int(3)
  if (kind === 0 && text.endsWith('.')) return text.slice(0, -1)
  if (kind === 1) return lowerFirst(text)
  const words = text.split(' ')
  const candidates = words.map((w, i) => (w.length >= 5 && /^[a-z]+$/.test(w) ? i : -1)).filter((i) => i >= 0)
  if (candidates.length === 0) return lowerFirst(text)
  const i = rng.pick(candidates)
  const w = words[i] as string
  const at = 1 + rng.int(w.length - 2)
  words[i] = w.slice(0, at) + (w[at + 1] as string) + (w[at] as string) + w.slice(at + 2)
  return words.join(' ')
}

const PII_CUMULATIVE = (() => {
  let sum = 0
  return Object.values(PII_KINDS).map((p) => (sum += p))
})()
const PII_KIND_LIST = Object.keys(PII_KINDS) as PiiKind[]

function digits(rng: Rng, n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += rng.int(10)
  return out
}

/** A fake Dutch phone number in one of the ways people write them. */
export function fakePhone(rng: Rng): string {
  const mobile = digits(rng, 8)
  switch (rng.int(4)) {
    case 0:
      return `06-${mobile}`
    case 1:
      return `+31 6 ${mobile.slice(0, 4)} ${mobile.slice(4)}`
    case 2:
      return `06 ${mobile.slice(0, 2)} ${mobile.slice(2, 4)} ${mobile.slice(4, 6)} ${mobile.slice(6)}`
    default: {
      const area = rng.pick(AREA_CODES)
      return `${area}-${digits(rng, 10 - area.length)}`
    }
  }
}

/** Puts one piece of personal data into an answer, as people do ("bel mij op …"). */
export function injectPii(rng: Rng, text: string): OpenAnswer {
  const kind = PII_KIND_LIST[rng.weighted(PII_CUMULATIVE)] as PiiKind
  const first = rng.pick(FIRST_NAMES)
  const last = rng.pick(SURNAMES)
  let value: string
  let sentence: string
  switch (kind) {
    case 'email': {
      value = `${first.toLowerCase()}.${last.replaceAll(' ', '').toLowerCase()}${rng.int(100)}@${rng.pick(MAIL_DOMAINS)}`
      sentence = rng.pick([
        `Mail mij op ${value}.`,
        `Mijn e-mailadres is ${value}`,
        `Reageer graag via ${value}.`,
      ])
      break
    }
    case 'phone': {
      value = fakePhone(rng)
      sentence = rng.pick([
        `Bel mij gerust op ${value}.`,
        `U kunt mij bereiken op ${value}`,
        `Mijn nummer is ${value}.`,
      ])
      break
    }
    case 'bsn': {
      value = generateBsn(rng)
      sentence = rng.pick([
        `Mijn BSN is ${value}.`,
        `Zoek het maar op, bsn ${value}`,
        `(burgerservicenummer ${value})`,
      ])
      break
    }
    default: {
      value = `${first} ${last}`
      sentence = rng.pick([`Mijn naam is ${value}.`, `mijn naam is ${value}, bel mij maar.`])
    }
  }
  return { text: rng.chance(0.5) ? `${text} ${sentence}` : `${sentence} ${text}`, pii: { kind, value } }
}

/** Finishes a composed answer: maybe a typo, maybe personal data. */
export function finishAnswer(rng: Rng, text: string): OpenAnswer {
  const typed = rng.chance(TYPO_RATE) ? addTypo(rng, text) : text
  return rng.chance(PII_RATE) ? injectPii(rng, typed) : { text: typed }
}
