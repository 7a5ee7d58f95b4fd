/**
 * The shipped standard template 'kern' (version 1): Klankbord's documented default of the Meethuis,
 * kept as reference data. The Meethuis handbook's item bank is not public, so the wording here is
 * Klankbord's own B1 Dutch, built from published practice (sources in docs/measurement-model.md):
 * the Waarstaatjegemeente KTO aspects (wachttijd, vriendelijkheid, inlevingsvermogen, deskundigheid,
 * duidelijke informatie), the Customer Effort Score, "serieus genomen / gehoord" (Nationale
 * ombudsman) and the drivers gemeente Utrecht found (empathie, meedenken, serieus genomen worden).
 *
 * The migration 20261123020000_create_measurement_model.sql inserts exactly these rows; a test
 * compares the database with this file, so the two cannot drift. A bouwblok version is never changed:
 * a new wording is a new version, added by a new migration together with a new entry here.
 *
 * The five default drivers and the rapportcijfer use the codes and wording of the standard survey
 * (src/modules/surveys/standard-survey.ts), so its answers map one to one onto core questions.
 */

/** An answer scale, versioned: answers are only comparable on the same scale version. */
export interface KernScale {
  id: string
  version: number
  kind: 'grade' | 'agreement'
  name: string
  min: number
  max: number
  dontKnow: boolean
  points: { value: string; label: string }[]
}

/** A core question (stelling or KPI question) inside a bouwblok. */
export interface KernQuestion {
  code: string
  text: string
  help: string | null
  scale: { id: string; version: number }
}

/** A locked core building block (bouwblok): one element of the house, versioned. */
export interface KernBlock {
  id: string
  version: number
  kind: 'goal' | 'kpi' | 'driver' | 'process'
  code: string
  name: string
  description: string
  /** Process indicators: the unit of the measure. */
  unit: 'days' | 'count' | 'category' | 'boolean' | null
  /** Process indicators: where Klankbord reads the data. */
  dataSource: string | null
  /** Source numbers in docs/measurement-model.md, for example "1, 5". */
  sources: string
  questions: KernQuestion[]
}

/** How a bouwblok sits in a template: its parent (KPI → goal, driver → KPI) and whether it is in by default. */
export interface KernTemplateBlock {
  blockId: string
  blockVersion: number
  position: number
  parentBlockId: string | null
  inDefault: boolean
}

/** A template: the default house an organisation starts from, plus optional bouwblokken. */
export interface KernTemplate {
  id: string
  version: number
  name: string
  description: string
  blocks: KernTemplateBlock[]
}

export const GRADE_SCALE = { id: 'kern.cijfer', version: 1 } as const
export const AGREEMENT_SCALE = { id: 'kern.eens5', version: 1 } as const

/** The answer scales of kern version 1. */
export const KERN_SCALES: KernScale[] = [
  {
    ...GRADE_SCALE,
    kind: 'grade',
    name: 'Rapportcijfer 1 tot en met 10',
    min: 1,
    max: 10,
    dontKnow: false,
    points: Array.from({ length: 10 }, (_, i) => ({
      value: String(i + 1),
      label: i === 0 ? '1 (heel slecht)' : i === 9 ? '10 (uitstekend)' : String(i + 1),
    })),
  },
  {
    ...AGREEMENT_SCALE,
    kind: 'agreement',
    name: 'Eens-oneens in 5 stappen, met weet ik niet',
    min: 1,
    max: 5,
    dontKnow: true,
    points: [
      { value: '1', label: 'Helemaal oneens' },
      { value: '2', label: 'Oneens' },
      { value: '3', label: 'Niet eens, niet oneens' },
      { value: '4', label: 'Eens' },
      { value: '5', label: 'Helemaal eens' },
      { value: 'dont_know', label: 'Weet ik niet' },
    ],
  },
]

function driver(code: string, name: string, description: string, text: string, sources: string): KernBlock {
  return {
    id: `kern.${code}`,
    version: 1,
    kind: 'driver',
    code,
    name,
    description,
    unit: null,
    dataSource: null,
    sources,
    questions: [{ code, text, help: null, scale: AGREEMENT_SCALE }],
  }
}

function process(
  code: string,
  name: string,
  description: string,
  unit: NonNullable<KernBlock['unit']>,
  dataSource: string,
  sources: string,
): KernBlock {
  return {
    id: `kern.${code}`,
    version: 1,
    kind: 'process',
    code,
    name,
    description,
    unit,
    dataSource,
    sources,
    questions: [],
  }
}

