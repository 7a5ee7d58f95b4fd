/**
 * The part both importers share: hands out unique codes, translates show-if conditions against the
 * questions imported so far, writes the report line for every source question, and at the end turns the
 * pages into a definition that passes `checkDefinition` (anything else is an importer bug and becomes a
 * SurveyFileError, never a half-valid survey).
 */
import type { z } from 'zod'
import { checkDefinition } from '../definition/check.ts'
import type { Question as QuestionSchema, Text } from '../definition/schema.ts'
import { type Target, type TargetValue, translateCondition } from './conditions.ts'
import { type Dialect, parseExpression } from './expression.ts'
import { type ImportReportItem, type ImportResult, SurveyFileError } from './report.ts'
import { plainText, shorten, toCode } from './sanitise.ts'
import type { TextMaker } from './texts.ts'

export type QuestionDraft = z.input<typeof QuestionSchema>
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
/** A question without its code (the collector gives it one). */
export type QuestionBody = DistributiveOmit<QuestionDraft, 'code'>

interface DraftPage {
  title?: Text
  intro?: Text
  questions: QuestionDraft[]
}

/** What to add for one source question. */
export interface AddQuestion {
  source: string
  sourceType: string
  /** Plain text of the question, for the report. */
  title: string
  /** The name the Klankbord code is made from. */
  codeFrom: string
  body: QuestionBody
  /** What changed compared with the source; any entry makes the outcome 'mapped'. */
  changes?: string[]
  /** The source's show-if expression, if any. */
  condition?: string
  /** Source answer value → Klankbord value, for conditions of later questions. */
  values?: Map<string, TargetValue>
}

/** Survey-level parts of the definition. */
export interface SurveyMeta {
  title?: Text
  intro?: Text
  thanks?: Text
  languages: string[]
  oneQuestionPerScreen?: boolean
}

const MAX_PER_PAGE = 60
const MAX_PAGES = 30

export class Collector {
  readonly codes = new Set<string>()
  readonly targets = new Map<string, Target>()
  readonly report: ImportReportItem[] = []
  readonly warnings: string[] = []
  private readonly pages: DraftPage[] = []

  constructor(private readonly dialect: Dialect) {}

  /** Starts a new page; following questions go on it. */
  startPage(title?: Text, intro?: Text): void {
    this.pages.push({ ...(title && { title }), ...(intro && { intro }), questions: [] })
  }

  /** Reports a source question that is not imported. */
  skip(source: string, sourceType: string, title: string, reason: string): void {
    this.report.push({ source, sourceType, title: shorten(plainText(title)), outcome: 'skipped', reason })
  }

  /** Adds a question to the current page; returns its Klankbord code. */
  add(q: AddQuestion): string {
    // Stop early rather than hand out codes for an absurd number of questions (finish() would refuse anyway).
    if (this.codes.size >= MAX_PAGES * MAX_PER_PAGE) {
      throw new SurveyFileError(
        `The survey has more than ${MAX_PAGES * MAX_PER_PAGE} questions, the most Klankbord allows.`,
      )
    }
    if (!this.pages.length) this.startPage()
    const code = toCode(q.codeFrom, this.codes)
    const changes = [...(q.changes ?? [])]
    const question = { ...q.body, code } as QuestionDraft
    if (q.condition?.trim()) {
      const parsed = parseExpression(q.condition, this.dialect)
      const translated = 'error' in parsed ? parsed : translateCondition(parsed, this.targets)
      if ('error' in translated) {
        changes.push(
          `show-if condition "${shorten(q.condition.replace(/\s+/g, ' '), 80)}" was left out ` +
            `(${translated.error}): the question is always shown`,
        )
      } else question.visibleIf = translated.visibleIf
    }
    ;(this.pages.at(-1) as DraftPage).questions.push(question)
    this.report.push({
      source: q.source,
      sourceType: q.sourceType,
      title: shorten(plainText(q.title)),
      outcome: changes.length ? 'mapped' : 'imported',
      type: q.body.type,
      code,
      ...(changes.length && { reason: changes.join('; ') }),
    })
    this.targets.set(q.source, { code, type: q.body.type, ...(q.values && { values: q.values }) })
    return code
  }

