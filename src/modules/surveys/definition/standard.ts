/** The standard survey of the thin slice expressed in the definition format, so both stay one source. */
import { STANDARD_QUESTIONS, STANDARD_SURVEY_TITLE } from '../standard-survey.ts'
import { SurveyDefinition as Schema, type SurveyDefinition } from './schema.ts'

/** The standard survey as a `klankbord.survey/1` definition. */
export function standardDefinition(): SurveyDefinition {
  return Schema.parse({
    format: 'klankbord.survey/1',
    title: { nl: STANDARD_SURVEY_TITLE },
    intro: {
      nl: 'Wij willen graag weten wat u van ons vindt. Het invullen duurt ongeveer 2 minuten. Alleen de eerste vraag is verplicht.',
    },
    languages: ['nl'],
    hidden: [
      { code: 'kanaal', source: 'channel', queryParam: 'kanaal' },
      { code: 'zaak', source: 'case_reference', queryParam: 'zaak' },
      // The place of a QR code at the balie or on a letter (docs/channels-qr.md).
      { code: 'locatie', source: 'touchpoint', queryParam: 'locatie' },
    ],
    pages: [
      {
        questions: STANDARD_QUESTIONS.map((q) => ({
          code: q.code,
          type: q.kind,
          text: { nl: q.text },
          ...(q.help ? { help: { nl: q.help } } : {}),
          required: q.required,
          ...(q.driver ? { driver: q.driver } : {}),
          ...(q.core ? { core: q.core } : {}),
          ...(q.kind === 'open' ? { maxLength: q.maxLength ?? 2000 } : {}),
        })),
      },
    ],
  })
}
