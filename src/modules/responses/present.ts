/**
 * API representation of stored responses: an allowlist (ARCHITECTURE §5). Answers are keyed by question
 * code with a value typed by question type, so a client needs no knowledge of the answer table. Personal
 * data (open text, the text of "anders", the zaak reference) is only present when the caller may read
 * personal data; otherwise those fields are left out, never blanked, so no client mistakes them for
 * empty answers. Also the OpenAPI schemas of this representation.
 */
import { z } from '@hono/zod-openapi'
import type { StoredAnswerRow, StoredConsent, StoredResponse } from './list-responses.ts'

type Smiley = 'negative' | 'neutral' | 'positive'

/** A typed answer value as the API shows it. */
export type AnswerOut =
  | number
  | string
  | boolean
  | string[]
  | { value: Smiley; reason: string | null }
  | { value: 'other'; other?: string | null }

const AnswerValueSchema = z
  .union([
    z.number().openapi({ description: 'grade (1–10), ces (1–7), nps (0–10), agreement (1–5).' }),
    z.string().openapi({
      description:
        'agreement "dont_know"; single: the option code; date: YYYY-MM-DD; open: the text (personal data).',
    }),
    z.boolean().openapi({ description: 'yes_no, and consent (given or not).' }),
    z.array(z.string()).openapi({ description: 'multiple: the chosen option codes in option order.' }),
    z
      .object({
        value: z.enum(['negative', 'neutral', 'positive']),
        reason: z.string().nullable().openapi({ description: 'Code of the reason chosen, if any.' }),
      })
      .openapi('SmileyAnswer', { description: 'smileys: the smiley and the reason chosen with it.' }),
    z
      .object({
        value: z.literal('other'),
        other: z.string().nullable().optional().openapi({
          description: 'The text typed with "anders" (personal data; only with responses.read-personal).',
        }),
      })
      .openapi('OtherAnswer', { description: 'single: "anders" (other) with the text typed.' }),
  ])
  .openapi('AnswerValue')

const ResponseFields = {
  id: z.uuid(),
  surveyId: z.uuid(),
  surveyVersion: z.number().int().openapi({ example: 1 }),
  status: z.enum(['complete', 'partial']).openapi({
    description: "'partial': a survey of several screens that was not finished (yet).",
  }),
  submittedAt: z.string().openapi({ format: 'date-time', example: '2026-03-02T09:15:00.000Z' }),
  language: z.string().openapi({ description: 'Language the survey was answered in.', example: 'nl' }),
  channel: z.string().nullable().openapi({ description: 'Channel code.', example: 'balie' }),
  product: z.string().nullable().openapi({ description: 'Product code.', example: 'paspoort' }),
  collectionMode: z.enum(['self', 'paper', 'interview', 'telephony']).openapi({
    description:
      "How the answers were collected: 'self' (the person, online), 'paper' (a paper form typed in by staff), 'interview' (staff filled in during a phone call or home visit), 'telephony' (sent by a telephony system).",
    example: 'self',
  }),
  caseReference: z.string().nullable().optional().openapi({
    description:
      'Reference of the zaak the response is about (personal data): present only for roles that may read personal data.',
    example: 'Z-2026-0001',
  }),
  answers: z.record(z.string(), AnswerValueSchema).openapi({
    description:
      'Answers by question code. Open-text answers are personal data: present only for roles that may read personal data.',
    example: {
      cijfer: 8,
      gevoel: { value: 'negative', reason: 'wachttijd' },
      duidelijk: 'dont_know',
      reden: 'paspoort',
      kanalen: ['telefoon', 'website'],
      eerder: true,
      bezoekdatum: '2026-03-02',
    },
  }),
}

export const ResponseSchema = z.object(ResponseFields).openapi('Response')

export const ConsentSchema = z
  .object({
    purpose: z.enum(['recontact', 'quoting', 'panel']),
    given: z.boolean(),
    recordedAt: z.string().openapi({ format: 'date-time' }),
    withdrawnAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Consent')

export const ResponseDetailSchema = z
  .object({ ...ResponseFields, consents: z.array(ConsentSchema) })
  .openapi('ResponseDetail')

const isSmiley = (v: string | null): v is Smiley => v === 'negative' || v === 'neutral' || v === 'positive'

/**
 * The typed value of one question's answer rows, or undefined when the caller may not see it (open
 * text without personal access) or the rows do not make an answer.
 */
export function answerValue(rows: StoredAnswerRow[], personal: boolean): AnswerOut | undefined {
  const r = rows[0]
  if (!r) return undefined
  switch (r.kind) {
    case 'grade':
    case 'ces':
    case 'nps':
    case 'agreement':
      if (r.optionCode === 'dont_know') return 'dont_know'
      return r.numericValue ?? undefined
    case 'smileys':
      return isSmiley(r.optionCode) ? { value: r.optionCode, reason: r.detailCode } : undefined
    case 'single':
      if (r.optionCode === 'other')
        return personal ? { value: 'other', other: r.textValue } : { value: 'other' }
      return r.optionCode ?? undefined
    case 'multiple':
      return rows.map((x) => x.optionCode).filter((c): c is string => c !== null)
    case 'open':
      return personal && r.textValue !== null ? r.textValue : undefined
    case 'yes_no':
    case 'consent':
      return r.optionCode === null ? undefined : r.optionCode === 'yes'
    case 'date':
      return r.dateValue ?? undefined
  }
}

/** Answers by question code; rows must be grouped per question (as stored: question order, then item). */
export function presentAnswers(rows: StoredAnswerRow[], personal: boolean): Record<string, AnswerOut> {
  const byCode = new Map<string, StoredAnswerRow[]>()
  for (const r of rows) {
    const list = byCode.get(r.code)
    if (list) list.push(r)
    else byCode.set(r.code, [r])
  }
  const out: Record<string, AnswerOut> = {}
  for (const [code, list] of byCode) {
    const v = answerValue(list, personal)
    if (v !== undefined) out[code] = v
  }
  return out
}

/** A response for the API; `personal` says whether the caller may read personal data. */
export function presentResponse(r: StoredResponse, personal: boolean) {
  return {
    id: r.id,
    surveyId: r.surveyId,
    surveyVersion: r.surveyVersion,
    status: r.status,
    submittedAt: r.submittedAt.toISOString(),
    language: r.language,
    channel: r.channel,
    product: r.product,
    collectionMode: r.collectionMode,
    ...(personal ? { caseReference: r.caseReference } : {}),
    answers: presentAnswers(r.answers, personal),
  }
}

/** A response with its consents (purpose and state only; the statement text stays in the database). */
export function presentResponseDetail(r: StoredResponse & { consents: StoredConsent[] }, personal: boolean) {
  return {
    ...presentResponse(r, personal),
    consents: r.consents.map((c) => ({
      purpose: c.purpose,
      given: c.given,
      recordedAt: c.recordedAt.toISOString(),
      withdrawnAt: c.withdrawnAt ? c.withdrawnAt.toISOString() : null,
    })),
  }
}
