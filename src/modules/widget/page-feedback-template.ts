/**
 * The survey template "Paginafeedback" (page feedback): the ready-made widget survey staff create with one
 * button. It follows the widget rules (calc/widget-shape.ts): a yes/no question first, then one optional
 * open question per answer, and hidden fields for the channel and the page. The follow-up asks not to type
 * personal data, because the text is stored as it is written.
 */
import type { SurveyDefinitionInput } from '../surveys/index.ts'

const NO_PERSONAL_DATA = {
  nl: 'Schrijf geen persoonlijke gegevens op, zoals uw naam, adres of BSN.',
  en: 'Do not write personal details, such as your name, address or citizen service number.',
}

/** The definition of a new "Paginafeedback" survey. */
export function pageFeedbackDefinition(): SurveyDefinitionInput {
  return {
    format: 'klankbord.survey/1',
    title: { nl: 'Paginafeedback', en: 'Page feedback' },
    thanks: {
      nl: 'Bedankt! Wij lezen alle reacties en gebruiken ze om onze website beter te maken.',
      en: 'Thank you! We read every reaction and use it to improve our website.',
    },
    languages: ['nl', 'en'],
    hidden: [
      { code: 'kanaal', source: 'channel', queryParam: 'kanaal' },
      { code: 'pagina', source: 'touchpoint', queryParam: 'pagina' },
    ],
    pages: [
      {
        questions: [
          {
            code: 'nuttig',
            type: 'yes_no',
            required: true,
            text: { nl: 'Was deze pagina nuttig?', en: 'Was this page useful?' },
          },
          {
            code: 'verbeteren',
            type: 'open',
            maxLength: 1000,
            rows: 4,
            text: {
              nl: 'Wat kunnen we verbeteren aan deze pagina?',
              en: 'What can we improve on this page?',
            },
            help: NO_PERSONAL_DATA,
            visibleIf: { all: [{ question: 'nuttig', op: 'equals', value: false }] },
          },
          {
            code: 'goed',
            type: 'open',
            maxLength: 1000,
            rows: 4,
            text: { nl: 'Wat vond u goed aan deze pagina?', en: 'What did you like about this page?' },
            help: NO_PERSONAL_DATA,
            visibleIf: { all: [{ question: 'nuttig', op: 'equals', value: true }] },
          },
        ],
      },
    ],
  }
}
