/**
 * Dutch phrase banks for the demo's open answers. Each driver has sentences for a low and a high
 * score; `{product}` is replaced with the product's name. Answers are composed from these by
 * open-answers.ts, so a text-analysis module can later be checked against the driver that caused it.
 */
import type { StandardDriver } from '../surveys/standard-survey.ts'

/** Sentences that explain why a driver scored low or high. */
export const REASONS: Record<StandardDriver, { low: string[]; high: string[] }> = {
  duidelijkheid: {
    low: [
      'Het was mij niet duidelijk welke papieren ik mee moest nemen.',
      'De brief was onduidelijk en vol moeilijke woorden.',
      'Ik kreeg van twee medewerkers twee verschillende antwoorden.',
      'Op de website stond iets anders dan wat ik aan de telefoon hoorde.',
      'Ik weet nog steeds niet waar ik aan toe ben met mijn {product}.',
      'Niemand kon mij uitleggen hoe het nu verder gaat.',
      'De informatie over de {product} was veel te ingewikkeld.',
      'Ik moest alles drie keer lezen voordat ik het snapte.',
    ],
    high: [
      'Alles werd duidelijk uitgelegd.',
      'Ik wist precies wat ik moest doen en wat ik mee moest nemen.',
      'De uitleg over de {product} was helder en in gewone taal.',
      'De brief was kort en duidelijk.',
      'Op de website stond precies wat ik nodig had.',
      'De medewerker legde stap voor stap uit hoe het werkt.',
    ],
  },
  snelheid: {
    low: [
      'Ik moest drie weken wachten op een afspraak.',
      'Het duurde veel te lang voordat ik iets hoorde.',
      'Ik heb bijna een half uur in de wacht gestaan aan de telefoon.',
      'Pas na twee maanden kreeg ik een besluit over mijn {product}.',
      'Er werd beloofd dat ik teruggebeld zou worden, maar dat gebeurde niet.',
      'De wachttijd aan de balie was erg lang.',
      'Ik wacht nog steeds op een reactie op mijn mail.',
      'Het hele traject voor de {product} duurde eindeloos.',
    ],
    high: [
      'Ik werd heel snel geholpen.',
      'Binnen een paar dagen was mijn {product} geregeld.',
      'Ik hoefde bijna niet te wachten.',
      'Ik kreeg dezelfde dag nog antwoord.',
      'De afspraak kon al de volgende dag.',
      'Sneller dan ik had verwacht.',
    ],
  },
  deskundigheid: {
    low: [
      'De medewerker wist niet goed waar het over ging.',
      'Ik werd steeds doorverbonden omdat niemand het wist.',
      'Ik moest de medewerker zelf uitleggen hoe de regels zitten.',
      'Er werd een fout gemaakt in mijn aanvraag voor de {product}.',
      'Ik kreeg verkeerde informatie over de kosten.',
      'De medewerker moest alles navragen bij een collega.',
    ],
    high: [
      'De medewerker wist precies waar het over ging.',
      'Deskundig geholpen, al mijn vragen werden beantwoord.',
      'Ze kende de regels voor de {product} goed.',
      'De medewerker dacht met mij mee en kwam met een goede oplossing.',
      'Ik kreeg meteen het juiste antwoord.',
    ],
  },
  serieus_genomen: {
    low: [
      'Ik voelde mij niet serieus genomen.',
      'Er werd niet echt naar mij geluisterd.',
      'Ik werd behandeld als een nummer.',
      'Mijn melding werd afgedaan zonder dat iemand heeft gekeken.',
      'De medewerker was kortaf en had geen tijd voor mij.',
      'Het voelde alsof ik lastig was.',
      'Mijn situatie werd niet begrepen.',
    ],
    high: [
      'De medewerker nam echt de tijd voor mij.',
      'Ik voelde mij gehoord.',
      'Er werd goed naar mijn verhaal geluisterd.',
      'Heel vriendelijk en met begrip voor mijn situatie.',
      'Ik werd als mens behandeld en niet als dossier.',
      'Ze namen mijn zorgen serieus.',
      'Fijn dat er iemand aan huis kwam om alles te bespreken.',
    ],
  },
  gemak: {
    low: [
      'Ik moest veel te vaak bellen om het geregeld te krijgen.',
      'Het formulier op de website werkte niet.',
      'Ik moest alles opnieuw invullen.',
      'Inloggen met DigiD lukte steeds niet.',
      'Ik moest voor de {product} twee keer langskomen.',
      'Het was veel gedoe voor iets simpels.',
      'Ik moest dezelfde gegevens steeds opnieuw doorgeven.',
    ],
    high: [
      'Het was makkelijk te regelen.',
      'Alles kon online, heel handig.',
      'In een paar minuten was het geregeld.',
      'Ik hoefde maar één keer langs te komen.',
      'Het aanvragen van de {product} ging heel gemakkelijk.',
    ],
  },
}

