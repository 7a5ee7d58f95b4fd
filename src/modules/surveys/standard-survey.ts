/**
 * The standard survey of the thin slice: the outcome KPI (rapportcijfer), five drijfveren as
 * statements on a 5-point agreement scale with "weet ik niet", and two open questions.
 *
 * The drivers follow published Dutch practice (sources in docs/measurement.md): the KTO aspects of
 * Waarstaatjegemeente (wachttijd, deskundigheid, duidelijke informatie), the Customer Effort Score
 * idea (gemak), and "serieus genomen worden", which Utrecht found to drive the grade.
 *
 * The rapportcijfer and the five statements ARE core questions of the kern template: their wording, help
 * and core link come from the bouwblok versions the template uses (measurement/kern-template.ts), never
 * a copy, so answers to the standard survey are comparable across organisations.
 */
import { kernBlock } from './kern-reference.ts'
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
  /** The kern bouwblok version whose core question this is. */
  core?: { block: string; version: number }
}

/** The core question of a kern bouwblok as a standard question: wording, help and link from kern. */
function coreQuestion(code: string, kind: QuestionKind, required: boolean): QuestionDefinition {
  const block = kernBlock(`kern.${code}`)
  const q = block.questions[0]
  if (!q) throw new Error(`${block.id} has no core question`)
  return {
    code: q.code,
    kind,
    text: q.text,
    ...(q.help ? { help: q.help } : {}),
    required,
    ...(block.kind === 'driver' ? { driver: block.code } : {}),
    core: { block: block.id, version: block.version },
  }
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
  coreQuestion('rapportcijfer', 'grade', true),
  ...STANDARD_DRIVERS.map((d) => coreQuestion(d, 'agreement', false)),
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
