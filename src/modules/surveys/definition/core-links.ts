/**
 * Core links: a question's `core: { block, version }` says it IS the core question of a locked bouwblok
 * version of the kern template, so its answers are comparable across surveys and organisations
 * (measurement/calc/comparability.ts). This module keeps that claim true (pure, no I/O).
 *
 * Rules (docs/survey-definition.md, "Core links"):
 * - A link stays only while the question still asks the core question: the same Dutch text (compared
 *   after Unicode NFC and collapsing whitespace) on the same answer scale (grade ↔ the 1–10 grade scale;
 *   agreement ↔ the 5-point scale, with "weet ik niet" exactly when the core scale has it). The code may
 *   differ: codes are labels for exports, not part of what a respondent sees.
 * - Translations and help may differ. Dutch is the master wording that the bouwblok versions; other
 *   languages render it and organisations add languages themselves. Help is context below the question
 *   (for example "U kunt ook bellen …"); the scale's own labels carry the anchors. Requiring both to be
 *   identical would turn almost every adapted survey into local questions for no measurement reason.
 * - Otherwise the link is dropped and a notice says the question is now an own (local) question
 *   (eigen vraag): a changed wording is a different measurement.
 * - A link to a block/version the template does not have, to a block without a question (goal, process
 *   indicator), or a second link to the same block in one survey is an error.
 */
import type { InvalidParam } from '../../../platform/errors.ts'
import type { Question, SurveyDefinition } from './schema.ts'

/** The part of a kern bouwblok this module needs (measurement's KernBlock fits it). */
export interface CoreBlockRef {
  id: string
  version: number
  name: string
  kind: string
  code: string
  questions: { code: string; text: string; help: string | null; scale: { id: string; version: number } }[]
}

/** The part of a kern scale this module needs (measurement's KernScale fits it). */
export interface CoreScaleRef {
  id: string
  version: number
  kind: 'grade' | 'agreement'
  dontKnow: boolean
}

/** The reference data of the kern template: its bouwblokken and answer scales. */
export interface CoreReference {
  blocks: readonly CoreBlockRef[]
  scales: readonly CoreScaleRef[]
}

/** A dropped link: the question at `path` no longer matches its core question. */
export interface CoreLinkNotice {
  path: string
  code: string
  block: string
  version: number
  /** 'text': the Dutch wording differs; 'scale': the question type or answer scale differs. */
  reason: 'text' | 'scale'
}

/** The definition with only valid links, the links dropped, and errors for links that cannot exist. */
export interface CoreLinkResult {
  definition: SurveyDefinition
  notices: CoreLinkNotice[]
  errors: InvalidParam[]
}

/** The same wording: NFC, whitespace runs collapsed, trimmed. */
export function sameWording(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim()
  return norm(a) === norm(b)
}

/** Finds a bouwblok version in the reference. */
export function findCoreBlock(ref: CoreReference, block: string, version: number) {
  return ref.blocks.find((b) => b.id === block && b.version === version)
}

/** Whether the question asks on the scale of the core question. */
export function onScale(q: Question, scale: CoreScaleRef | undefined): boolean {
  if (!scale) return false
  if (scale.kind === 'grade') return q.type === 'grade'
  return q.type === 'agreement' && q.dontKnow === scale.dontKnow
}

/** Keeps each core link only when the question still matches its core question (see the module rules). */
export function applyCoreLinks(def: SurveyDefinition, ref: CoreReference): CoreLinkResult {
  const notices: CoreLinkNotice[] = []
  const errors: InvalidParam[] = []
  const linkedBy = new Map<string, string>()
  const pages = def.pages.map((page, p) => ({
    ...page,
    questions: page.questions.map((q, i) => {
      if (!q.core) return q
      const path = `pages.${p}.questions.${i}`
      const { block, version } = q.core
      const found = findCoreBlock(ref, block, version)
      if (!found) {
        errors.push({ name: `${path}.core`, reason: `${block} version ${version} is not a bouwblok of kern` })
        return q
      }
      if (found.questions.length === 0) {
        errors.push({ name: `${path}.core`, reason: `${block} has no question to link to` })
        return q
      }
      const earlier = linkedBy.get(block)
      if (earlier) {
        errors.push({ name: `${path}.core`, reason: `${block} is already linked by question ${earlier}` })
        return q
      }
      const scaleOf = (c: CoreBlockRef['questions'][0]) =>
        ref.scales.find((s) => s.id === c.scale.id && s.version === c.scale.version)
      const worded = found.questions.filter((c) => sameWording(c.text, q.text.nl))
      const match = worded.find((c) => onScale(q, scaleOf(c)))
      if (match) {
        linkedBy.set(block, q.code)
        return q
      }
      notices.push({ path, code: q.code, block, version, reason: worded.length ? 'scale' : 'text' })
      const { core: _dropped, ...local } = q
      return local as Question
    }),
  }))
  return { definition: { ...def, pages }, notices, errors }
}

/** The editor's Dutch (B1) sentence for a dropped link. */
export function coreNoticeNl(n: CoreLinkNotice, ref: CoreReference): string {
  const name = findCoreBlock(ref, n.block, n.version)?.name ?? n.block
  const what = n.reason === 'text' ? 'De tekst' : 'De soort vraag of de antwoorden'
  return `Vraag ‘${n.code}’ is nu een eigen (lokale) vraag. ${what} is anders dan bij de kernvraag ${name} (versie ${n.version}). Daarom kunt u de antwoorden niet meer vergelijken met andere vragenlijsten en organisaties.`
}

/** The English sentence for reports outside the editor (import, CLI). */
export function coreNoticeEn(n: CoreLinkNotice): string {
  const what = n.reason === 'text' ? 'its Dutch text' : 'its type or answer scale'
  return `Question ${n.code} is now a local question (eigen vraag): ${what} differs from core question ${n.block} version ${n.version}, so the link was removed.`
}
