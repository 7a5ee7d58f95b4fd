/**
 * Reads a LimeSurvey survey structure export (.lss) into a small model. An .lss file is a database dump:
 * `<document>` with one section per table, each `<rows><row>` holding one field per element, values
 * usually in CDATA. LimeSurvey 4 and later (DBVersion ≥ 400) keep texts in separate `*_l10ns` tables;
 * older versions repeat each question, answer and group row per language with the texts inline. Both
 * are read the same way: texts are gathered from wherever they are.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { SurveyFileError } from './report.ts'
import { normaliseLang } from './texts.ts'

type Row = Record<string, unknown>
/** Raw (HTML) texts keyed by Klankbord language. */
export type LsTexts = Record<string, string>

export interface LsAnswer {
  code: string
  order: number
  scaleId: string
  text: LsTexts
}

export interface LsSubquestion {
  qid: string
  title: string
  order: number
  scaleId: string
  relevance: string
  text: LsTexts
}

export interface LsQuestion {
  qid: string
  gid: string
  type: string
  title: string
  order: number
  mandatory: string
  other: string
  relevance: string
  text: LsTexts
  help: LsTexts
  attributes: Map<string, string>
  subquestions: LsSubquestion[]
  answers: LsAnswer[]
}

export interface LsGroup {
  gid: string
  order: number
  relevance: string
  name: LsTexts
  description: LsTexts
  questions: LsQuestion[]
}

export interface LsSurvey {
  dbVersion: number
  /** Klankbord language codes, base language first. */
  languages: string[]
  baseLang: string
  /** 'A' all on one page, 'G' group by group, 'S' question by question. */
  format: string
  title: LsTexts
  description: LsTexts
  welcome: LsTexts
  end: LsTexts
  groups: LsGroup[]
  warnings: string[]
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
}

function rows(doc: Row, section: string): Row[] {
  const table = doc[section] as Row | undefined
  const found = (table?.rows as Row | undefined)?.row
  const list = Array.isArray(found) ? found : found ? [found] : []
  return list.filter((r): r is Row => typeof r === 'object' && r !== null)
}

function order(v: unknown): number {
  const n = Number(str(v))
  return Number.isFinite(n) ? n : 0
}

