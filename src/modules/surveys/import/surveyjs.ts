/**
 * Imports a SurveyJS form-library survey (the JSON the SurveyJS Creator saves: `{ title, pages: [{
 * elements }] }`, or top-level `elements`/`questions` in older files). Pages stay pages, panels are
 * flattened, each question is converted by surveyjs-questions.ts. Localisable strings are either a
 * string or `{ default, nl, en, … }`; `default` is the survey's `locale`, or Dutch when none is set.
 */
import { Collector } from './collector.ts'
import { andExpressions } from './expression.ts'
import { type ImportResult, SurveyFileError } from './report.ts'
import { convertElement, type SjsContext } from './surveyjs-questions.ts'
import { normaliseLang, TextMaker } from './texts.ts'

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function elementsOf(container: Json): unknown[] | undefined {
  const list = container.elements ?? container.questions
  return Array.isArray(list) ? list : undefined
}

/**
 * Reads a localisable string into texts keyed by Klankbord language. Explicit language keys win; the
 * `default` text fills the default language, or, when that language is also given explicitly (so the
 * default cannot be it), English, SurveyJS's own default locale.
 */
function localised(value: unknown, defaultLang: string): Record<string, string> {
  if (typeof value === 'string') return { [defaultLang]: value }
  if (!isObject(value)) return {}
  const out: Record<string, string> = {}
  for (const [key, text] of Object.entries(value)) {
    const lang = key === 'default' ? undefined : normaliseLang(key)
    if (lang && typeof text === 'string' && !(lang in out)) out[lang] = text
  }
  if (typeof value.default === 'string') {
    const lang = !(defaultLang in out) ? defaultLang : !('en' in out) ? 'en' : undefined
    if (lang) out[lang] = value.default
  }
  return out
}

/** Converts a parsed SurveyJS JSON survey; throws SurveyFileError when it has nothing importable. */
export function fromSurveyJs(json: unknown): ImportResult {
  if (!isObject(json)) throw new SurveyFileError('The SurveyJS survey is not a JSON object.')
  const defaultLang = (typeof json.locale === 'string' && normaliseLang(json.locale)) || 'nl'
  const texts = new TextMaker(defaultLang)
  const collector = new Collector('surveyjs')
  const ctx: SjsContext = {
    collector,
    texts,
    loc: (value) => localised(value, defaultLang),
    text: (value, fallback) =>
      texts.make(localised(value, defaultLang)) ??
      (fallback ? texts.make({ [defaultLang]: fallback }) : undefined),
  }
  const pages: unknown[] = Array.isArray(json.pages)
    ? json.pages
    : elementsOf(json)
      ? [{ elements: elementsOf(json) }]
      : []
  if (!pages.length) {
    throw new SurveyFileError('The SurveyJS survey has no pages, elements or questions.')
  }
  for (const page of pages) {
    if (!isObject(page)) continue
    collector.startPage(ctx.text(page.title), ctx.text(page.description))
    walk(ctx, elementsOf(page) ?? [], page.visible === false, nonEmpty(page.visibleIf))
  }
  const meta = {
    title: ctx.text(json.title),
    intro: ctx.text(json.description),
    thanks: ctx.text(json.completedHtml),
    oneQuestionPerScreen: json.questionsOnPageMode === 'questionPerPage',
  }
  return collector.finish('surveyjs', { ...meta, languages: texts.languages() }, texts)
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined
}

/** Converts elements in order; panels pass their own condition (and hiddenness) on to what they hold. */
function walk(ctx: SjsContext, elements: unknown[], hidden: boolean, condition: string | undefined): void {
  elements.forEach((element, index) => {
    if (!isObject(element)) return
    if (element.type === 'panel') {
      walk(
        ctx,
        elementsOf(element) ?? [],
        hidden || element.visible === false,
        andExpressions(condition, nonEmpty(element.visibleIf)),
      )
      return
    }
    const name = typeof element.name === 'string' && element.name ? element.name : `question${index + 1}`
    if (hidden || element.visible === false) {
      const title = ctx.text(element.title, name)?.nl ?? name
      ctx.collector.skip(name, String(element.type), title, 'it is hidden (visible: false) in the source')
      return
    }
    convertElement(ctx, element, name, andExpressions(condition, nonEmpty(element.visibleIf)))
  })
}
