/**
 * The standard survey of the thin slice: the outcome KPI (rapportcijfer), five drijfveren as
 * statements on a 5-point agreement scale with "weet ik niet", and two open questions.
 *
 * The drivers follow published Dutch practice (sources in docs/measurement.md): the KTO aspects of
 * Waarstaatjegemeente (wachttijd, deskundigheid, duidelijke informatie), the Customer Effort Score
 * idea (gemak), and "serieus genomen worden", which Utrecht found to drive the grade.
 */
import type { QuestionKind } from './schema.ts'

/** One question of a survey definition. */
export interface QuestionDefinition {
  code: string
  kind: QuestionKind
  text: string
  help?: string
  required: boolean
  maxLength?: number
  /** The drijfveer this statement measures. */
  driver?: string
}

/** The five drijfveren of the standard survey, in display order. */
export const STANDARD_DRIVERS = [
  'duidelijkheid',
  'snelheid',
  'deskundigheid',
  'serieus_genomen',
  'gemak',
] as const
export type StandardDriver = (typeof STANDARD_DRIVERS)[number]

/** The agreement scale: stored as 1..5; "weet ik niet" is stored as option `dont_know` without a number. */
export const AGREEMENT_OPTIONS = [
  { value: '1', label: 'Helemaal oneens' },
  { value: '2', label: 'Oneens' },
  { value: '3', label: 'Niet eens, niet oneens' },
  { value: '4', label: 'Eens' },
  { value: '5', label: 'Helemaal eens' },
  { value: 'dont_know', label: 'Weet ik niet' },
] as const

export const STANDARD_SURVEY_TITLE = 'Hoe hebben wij u geholpen?'

export const STANDARD_QUESTIONS: QuestionDefinition[] = [
  {
    code: 'rapportcijfer',
    kind: 'grade',
    text: 'Welk cijfer geeft u ons voor hoe wij u hebben geholpen?',
    help: '1 is heel slecht, 10 is uitstekend.',
    required: true,
  },
  {
    code: 'duidelijkheid',
    kind: 'agreement',
    text: 'De informatie die ik kreeg, was duidelijk.',
    required: false,
    driver: 'duidelijkheid',
  },
  {
    code: 'snelheid',
    kind: 'agreement',
    text: 'Ik werd snel geholpen.',
    required: false,
    driver: 'snelheid',
  },
  {
    code: 'deskundigheid',
    kind: 'agreement',
    text: 'De medewerker wist waar het over ging.',
    required: false,
    driver: 'deskundigheid',
  },
  {
    code: 'serieus_genomen',
    kind: 'agreement',
    text: 'Ik voelde mij serieus genomen.',
    required: false,
    driver: 'serieus_genomen',
  },
  {
    code: 'gemak',
    kind: 'agreement',
    text: 'Het was makkelijk om te regelen wat ik wilde.',
    required: false,
    driver: 'gemak',
  },
  { code: 'waarom', kind: 'open', text: 'Waarom geeft u dit cijfer?', required: false, maxLength: 2000 },
  {
    code: 'verbeteren',
    kind: 'open',
    text: 'Wat kunnen we verbeteren?',
    help: 'Schrijf geen persoonlijke gegevens op, zoals uw BSN of telefoonnummer.',
    required: false,
    maxLength: 2000,
  },
]