/** Improvement suggestions for a driver that scored low. */
export const SUGGESTIONS: Record<StandardDriver, string[]> = {
  duidelijkheid: [
    'Schrijf brieven in gewone taal.',
    'Zet op de website een lijstje van wat je mee moet nemen.',
    'Zorg dat alle medewerkers hetzelfde antwoord geven.',
    'Leg beter uit hoe lang de {product} duurt en wat de stappen zijn.',
  ],
  snelheid: [
    'Zorg voor meer afspraakmomenten.',
    'Bel terug als je dat belooft.',
    'Laat weten hoe ver mijn aanvraag is.',
    'Minder lang in de wacht aan de telefoon graag.',
    'Maak de wachttijd voor de {product} korter.',
  ],
  deskundigheid: [
    'Zorg dat medewerkers de regels beter kennen.',
    'Verbind mij meteen door naar iemand die er verstand van heeft.',
    'Geef medewerkers meer uitleg over de {product}.',
  ],
  serieus_genomen: [
    'Neem de tijd voor mensen.',
    'Luister beter naar wat iemand nodig heeft.',
    'Laat iemand terugbellen om het persoonlijk te bespreken.',
    'Wees vriendelijker aan de telefoon.',
  ],
  gemak: [
    'Maak het formulier op de website eenvoudiger.',
    'Zorg dat ik alles in één keer kan regelen.',
    'Maak het mogelijk om de {product} helemaal online te regelen.',
    'Vraag niet steeds dezelfde gegevens opnieuw.',
  ],
}

/** Opening remarks by grade band. */
export const OPENERS = {
  low: ['Slecht geholpen.', 'Erg teleurgesteld.', 'Niet tevreden.', 'Dit kan echt beter.', 'Jammer.'],
  middle: ['Het ging wel.', 'Redelijk.', 'Op zich prima, maar', 'Niet slecht.', 'Voldoende.'],
  high: ['Prima geholpen!', 'Heel tevreden.', 'Top!', 'Goed geregeld.', 'Fijne ervaring.'],
}

/**
 * Words that join two sentences. Dutch puts the verb before the subject after "daarnaast" or "ook",
 * which the bank sentences do not do, so only words that keep the word order are used ("en", "maar")
 * or a colon closes the joiner ("Daarnaast: ik kreeg …").
 */
export const CONNECTIVES = {
  sameHigh: ['En', 'Daarnaast:', 'Ook fijn:', 'Verder:'],
  sameLow: ['En', 'Daarnaast:', 'Ook vervelend:', 'En dan nog:'],
  contrast: ['Maar', 'Wel jammer:', 'Alleen:', 'Maar ja,'],
  suggestion: ['En', 'Daarnaast:', 'En verder:', 'Ook:'],
}

/** Endings for an improvement answer when nothing was really wrong. */
export const NOTHING_TO_IMPROVE = [
  'Niks, ga zo door!',
  'Geen idee, het was goed zo.',
  'Zo houden.',
  'Niets.',
  '-',
]

/** Descriptions of complaints (klachten) and compliments, composed with the product's name. */
export const SIGNAL_TEXTS = {
  klacht: [
    'Klacht over de lange wachttijd bij de aanvraag van de {product}.',
    'Inwoner is boos omdat er niet is teruggebeld over de {product}.',
    'Klacht over de bejegening door een medewerker {channel}.',
    'Klacht: verkeerde informatie gekregen over de {product}.',
    'Inwoner voelt zich niet serieus genomen bij de afhandeling van de {product}.',
    'Klacht over een onduidelijke brief over de {product}.',
  ],
  compliment: [
    'Compliment voor de vriendelijke hulp {channel}.',
    'Inwoner bedankt het team voor de snelle afhandeling van de {product}.',
    'Compliment: heel goed geholpen met de {product}, met veel geduld.',
    'Dank voor het meedenken bij de {product}.',
  ],
}

/** How a signal text names the channel ("aan de balie", "per brief"). */
export const CHANNEL_PHRASES: Record<string, string> = {
  balie: 'aan de balie',
  telefoon: 'aan de telefoon',
  website: 'via de website',
  'e-mail': 'per e-mail',
  chat: 'in de chat',
  brief: 'per brief',
  huisbezoek: 'bij het huisbezoek',
}

/** First names and surnames for "mijn naam is …" (fake people, common Dutch names). */
export const FIRST_NAMES = [
  'Jan',
  'Fatima',
  'Sanne',
  'Mohammed',
  'Anouk',
  'Pieter',
  'Yara',
  'Kees',
  'Daan',
  'Lotte',
]
export const SURNAMES = [
  'de Vries',
  'Jansen',
  'El Amrani',
  'Bakker',
  'Yilmaz',
  'van Dijk',
  'Visser',
  'Smit',
  'de Boer',
]
export const MAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'live.nl']
export const AREA_CODES = ['020', '010', '030', '070', '040', '050', '024', '0344']
