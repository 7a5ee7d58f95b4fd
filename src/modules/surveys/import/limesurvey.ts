/**
 * Imports a LimeSurvey survey structure export (.lss, LimeSurvey 3 to 6). Question groups become pages
 * in group order, questions follow their question_order, and each question is converted by
 * limesurvey-questions.ts. Relevance equations of groups and questions become show-if conditions when
 * they have a simple form. Languages: the survey's base language first; Klankbord needs Dutch, so when
 * the survey has no Dutch the base-language texts are used as Dutch (with a warning).
 */
import { Collector } from './collector.ts'
import { convertLsQuestion, relevance } from './limesurvey-questions.ts'
import { parseLss } from './limesurvey-xml.ts'
import { type ImportResult, SurveyFileError } from './report.ts'
import { TextMaker } from './texts.ts'

/** Converts .lss XML text; throws SurveyFileError for files that are not a usable LimeSurvey survey. */
export function fromLimeSurvey(xml: string): ImportResult {
  const survey = parseLss(xml)
  if (!survey.groups.some((g) => g.questions.length)) {
    throw new SurveyFileError('The LimeSurvey file contains no questions.')
  }
  const texts = new TextMaker(survey.baseLang)
  const collector = new Collector('limesurvey')
  collector.warnings.push(...survey.warnings)
  for (const group of survey.groups) {
    collector.startPage(texts.make(group.name), texts.make(group.description))
    for (const q of group.questions) convertLsQuestion(collector, texts, q, relevance(group.relevance))
  }
  const meta = {
    title: texts.make(survey.title),
    intro: texts.make(survey.welcome) ?? texts.make(survey.description),
    thanks: texts.make(survey.end),
    languages: ['nl', ...survey.languages.filter((l) => l !== 'nl')].slice(0, 20),
    oneQuestionPerScreen: survey.format === 'S',
  }
  return collector.finish('limesurvey', meta, texts)
}