/** Parses .lss XML; throws SurveyFileError when it is not well-formed or not a LimeSurvey survey. */
export function parseLss(xml: string): LsSurvey {
  // LimeSurvey never writes a DOCTYPE; refusing one rules out entity expansion tricks altogether.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new SurveyFileError('The XML file contains a DOCTYPE, which a LimeSurvey export never has.')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    const { msg, line, col } = valid.err
    throw new SurveyFileError(`The XML is not well-formed at line ${line}, column ${col}: ${msg}`)
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === 'row',
  })
  let parsed: Row
  try {
    parsed = parser.parse(xml) as Row
  } catch (e) {
    // fast-xml-parser refuses names such as __proto__ with a plain Error.
    throw new SurveyFileError(`The XML file cannot be read: ${(e as Error).message.split('\n')[0]}`)
  }
  const doc = parsed.document as Row | undefined
  const docType = str(doc?.LimeSurveyDocType)
  if (!doc || !docType)
    throw new SurveyFileError('The XML file is not a LimeSurvey export (no <LimeSurveyDocType>).')
  if (docType !== 'Survey') {
    const kind =
      docType === 'Group'
        ? 'question group (.lsg)'
        : docType === 'Question'
          ? 'single question (.lsq)'
          : docType
    throw new SurveyFileError(
      `This LimeSurvey file is a ${kind} export; export the whole survey structure (.lss) instead.`,
    )
  }
  const warnings: string[] = []
  const survey = rows(doc, 'surveys')[0] ?? {}
  const declared = [
    str(survey.language),
    ...str(survey.additional_languages).split(/\s+/),
    ...[(doc.languages as Row | undefined)?.language].flat().map(str),
  ].filter(Boolean)
  // Map LimeSurvey language codes to Klankbord's; 'nl-informal' next to 'nl' would clash, first wins.
  // Languages that only appear in texts (a file without a surveys row) are added as they are met.
  const langOf = new Map<string, string>()
  const langFor = (raw: string): string => {
    const known = langOf.get(raw)
    if (known !== undefined) return known
    const lang = normaliseLang(raw)
    const usable = !!lang && ![...langOf.values()].includes(lang)
    if (!usable)
      warnings.push(
        `The language ${raw} is left out: Klankbord cannot tell it apart from another language of the survey.`,
      )
    langOf.set(raw, usable ? (lang as string) : '')
    return usable ? (lang as string) : ''
  }
  for (const raw of declared) langFor(raw)
  const baseLang = [...langOf.values()].find(Boolean) ?? 'nl'
  const addText = (texts: LsTexts, language: unknown, value: unknown) => {
    const raw = str(language)
    const lang = raw ? langFor(raw) : baseLang
    const text = str(value)
    if (lang && text.trim() && !(lang in texts)) texts[lang] = text
  }

  const settings = { title: {}, description: {}, welcome: {}, end: {} } as Record<string, LsTexts>
  for (const r of rows(doc, 'surveys_languagesettings')) {
    addText(settings.title as LsTexts, r.surveyls_language, r.surveyls_title)
    addText(settings.description as LsTexts, r.surveyls_language, r.surveyls_description)
    addText(settings.welcome as LsTexts, r.surveyls_language, r.surveyls_welcometext)
    addText(settings.end as LsTexts, r.surveyls_language, r.surveyls_endtext)
  }

  const groups = new Map<string, LsGroup>()
  for (const r of rows(doc, 'groups')) {
    const gid = str(r.gid)
    const g = groups.get(gid) ?? {
      gid,
      order: order(r.group_order),
      relevance: str(r.grelevance),
      name: {},
      description: {},
      questions: [],
    }
    groups.set(gid, g)
    addText(g.name, r.language, r.group_name)
    addText(g.description, r.language, r.description)
  }
  for (const r of rows(doc, 'group_l10ns')) {
    const g = groups.get(str(r.gid))
    if (g) {
      addText(g.name, r.language, r.group_name)
      addText(g.description, r.language, r.description)
    }
  }

  const questions = new Map<string, LsQuestion>()
  const subquestions = new Map<string, LsSubquestion & { parent: string }>()
  for (const r of [...rows(doc, 'questions'), ...rows(doc, 'subquestions')]) {
    const qid = str(r.qid)
    const parent = str(r.parent_qid)
    if (parent && parent !== '0') {
      const sq = subquestions.get(qid) ?? {
        qid,
        parent,
        title: str(r.title),
        order: order(r.question_order),
        scaleId: str(r.scale_id) || '0',
        relevance: str(r.relevance),
        text: {},
      }
      subquestions.set(qid, sq)
      addText(sq.text, r.language, r.question)
      continue
    }
    const q = questions.get(qid) ?? {
      qid,
      gid: str(r.gid),
      type: str(r.type),
      title: str(r.title),
      order: order(r.question_order),
      mandatory: str(r.mandatory),
      other: str(r.other),
      relevance: str(r.relevance),
      text: {},
      help: {},
      attributes: new Map<string, string>(),
      subquestions: [],
      answers: [],
    }
    questions.set(qid, q)
    addText(q.text, r.language, r.question)
    addText(q.help, r.language, r.help)
  }
  for (const r of rows(doc, 'question_l10ns')) {
    const qid = str(r.qid)
    const target = questions.get(qid) ?? subquestions.get(qid)
    if (!target) continue
    addText(target.text, r.language, r.question)
    if ('help' in target) addText(target.help, r.language, r.help)
  }
  for (const sq of subquestions.values()) questions.get(sq.parent)?.subquestions.push(sq)

  const answers = new Map<string, LsAnswer>()
  const byAid = new Map<string, LsAnswer>()
  for (const r of rows(doc, 'answers')) {
    const qid = str(r.qid)
    const scaleId = str(r.scale_id) || '0'
    const key = `${qid}|${scaleId}|${str(r.code)}`
    const a = answers.get(key) ?? { code: str(r.code), order: order(r.sortorder), scaleId, text: {} }
    if (!answers.has(key)) questions.get(qid)?.answers.push(a)
    answers.set(key, a)
    if (str(r.aid)) byAid.set(str(r.aid), a)
    addText(a.text, r.language, r.answer)
  }
  for (const r of rows(doc, 'answer_l10ns')) {
    // LimeSurvey writes aid; some third-party exporters write qid + code instead.
    const a = byAid.get(str(r.aid)) ?? answers.get(`${str(r.qid)}|${str(r.scale_id) || '0'}|${str(r.code)}`)
    if (a) addText(a.text, r.language, r.answer)
  }

  for (const r of rows(doc, 'question_attributes')) {
    const q = questions.get(str(r.qid))
    const lang = str(r.language)
    if (q && (!lang || langOf.get(lang) === baseLang) && !q.attributes.has(str(r.attribute)))
      q.attributes.set(str(r.attribute), str(r.value))
  }

  for (const q of questions.values()) {
    let g = groups.get(q.gid)
    if (!g) {
      g = {
        gid: q.gid,
        order: Number.MAX_SAFE_INTEGER,
        relevance: '',
        name: {},
        description: {},
        questions: [],
      }
      groups.set(q.gid, g)
    }
    g.questions.push(q)
    q.subquestions.sort((a, b) => a.order - b.order)
    q.answers.sort((a, b) => a.order - b.order)
  }
  const sortedGroups = [...groups.values()].sort((a, b) => a.order - b.order)
  for (const g of sortedGroups) g.questions.sort((a, b) => a.order - b.order)
  return {
    dbVersion: order(doc.DBVersion),
    languages: [...new Set([baseLang, ...[...langOf.values()].filter(Boolean)])],
    baseLang,
    format: str(survey.format),
    title: settings.title as LsTexts,
    description: settings.description as LsTexts,
    welcome: settings.welcome as LsTexts,
    end: settings.end as LsTexts,
    groups: sortedGroups,
    warnings,
  }
}
