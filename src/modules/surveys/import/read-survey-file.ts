/**
 * Reads an uploaded survey file and picks the importer: Klankbord's own JSON (`format:
 * "klankbord.survey/1"`), SurveyJS JSON, or a LimeSurvey .lss export. Everything that is not one of
 * those (empty, binary, broken JSON, other XML, a LimeSurvey file without questions, a survey of which
 * nothing can be imported) is refused with a SurveyFileError that says what is wrong.
 */
import { checkDefinition } from '../definition/check.ts'
import { missingTranslations } from './collector.ts'
import { fromLimeSurvey } from './limesurvey.ts'
import { type ImportReportItem, type ImportResult, SurveyFileError } from './report.ts'
import { plainText, shorten } from './sanitise.ts'
import { fromSurveyJs } from './surveyjs.ts'

/** Largest file accepted: real survey definitions are far smaller (a big .lss is about 1 MB). */
export const MAX_SURVEY_FILE_BYTES = 5 * 1024 * 1024

/** Decodes the bytes as text (UTF-8, or UTF-16 with a byte order mark), refusing binary files. */
function decode(bytes: Buffer, fileName?: string): string {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    const lsa = fileName?.toLowerCase().endsWith('.lsa') ? ' (a LimeSurvey .lsa archive)' : ''
    throw new SurveyFileError(
      `The file is a ZIP archive${lsa}; export the survey structure as .lss or as JSON and upload that.`,
    )
  }
  let text: string
  // A byte-order mark selects UTF-16 (LimeSurvey on Windows can write it); the decoder refuses a cut-off file.
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8'
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new SurveyFileError(
      `The file is not a text file (it is not valid ${encoding.toUpperCase()}); expected a .json or .lss file.`,
    )
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (/[\u0000-\u0008\u000e-\u001a]/.test(text.slice(0, 4096))) {
    throw new SurveyFileError('The file contains binary data, not text; expected a .json or .lss file.')
  }
  return text
}

/** Imports a survey file (JSON or .lss); `fileName` only sharpens error messages. */
export function readSurveyFile(bytes: Buffer, fileName?: string): ImportResult {
  if (bytes.length > MAX_SURVEY_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    throw new SurveyFileError(`The file is ${mb} MB; survey files may be at most 5 MB.`)
  }
  if (bytes.length === 0) throw new SurveyFileError('The file is empty.')
  const text = decode(bytes, fileName)
  const start = text.trimStart()
  if (!start) throw new SurveyFileError('The file is empty (it contains only white space).')
  if (start.startsWith('{') || start.startsWith('[')) return fromJsonText(text)
  if (start.startsWith('<')) return fromXmlText(start)
  const name = fileName ? `${fileName} is` : 'The file is'
  throw new SurveyFileError(
    `${name} neither JSON nor XML; upload a Klankbord or SurveyJS .json file or a LimeSurvey .lss file.`,
  )
}

function fromXmlText(xml: string): ImportResult {
  if (!/<LimeSurveyDocType>/.test(xml)) {
    if (/^<(!doctype html|html)/i.test(xml))
      throw new SurveyFileError('The file is a web page (HTML), not a survey file.')
    throw new SurveyFileError(
      'The XML file is not a LimeSurvey export (.lss): it has no <LimeSurveyDocType>.',
    )
  }
  return fromLimeSurvey(xml)
}

function fromJsonText(text: string): ImportResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new SurveyFileError(`The file is not valid JSON: ${jsonProblem(text, (e as Error).message)}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new SurveyFileError('The JSON file holds a list or a single value, not a survey object.')
  }
  const obj = json as Record<string, unknown>
  if (obj.format === 'klankbord.survey/1') return fromKlankbord(obj)
  if (typeof obj.format === 'string' && obj.format.startsWith('klankbord.survey/')) {
    throw new SurveyFileError(
      `The file uses the format ${obj.format}; this Klankbord reads klankbord.survey/1.`,
    )
  }
  if (['pages', 'elements', 'questions'].some((k) => Array.isArray(obj[k]))) return fromSurveyJs(obj)
  throw new SurveyFileError(
    'The JSON file is neither a Klankbord survey (format "klankbord.survey/1") nor a SurveyJS survey (no pages, elements or questions).',
  )
}

/**
 * Turns V8's JSON.parse message into the problem plus a line and column a person can find. V8 gives
 * "at position N" for most errors, but for an unexpected token only a snippet of about 10 characters
 * either side ('…"pages": [\n}'), so the position is recovered from the snippet.
 */
function jsonProblem(text: string, message: string): string {
  // V8 writes: Unexpected token '}', ..."<snippet>"... is not valid JSON (dots where the snippet is cut).
  const token = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message)
  const problem = token
    ? `unexpected '${token[1]}'`
    : (message.split('\n')[0] ?? message)
        .replace(/\s*(in JSON )?at position \d+.*$/, '')
        .replace(/\s*\(line.*$/, '')
  let offset: number | undefined
  const at = /\bat position (\d+)/.exec(message)
  if (at) offset = Number(at[1])
  else if (/Unexpected end of JSON input/.test(message)) offset = text.length
  else if (token) offset = tokenOffset(text, token[1] as string, token[3] as string, !!token[2])
  if (offset === undefined) return `${problem}.`
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return `${problem} (line ${line}, column ${column}).`
}

function tokenOffset(text: string, token: string, snippet: string, cut: boolean): number | undefined {
  const start = cut ? text.indexOf(snippet) : 0
  if (start < 0) return undefined
  // The error is at the first occurrence of the token in the snippet before which the text is still a
  // valid beginning of JSON (parsing up to and including it fails for another reason than "too short").
  const end = start + snippet.length
  for (let i = text.indexOf(token, start); i >= 0 && i < end; i = text.indexOf(token, i + 1)) {
    try {
      JSON.parse(text.slice(0, i + token.length))
    } catch (e) {
      if (!/Unexpected end of JSON input/.test((e as Error).message)) return i
    }
  }
  return undefined
}

function fromKlankbord(json: Record<string, unknown>): ImportResult {
  const checked = checkDefinition(json)
  if (!checked.ok) {
    const first = checked.errors.slice(0, 5).map((e) => `${e.name || 'the document'}: ${e.reason}`)
    const more = checked.errors.length > 5 ? `; and ${checked.errors.length - 5} more` : ''
    throw new SurveyFileError(
      `The Klankbord survey file has ${checked.errors.length} problem(s): ${first.join('; ')}${more}.`,
    )
  }
  const report: ImportReportItem[] = checked.definition.pages.flatMap((page) =>
    page.questions.map((q) => ({
      source: q.code,
      title: shorten(plainText(q.text.nl)),
      sourceType: q.type,
      outcome: 'imported' as const,
      type: q.type,
      code: q.code,
    })),
  )
  const warnings = missingTranslations(checked.warnings.map((w) => w.name))
  return { format: 'klankbord', definition: checked.definition, report, warnings }
}
