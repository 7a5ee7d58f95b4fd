/**
 * Small built-in Dutch word lists for the B1 checks in readability.ts.
 *
 * Source and licence: written by hand for Klankbord (EUPL, like the rest of the project); no external
 * list was copied. No Dutch word-frequency list is available offline on this project's machines (the
 * pattern-nl lexicon in shared/data is a sentiment list of adjectives, not a frequency list), so
 * "rare" is approximated with these lists and a suffix heuristic (see docs/readability.md).
 *
 * - COMMON_WORDS: everyday words that B1 readers know even though they are long (4+ syllables or
 *   more than 13 letters), plus frequent words of survey and government texts. Long-word and
 *   rare-word warnings skip them, so "informatie" or "telefoonnummer" do not nag staff.
 * - DIFFICULT_WORDS: formal "ambtelijke" words with a plain alternative, the kind that Dutch
 *   B1 writing guides tell writers to replace (indien → als, reeds → al).
 * - ABBREVIATIONS: dotted abbreviations that must not end a sentence, with the spoken form (for the
 *   syllable count) and the advice to write them in full, which is itself B1 advice.
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0))
}

/** Everyday long words that B1 readers know; skipped by the long-word and rare-word checks. */
export const COMMON_WORDS: ReadonlySet<string> = set(`
  aanvraag aanvragen aanvraagformulier afspraak afspraken alstublieft alsjeblieft achternaam
  antwoord antwoorden belangrijk belangrijke bijvoorbeeld binnenkort burgerservicenummer
  contact cijfer cijfers computer dankuwel duidelijk duidelijke eigenlijk elektrische enquête
  formulier formulieren gebruiken gegevens geboortedatum gelukkig gemakkelijk gemeente
  geholpen geregeld geworden helemaal identiteitsbewijs informatie ingewikkeld internet
  klantenservice medewerker medewerkers mogelijk mogelijkheid mogelijkheden natuurlijk
  niemand ondernemer ondernemers onderwerp onderzoek ongeveer opmerking opmerkingen
  organisatie organisaties paspoort persoonlijk persoonlijke rijbewijs samenwerken
  telefoon telefoonnummer telefoonnummers uitstekend uitleggen uitgelegd uitnodiging vandaag
  verbeteren verbetering verbeteringen vereniging verschillende vervelend verwachting
  verzekering voorbeeld voorbeelden vriendelijk vriendelijke waarschijnlijk woonadres
  e-mailadres emailadres website websites zorgverzekering belastingdienst toeslagen
  huurtoeslag zorgtoeslag uitkering uitkeringen werkgever werkgevers werknemer
  dienstverlening vragenlijst vragenlijsten ervaring ervaringen tevreden ontevreden
  afgelopen bereikbaar bereikbaarheid wachttijd openingstijden huisarts ziekenhuis
  rapportcijfer schriftelijk telefonisch persoonlijk digitaal
`)

/** Formal words with a plain alternative, in the spirit of Dutch B1 writing guides. */
export const DIFFICULT_WORDS: ReadonlyMap<string, string> = new Map([
  ['aangaande', 'over'],
  ['aanvangen', 'beginnen'],
  ['adequaat', 'goed'],
  ['alsmede', 'en'],
  ['beëindigen', 'stoppen'],
  ['behoeven', 'hoeven'],
  ['bewerkstelligen', 'zorgen voor'],
  ['conform', 'volgens'],
  ['derhalve', 'daarom'],
  ['desalniettemin', 'toch'],
  ['dientengevolge', 'daardoor'],
  ['doch', 'maar'],
  ['evenwel', 'maar'],
  ['faciliteren', 'helpen'],
  ['geschieden', 'gebeuren'],
  ['hetgeen', 'wat'],
  ['hiertoe', 'daarvoor'],
  ['indien', 'als'],
  ['initiëren', 'beginnen'],
  ['inzake', 'over'],
  ['middels', 'met'],
  ['momenteel', 'nu'],
  ['nader', 'later, of: meer'],
  ['omtrent', 'over'],
  ['onderhavige', 'deze'],
  ['optimaliseren', 'verbeteren'],
  ['percipiëren', 'zien'],
  ['reeds', 'al'],
  ['retourneren', 'terugsturen'],
  ['teneinde', 'om'],
  ['thans', 'nu'],
  ['trachten', 'proberen'],
  ['verstrekken', 'geven'],
  ['verzoeken', 'vragen'],
  ['voornoemde', 'deze'],
  ['wederom', 'weer'],
  ['woonachtig', 'wonen'],
  ['zijnde', 'als'],
  ['zulks', 'dat'],
])

/**
 * Suffixes of Latin and French loanwords (organisatie, prioriteit, adequaat, structureel). A long
 * word with one of these that is not in COMMON_WORDS is flagged as possibly rare.
 */
export const LOANWORD_SUFFIXES: readonly string[] = [
  'atie',
  'aties',
  'iteit',
  'iteiten',
  'isme',
  'istisch',
  'ificeren',
  'iseren',
  'eel',
  'uele',
  'ueel',
  'atief',
  'atieve',
  'itair',
  'itaire',
  'ologie',
  'ologisch',
]

/** One dotted abbreviation: how it is said and how many syllables that has. */
export interface Abbreviation {
  full: string
  syllables: number
  /** True for abbreviations that often close a sentence ("enz."), so a capital after them starts a new one. */
  canEnd: boolean
}

function abbr(full: string, syllables: number, canEnd = false): Abbreviation {
  return { full, syllables, canEnd }
}

/** Dotted abbreviations, keyed in lower case with their dots. */
export const ABBREVIATIONS: ReadonlyMap<string, Abbreviation> = new Map([
  ['a.u.b.', abbr('alstublieft', 4, true)],
  ['bijv.', abbr('bijvoorbeeld', 4)],
  ['bv.', abbr('bijvoorbeeld', 4)],
  ['blz.', abbr('bladzijde', 3)],
  ['ca.', abbr('circa', 2)],
  ['d.w.z.', abbr('dat wil zeggen', 4)],
  ['dhr.', abbr('de heer', 2)],
  ['e.d.', abbr('en dergelijke', 4, true)],
  ['e.a.', abbr('en andere', 4, true)],
  ['enz.', abbr('enzovoort', 3, true)],
  ['etc.', abbr('et cetera', 4, true)],
  ['evt.', abbr('eventueel', 4)],
  ['excl.', abbr('exclusief', 3)],
  ['i.p.v.', abbr('in plaats van', 4)],
  ['i.v.m.', abbr('in verband met', 4)],
  ['incl.', abbr('inclusief', 3)],
  ['m.b.t.', abbr('met betrekking tot', 5)],
  ['m.u.v.', abbr('met uitzondering van', 6)],
  ['mevr.', abbr('mevrouw', 2)],
  ['mr.', abbr('meester', 2)],
  ['n.a.v.', abbr('naar aanleiding van', 6)],
  ['nl.', abbr('namelijk', 3)],
  ['nr.', abbr('nummer', 2)],
  ['o.a.', abbr('onder andere', 5)],
  ['o.b.v.', abbr('op basis van', 4)],
  ['resp.', abbr('respectievelijk', 5)],
  ['s.v.p.', abbr("s'il vous plaît", 3, true)],
  ['t.a.v.', abbr('ter attentie van', 5)],
  ['t.b.v.', abbr('ten behoeve van', 5)],
  ['t.o.v.', abbr('ten opzichte van', 5)],
  ['tel.', abbr('telefoon', 3)],
  ['vgl.', abbr('vergelijk', 3)],
  ['z.s.m.', abbr('zo snel mogelijk', 5, true)],
])
