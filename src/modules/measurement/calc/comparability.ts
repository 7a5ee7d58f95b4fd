/**
 * Comparability of answers across surveys and organisations.
 *
 * Rule: answers to the same core question version (bouwblok id, bouwblok version, question code) on the
 * same scale version are comparable, whichever survey asked them and whichever organisation's model
 * holds them. Anything else is a local question: comparable only within its own organisation, and only
 * while its wording and scale stay the same — a changed wording is a different question. That is why a
 * core question whose wording an organisation changes becomes local (docs/measurement-model.md §4):
 * the measurement literature treats wording as part of the instrument, so a changed wording gives
 * a different measurement, not a comparable one.
 *
 * Pure: no I/O. The key is a plain string so SQL can GROUP BY it.
 */
import { createHash } from 'node:crypto'

/** A versioned answer scale. */
export interface ScaleRef {
  id: string
  version: number
}

/** The core question a model question is, or came from. */
export interface CoreQuestionRef {
  blockId: string
  blockVersion: number
  questionCode: string
}

/** What decides comparability of one model question. */
export type ComparableQuestion =
  | { origin: 'core'; core: CoreQuestionRef; scale: ScaleRef }
  | { origin: 'local'; organisationId: string; code: string; text: string; scale: ScaleRef }

/** "kern.eens5@1". */
export function scaleKey(scale: ScaleRef): string {
  return `${scale.id}@${scale.version}`
}

/** "kern.serieus_genomen@1/serieus_genomen". */
export function coreQuestionKey(core: CoreQuestionRef): string {
  return `${core.blockId}@${core.blockVersion}/${core.questionCode}`
}

/**
 * The comparability key: equal keys mean comparable answers.
 * Core: `kern.serieus_genomen@1/serieus_genomen~kern.eens5@1`, the same in every organisation.
 * Local: `lokaal:<organisation id>/<code>#<12 hex of sha256(wording)>~<scale>`, so another organisation's
 * question, or the same code with another wording, never shares a key.
 */
export function comparabilityKey(q: ComparableQuestion): string {
  if (q.origin === 'core') return `${coreQuestionKey(q.core)}~${scaleKey(q.scale)}`
  const wording = createHash('sha256').update(q.text.normalize('NFC').trim()).digest('hex').slice(0, 12)
  return `lokaal:${q.organisationId}/${q.code}#${wording}~${scaleKey(q.scale)}`
}
