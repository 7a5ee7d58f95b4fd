/**
 * The Klankbord survey definition (format `klankbord.survey/1`): the JSON that the editor produces, that
 * export/import moves between installations, and that a published survey version stores. Answers never
 * live in it: they go to typed rows (ARCHITECTURE §3.2). Documented in docs/survey-definition.md.
 *
 * Texts are translatable: `{ nl: "…", en: "…" }`; Dutch is required, other languages fall back to Dutch
 * per text. Codes (question, option) are stable identifiers used by the API, exports and analytics.
 */
import { z } from 'zod'

/** A question or option code: lowercase, digits and underscores, starting with a letter. */
export const Code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'use 1–63 lowercase letters, digits or _, starting with a letter')

/** BCP 47-like language tag as used here: two or three lowercase letters (nl, en, tr, ar, pap). */
export const Lang = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'use a two- or three-letter language code such as nl or en')

/** A translatable text; Dutch is required. */
export const Text = z
  .object({ nl: z.string().trim().min(1).max(2000) })
  .catchall(z.string().trim().max(2000))
  .refine((t) => Object.keys(t).every((k) => /^[a-z]{2,3}$/.test(k)), 'text keys must be language codes')

/** Link of a question to a locked core building block (bouwblok) of the kern template. */
export const CoreLink = z.object({
  block: z.string().regex(/^kern\.[a-z0-9_]+$/),
  version: z.number().int().min(1),
})

/** A condition on an earlier answer. */
export const Condition = z.object({
  question: Code,
  op: z.enum(['equals', 'not_equals', 'in', 'not_in', 'lte', 'gte', 'answered', 'not_answered']),
  value: z
    .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])
    .optional(),
})

/** Show a question only when all (or any) conditions hold. */
export const VisibleIf = z
  .object({ all: z.array(Condition).min(1) })
  .or(z.object({ any: z.array(Condition).min(1) }))

const base = {
  code: Code,
  text: Text,
  help: Text.optional(),
  required: z.boolean().default(false),
  visibleIf: VisibleIf.optional(),
  core: CoreLink.optional(),
  /** The drijfveer a statement measures (links the question to the measurement model). */
  driver: Code.optional(),
}

export const Option = z.object({ code: Code, text: Text })

export const Question = z.discriminatedUnion('type', [
  /** Rapportcijfer 1–10. */
  z.object({ ...base, type: z.literal('grade') }),
  /** 5-point agreement; "weet ik niet / n.v.t." when `dontKnow` (default true). */
  z.object({ ...base, type: z.literal('agreement'), dontKnow: z.boolean().default(true) }),
  /** Customer Effort Score, 7-point (1 = heel moeilijk … 7 = heel makkelijk). */
  z.object({ ...base, type: z.literal('ces') }),
  /** Net Promoter Score question, 0–10. */
  z.object({ ...base, type: z.literal('nps') }),
  /** Three smileys (negatief, neutraal, positief), optionally followed by a choice of reason per smiley. */
  z.object({
    ...base,
    type: z.literal('smileys'),
    reasons: z
      .object({
        negative: z.array(Option).max(12),
        neutral: z.array(Option).max(12),
        positive: z.array(Option).max(12),
      })
      .partial()
      .optional(),
  }),
  z.object({
    ...base,
    type: z.literal('single'),
    options: z.array(Option).min(2).max(40),
    other: z.boolean().default(false),
  }),
  z.object({
    ...base,
    type: z.literal('multiple'),
    options: z.array(Option).min(2).max(40),
    maxChoices: z.number().int().min(1).optional(),
  }),
  z.object({
    ...base,
    type: z.literal('open'),
    maxLength: z.number().int().min(1).max(10_000).default(2000),
    rows: z.number().int().min(1).max(20).default(4),
  }),
  z.object({ ...base, type: z.literal('yes_no') }),
  z.object({ ...base, type: z.literal('date'), min: z.iso.date().optional(), max: z.iso.date().optional() }),
  /** A purpose-bound consent statement; each purpose is stored separately (AVG: specific consent). */
  z.object({ ...base, type: z.literal('consent'), purpose: z.enum(['recontact', 'quoting', 'panel']) }),
])

/** A value filled from the invitation or the link, never shown (product, channel, case reference, …). */
export const HiddenField = z.object({
  code: Code,
  source: z.enum(['product', 'channel', 'case_reference', 'touchpoint', 'language', 'custom']),
  /** The query parameter of the public link that may carry it (for example ?zaak=…). */
  queryParam: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,30}$/)
    .optional(),
})

export const Page = z.object({
  title: Text.optional(),
  intro: Text.optional(),
  /** Show the agreement statements of this page in random order per respondent. */
  shuffleStatements: z.boolean().default(false),
  questions: z.array(Question).min(1).max(60),
})

export const SurveyDefinition = z.object({
  format: z.literal('klankbord.survey/1'),
  title: Text,
  intro: Text.optional(),
  /** Shown after submitting: what happens with the answers. */
  thanks: Text.optional(),
  /** Languages offered on the public page; the first is the default. Dutch is always included. */
  languages: z.array(Lang).min(1).max(20).default(['nl']),
  /** One question per screen, for kiosks and phones. */
  oneQuestionPerScreen: z.boolean().default(false),
  hidden: z.array(HiddenField).max(20).default([]),
  pages: z.array(Page).min(1).max(30),
})

export type SurveyDefinition = z.output<typeof SurveyDefinition>
export type SurveyDefinitionInput = z.input<typeof SurveyDefinition>
export type Question = z.output<typeof Question>
export type QuestionType = Question['type']
export type Condition = z.output<typeof Condition>
export type Text = z.output<typeof Text>
