/**
 * Helpers shared by the importer tests (not a test file itself): finding report items and questions,
 * walking every string of a definition, and writing minimal LimeSurvey 6 exports inline.
 */
import assert from 'node:assert/strict'
import type { Question } from '../definition/schema.ts'
import type { ImportResult } from './report.ts'

/** The report line of a source question. */
export function item(result: ImportResult, source: string) {
  const found = result.report.find((r) => r.source === source)
  assert.ok(found, `no report item for ${source}`)
  return found
}

/** The imported question with this code. */
export function question(result: ImportResult, code: string): Question {
  const found = result.definition.pages.flatMap((p) => p.questions).find((q) => q.code === code)
  assert.ok(found, `no question ${code}`)
  return found
}

/** Every string anywhere in a JSON value. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/** A minimal LimeSurvey 6 survey: one group, the given question rows and l10n rows. */
export function tinyLss(opts: {
  base?: string
  additional?: string
  questions: string
  l10ns: string
  groups?: string
  extra?: string
}) {
  const row = (fields: Record<string, string>) =>
    `<row>${Object.entries(fields)
      .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
      .join('')}</row>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<document><LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>624</DBVersion>
<languages><language>${opts.base ?? 'nl'}</language></languages>
<groups><rows>${opts.groups ?? row({ gid: '1', group_order: '1', grelevance: '1' })}</rows></groups>
<questions><rows>${opts.questions}</rows></questions>
<question_l10ns><rows>${opts.l10ns}</rows></question_l10ns>
<surveys><rows>${row({ sid: '1', language: opts.base ?? 'nl', additional_languages: opts.additional ?? '', format: 'G' })}</rows></surveys>
<surveys_languagesettings><rows>${row({ surveyls_language: opts.base ?? 'nl', surveyls_title: 'Kort' })}</rows></surveys_languagesettings>
${opts.extra ?? ''}</document>`
}
/** A LimeSurvey question row (not mandatory, no other). */
export const lssQuestion = (
  qid: string,
  gid: string,
  type: string,
  title: string,
  order: string,
  relevance = '1',
) =>
  `<row><qid>${qid}</qid><parent_qid>0</parent_qid><gid>${gid}</gid><type>${type}</type><title>${title}</title><mandatory>N</mandatory><other>N</other><question_order>${order}</question_order><relevance><![CDATA[${relevance}]]></relevance></row>`
/** A LimeSurvey question_l10ns row. */
export const lssText = (qid: string, language: string, question: string) =>
  `<row><qid>${qid}</qid><question><![CDATA[${question}]]></question><language>${language}</language></row>`
