/**
 * Reference lists of the demo municipality "Gemeente Voorbeeld": departments, channels and products,
 * with the process facts per product that the generator draws from. The figures are plausible for a
 * mid-size Dutch gemeente (legal terms: Wmo 6 weeks advice + 2 weeks decision, Participatiewet 8 weeks,
 * omgevingsvergunning 8 weeks, WOZ-bezwaar within the tax year), not measurements of a real one.
 */
import { STANDARD_CHANNELS } from '../organisations/index.ts'
import type { StandardDriver } from '../surveys/standard-survey.ts'

/** A department (afdeling). */
export interface DemoDepartment {
  code: string
  name: string
}

/** A contact channel (kanaal). */
export interface DemoChannel {
  code: string
  name: string
}

/** Per-driver shift of the latent perception (on the 1..5 agreement scale). */
export type DriverOffsets = Partial<Record<StandardDriver, number>>

/** A product (dienst) with everything the generator needs to simulate one case of it. */
export interface DemoProduct {
  code: string
  name: string
  /** Dutch article, for sentences such as "het paspoort" or "de afvalpas". */
  article: 'de' | 'het'
  department: string
  /** Relative volume of surveyed cases over a year. */
  share: number
  /** Relative share per channel code. */
  channels: Record<string, number>
  /** Median doorlooptijd (start to end of the case) in days; lognormal spread `spread` (sd of ln). */
  medianDays: number
  spread: number
  /** Mean number of extra contacts (beyond the first) for a case of typical duration. */
  extraContacts: number
  /** Volume multiplier per calendar month (Jan..Dec); missing means flat. */
  season?: number[]
  /** How this product shifts the latent drivers. */
  offsets: DriverOffsets
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { code: 'publiekszaken', name: 'Publiekszaken' },
  { code: 'kcc', name: 'KCC' },
  { code: 'sociaal-domein', name: 'Sociaal Domein' },
  { code: 'vergunningen', name: 'Vergunningen' },
  { code: 'belastingen', name: 'Belastingen' },
  { code: 'openbare-ruimte', name: 'Openbare Ruimte' },
]

/** The demo uses every standard channel, in the standard order. */
export const DEMO_CHANNELS: DemoChannel[] = STANDARD_CHANNELS.map((c) => ({ code: c.code, name: c.name }))

/** How each channel shifts the latent drivers: people feel heard face to face, phones mean waiting. */
export const CHANNEL_OFFSETS: Record<string, DriverOffsets> = {
  balie: { serieus_genomen: 0.15, deskundigheid: 0.1 },
  telefoon: { snelheid: -0.2, gemak: -0.05 },
  website: { gemak: 0.15, serieus_genomen: -0.2, deskundigheid: -0.1 },
  'e-mail': { snelheid: -0.25, duidelijkheid: -0.1 },
  chat: { snelheid: 0.15, deskundigheid: -0.1 },
  brief: { snelheid: -0.35, gemak: -0.25, duidelijkheid: -0.2 },
  huisbezoek: { serieus_genomen: 0.35, deskundigheid: 0.15, gemak: 0.1 },
}