  /** Registers an extra name under which conditions may refer to an imported question. */
  alias(name: string, target: Target): void {
    this.targets.set(name, target)
  }

  /** Builds and checks the definition; throws SurveyFileError when nothing could be imported. */
  finish(format: ImportResult['format'], meta: SurveyMeta, texts: TextMaker): ImportResult {
    const questionCount = this.pages.reduce((n, p) => n + p.questions.length, 0)
    if (questionCount === 0) throw new SurveyFileError(nothingImported(this.report))
    const pages = this.layout()
    if (!meta.title) this.warnings.push('The survey has no title; it is called "Geïmporteerde vragenlijst".')
    if (texts.fallbacks > 0) {
      this.warnings.push(
        texts.seen.includes('nl')
          ? `${texts.fallbacks} text(s) had no Dutch version; the ${texts.fallbackLang} text is used as ` +
              'the Dutch text. Translate them before publishing.'
          : `The survey has no Dutch texts; the ${texts.fallbackLang} texts are used as the Dutch texts. ` +
              'Translate them before publishing.',
      )
    }
    const draft = {
      format: 'klankbord.survey/1',
      title: meta.title ?? { nl: 'Geïmporteerde vragenlijst' },
      ...(meta.intro && { intro: meta.intro }),
      ...(meta.thanks && { thanks: meta.thanks }),
      languages: meta.languages,
      oneQuestionPerScreen: meta.oneQuestionPerScreen ?? false,
      hidden: [],
      pages,
    }
    const checked = checkDefinition(draft)
    if (!checked.ok) {
      const first = checked.errors.slice(0, 3).map((e) => `${e.name}: ${e.reason}`)
      throw new SurveyFileError(
        `The import produced an invalid survey, which is a bug in Klankbord (${first.join('; ')}).`,
      )
    }
    this.warnings.push(...missingTranslations(checked.warnings.map((w) => w.name)))
    return { format, definition: checked.definition, report: this.report, warnings: this.warnings }
  }

  /** Drops empty pages and keeps within Klankbord's limits of 60 questions a page and 30 pages. */
  private layout(): DraftPage[] {
    let pages: DraftPage[] = []
    for (const page of this.pages.filter((p) => p.questions.length)) {
      for (let i = 0; i < page.questions.length; i += MAX_PER_PAGE) {
        const part = page.questions.slice(i, i + MAX_PER_PAGE)
        pages.push(i === 0 ? { ...page, questions: part } : { questions: part })
      }
    }
    if (pages.length > MAX_PAGES) {
      this.warnings.push(
        `The survey has ${pages.length} pages and Klankbord allows ${MAX_PAGES}; the questions were put on fewer, fuller pages.`,
      )
      const all = pages.flatMap((p) => p.questions)
      pages = []
      for (let i = 0; i < all.length; i += MAX_PER_PAGE)
        pages.push({ questions: all.slice(i, i + MAX_PER_PAGE) })
      if (pages.length > MAX_PAGES) {
        throw new SurveyFileError(
          `The survey has ${all.length} questions; Klankbord allows at most ${MAX_PAGES * MAX_PER_PAGE}.`,
        )
      }
    }
    return pages
  }
}

function nothingImported(report: ImportReportItem[]): string {
  if (!report.length) return 'The survey contains no questions.'
  const examples = report
    .slice(0, 3)
    .map((r) => `${r.source}: ${r.reason}`)
    .join('; ')
  return `None of the ${report.length} questions can be imported (${examples}${report.length > 3 ? '; …' : ''}).`
}

/** Summarises check warnings as one line per language instead of one per question ("pages.0.questions.3.text.en"). */
export function missingTranslations(paths: string[]): string[] {
  const perLang = new Map<string, number>()
  for (const path of paths) {
    const lang = /\.text\.([a-z]{2,3})$/.exec(path)?.[1]
    if (lang) perLang.set(lang, (perLang.get(lang) ?? 0) + 1)
  }
  return [...perLang].map(([lang, n]) => `${n} question(s) have no ${lang} text; Dutch is shown instead.`)
}