/** Every bouwblok of kern version 1, default and optional. */
export const KERN_BLOCKS: KernBlock[] = [
  {
    id: 'kern.vertrouwen',
    version: 1,
    kind: 'goal',
    code: 'vertrouwen',
    name: 'Vertrouwen in de overheid',
    description: 'Mensen vertrouwen erop dat de organisatie hen goed en eerlijk helpt.',
    unit: null,
    dataSource: null,
    sources: '5, 6',
    questions: [],
  },
  {
    id: 'kern.rapportcijfer',
    version: 1,
    kind: 'kpi',
    code: 'rapportcijfer',
    name: 'Rapportcijfer',
    description:
      'Het cijfer dat mensen geven voor hoe zij zijn geholpen. De uitkomst die de drijfveren verklaren.',
    unit: null,
    dataSource: null,
    sources: '1, 6',
    questions: [
      {
        code: 'rapportcijfer',
        text: 'Welk cijfer geeft u ons voor hoe wij u hebben geholpen?',
        help: '1 is heel slecht, 10 is uitstekend.',
        scale: GRADE_SCALE,
      },
    ],
  },
  driver(
    'duidelijkheid',
    'Duidelijkheid',
    'De informatie was duidelijk en klopte.',
    'De informatie die ik kreeg, was duidelijk.',
    '1, 3',
  ),
  driver('snelheid', 'Snelheid', 'Mensen hoefden niet lang te wachten.', 'Ik werd snel geholpen.', '1, 3'),
  driver(
    'deskundigheid',
    'Deskundigheid',
    'De medewerker wist waar het over ging.',
    'De medewerker wist waar het over ging.',
    '1, 3',
  ),
  driver(
    'serieus_genomen',
    'Serieus genomen',
    'Mensen voelden zich serieus genomen en gehoord.',
    'Ik voelde mij serieus genomen.',
    '3, 4, 5',
  ),
  driver(
    'gemak',
    'Gemak',
    'Het kostte weinig moeite om iets te regelen (Customer Effort Score).',
    'Het was makkelijk om te regelen wat ik wilde.',
    '2',
  ),
  driver(
    'meedenken',
    'Meedenken',
    'De medewerker zocht samen met de persoon naar een oplossing.',
    'De medewerker dacht met mij mee.',
    '5',
  ),
  driver(
    'inlevingsvermogen',
    'Inlevingsvermogen',
    'De medewerker begreep de situatie van de persoon (empathie).',
    'De medewerker begreep mijn situatie.',
    '1, 5',
  ),
  driver(
    'vriendelijkheid',
    'Vriendelijkheid',
    'De persoon werd vriendelijk en met respect behandeld.',
    'Ik werd vriendelijk geholpen.',
    '1, 3',
  ),
  process(
    'doorlooptijd',
    'Doorlooptijd',
    'Aantal dagen van het begin tot het einde van een zaak.',
    'days',
    'service_case.ended_at - service_case.started_at',
    '5, 6',
  ),
  process(
    'contactmomenten',
    'Aantal contactmomenten',
    'Hoe vaak iemand contact had over dezelfde zaak.',
    'count',
    'service_case.contact_count',
    '5, 6',
  ),
  process(
    'kanaal',
    'Kanaal',
    'Hoe iemand contact had: balie, telefoon, e-mail, website of brief.',
    'category',
    'response.channel_id, service_case.channel_id',
    '5, 6',
  ),
  process(
    'herhaalcontact',
    'Herhaalcontact',
    'Iemand moest opnieuw contact opnemen over dezelfde zaak (meer dan 1 contactmoment).',
    'boolean',
    'service_case.contact_count > 1',
    '2, 6',
  ),
]

/** The default house: which bouwblokken a new model gets, and which an organisation may add later. */
export const KERN_TEMPLATE: KernTemplate = {
  id: 'kern',
  version: 1,
  name: 'Kern: standaard meethuis',
  description:
    'Het standaard meethuis van Klankbord: vertrouwen als doel, het rapportcijfer als uitkomst, vijf drijfveren en vier procesgegevens.',
  blocks: [
    ['kern.vertrouwen', null, true],
    ['kern.rapportcijfer', 'kern.vertrouwen', true],
    ['kern.duidelijkheid', 'kern.rapportcijfer', true],
    ['kern.snelheid', 'kern.rapportcijfer', true],
    ['kern.deskundigheid', 'kern.rapportcijfer', true],
    ['kern.serieus_genomen', 'kern.rapportcijfer', true],
    ['kern.gemak', 'kern.rapportcijfer', true],
    ['kern.meedenken', 'kern.rapportcijfer', false],
    ['kern.inlevingsvermogen', 'kern.rapportcijfer', false],
    ['kern.vriendelijkheid', 'kern.rapportcijfer', false],
    ['kern.doorlooptijd', null, true],
    ['kern.contactmomenten', null, true],
    ['kern.kanaal', null, true],
    ['kern.herhaalcontact', null, true],
  ].map(([blockId, parentBlockId, inDefault], position) => ({
    blockId: blockId as string,
    blockVersion: 1,
    position,
    parentBlockId: parentBlockId as string | null,
    inDefault: inDefault as boolean,
  })),
}