const SPRING = [0.9, 1, 1.3, 1.5, 1.6, 1.5, 1, 0.7, 0.8, 0.8, 0.8, 0.8]

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    code: 'paspoort',
    name: 'paspoort',
    article: 'het',
    department: 'publiekszaken',
    share: 14,
    channels: { balie: 80, website: 12, telefoon: 5, 'e-mail': 3 },
    medianDays: 6,
    spread: 0.35,
    extraContacts: 0.3,
    season: SPRING,
    offsets: { duidelijkheid: 0.15, gemak: 0.1 },
  },
  {
    code: 'identiteitskaart',
    name: 'identiteitskaart',
    article: 'de',
    department: 'publiekszaken',
    share: 10,
    channels: { balie: 82, website: 12, telefoon: 6 },
    medianDays: 6,
    spread: 0.35,
    extraContacts: 0.3,
    season: SPRING,
    offsets: { duidelijkheid: 0.15, gemak: 0.1 },
  },
  {
    code: 'rijbewijs',
    name: 'rijbewijs',
    article: 'het',
    department: 'publiekszaken',
    share: 8,
    channels: { balie: 78, website: 14, telefoon: 8 },
    medianDays: 6,
    spread: 0.4,
    extraContacts: 0.35,
    offsets: { duidelijkheid: 0.1 },
  },
  {
    code: 'verhuizing',
    name: 'verhuizing',
    article: 'de',
    department: 'publiekszaken',
    share: 9,
    channels: { website: 70, balie: 15, telefoon: 8, 'e-mail': 4, brief: 3 },
    medianDays: 2,
    spread: 0.7,
    extraContacts: 0.25,
    season: [0.9, 0.9, 0.9, 1, 1, 1.1, 1.3, 1.4, 1.2, 0.9, 0.8, 0.7],
    offsets: { gemak: 0.2, snelheid: 0.1 },
  },
  {
    code: 'uittreksel-brp',
    name: 'uittreksel BRP',
    article: 'het',
    department: 'publiekszaken',
    share: 5,
    channels: { website: 60, balie: 30, telefoon: 5, 'e-mail': 5 },
    medianDays: 0.05,
    spread: 0.8,
    extraContacts: 0.1,
    offsets: { snelheid: 0.3, gemak: 0.25 },
  },
  {
    code: 'parkeervergunning',
    name: 'parkeervergunning',
    article: 'de',
    department: 'vergunningen',
    share: 6,
    channels: { website: 65, telefoon: 15, balie: 10, 'e-mail': 7, brief: 3 },
    medianDays: 4,
    spread: 0.6,
    extraContacts: 0.4,
    season: [2.2, 1.2, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.9, 0.9, 1, 1.4],
    offsets: { gemak: -0.1 },
  },
  {
    code: 'bijstand',
    name: 'bijstand',
    article: 'de',
    department: 'sociaal-domein',
    share: 6,
    channels: { website: 30, telefoon: 25, balie: 20, huisbezoek: 10, 'e-mail': 10, brief: 5 },
    medianDays: 38,
    spread: 0.35,
    extraContacts: 2.2,
    offsets: { snelheid: -0.35, duidelijkheid: -0.3, serieus_genomen: -0.15, gemak: -0.35 },
  },
  {
    code: 'wmo-voorziening',
    name: 'Wmo-voorziening',
    article: 'de',
    department: 'sociaal-domein',
    share: 6,
    channels: { telefoon: 40, huisbezoek: 30, 'e-mail': 10, brief: 10, balie: 10 },
    medianDays: 45,
    spread: 0.4,
    extraContacts: 2.5,
    offsets: { snelheid: -0.4, serieus_genomen: 0.1, gemak: -0.25 },
  },
  {
    code: 'schuldhulp',
    name: 'schuldhulp',
    article: 'de',
    department: 'sociaal-domein',
    share: 3,
    channels: { telefoon: 35, balie: 25, huisbezoek: 20, 'e-mail': 15, chat: 5 },
    medianDays: 60,
    spread: 0.45,
    extraContacts: 3,
    offsets: { snelheid: -0.3, serieus_genomen: 0.15, duidelijkheid: -0.15, gemak: -0.2 },
  },
  {
    code: 'afvalpas',
    name: 'afvalpas',
    article: 'de',
    department: 'openbare-ruimte',
    share: 5,
    channels: { website: 55, telefoon: 25, chat: 10, 'e-mail': 10 },
    medianDays: 5,
    spread: 0.5,
    extraContacts: 0.3,
    offsets: { gemak: 0.1 },
  },
  {
    code: 'omgevingsvergunning',
    name: 'omgevingsvergunning',
    article: 'de',
    department: 'vergunningen',
    share: 4,
    channels: { website: 70, 'e-mail': 15, telefoon: 10, brief: 5 },
    medianDays: 50,
    spread: 0.4,
    extraContacts: 2,
    season: [0.8, 0.9, 1.2, 1.3, 1.3, 1.2, 1, 0.9, 1, 1, 0.8, 0.6],
    offsets: { duidelijkheid: -0.4, snelheid: -0.3, gemak: -0.4 },
  },
  {
    code: 'melding-openbare-ruimte',
    name: 'melding openbare ruimte',
    article: 'de',
    department: 'openbare-ruimte',
    share: 13,
    channels: { website: 55, telefoon: 25, chat: 8, 'e-mail': 7, brief: 5 },
    medianDays: 9,
    spread: 0.8,
    extraContacts: 0.6,
    season: [1, 0.9, 0.9, 1, 1, 1, 1.2, 1.1, 1, 1.3, 1.4, 1.2],
    offsets: { serieus_genomen: -0.25, snelheid: -0.1 },
  },
  {
    code: 'woz-bezwaar',
    name: 'WOZ-bezwaar',
    article: 'het',
    department: 'belastingen',
    share: 5,
    channels: { website: 70, brief: 15, telefoon: 10, 'e-mail': 5 },
    medianDays: 80,
    spread: 0.4,
    extraContacts: 1.2,
    season: [0.5, 3, 3.2, 2.2, 1, 0.6, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4],
    offsets: { duidelijkheid: -0.35, serieus_genomen: -0.3, snelheid: -0.2 },
  },
  {
    code: 'kwijtschelding',
    name: 'kwijtschelding',
    article: 'de',
    department: 'belastingen',
    share: 6,
    channels: { website: 50, brief: 25, telefoon: 15, balie: 10 },
    medianDays: 40,
    spread: 0.45,
    extraContacts: 1.4,
    season: [0.7, 1.5, 1.8, 1.8, 1.5, 1, 0.7, 0.6, 0.7, 0.8, 0.8, 0.7],
    offsets: { duidelijkheid: -0.25, gemak: -0.3, snelheid: -0.15 },
  },
]

/**
 * Whole-organisation volume per calendar month (Jan..Dec): quieter in the summer holidays and around
 * Christmas, busier in the first half of the year.
 */
export const MONTH_VOLUME = [1, 1.05, 1.1, 1.1, 1.05, 1, 0.8, 0.75, 1, 1.05, 1.05, 0.85]

/** Relative volume per weekday (Sunday..Saturday): people answer surveys on weekends too, less so. */
export const WEEKDAY_VOLUME = [0.3, 1.1, 1.05, 1, 1, 0.9, 0.4]

/** Relative volume per UTC hour: Dutch daytime and evening (UTC+1/+2). */
export const HOUR_VOLUME = [
  0.05, 0.02, 0.02, 0.02, 0.05, 0.2, 0.6, 1, 1.2, 1.2, 1.1, 1.1, 1, 1, 1, 1.1, 1.2, 1.3, 1.3, 1.1, 0.8, 0.5,
  0.2, 0.1,
]
