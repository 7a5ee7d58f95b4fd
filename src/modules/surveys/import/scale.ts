/**
 * Recognises answer scales of source matrices and arrays that fit a Klankbord scale question: five
 * points (optionally followed by "weet ik niet / n.v.t.") become agreement 1–5, 1–10 a grade, 0–10 an
 * NPS. Values are taken from the source values when they are the numbers themselves, otherwise from the
 * position; a scale that runs from positive to negative (first "helemaal eens", last "helemaal oneens")
 * is turned round so that 5 stays the positive end.
 */
import type { QuestionType } from '../definition/schema.ts'
import type { TargetValue } from './conditions.ts'

/** One answer column of the source: its stored value and its (plain) label. */
export interface ScalePoint {
  value: string
  label: string
}

export interface Scale {
  type: Extract<QuestionType, 'agreement' | 'grade' | 'nps'>
  /** Source value → Klankbord value (1–5, 'dont_know', 1–10 or 0–10). */
  values: Map<string, TargetValue>
  dontKnow: boolean
  /** Whether the source labels were kept as numbers (false: positions were used). */
  numeric: boolean
  reversed: boolean
}

const DONT_KNOW =
  /weet (ik )?niet|n\.?v\.?t\.?|niet van toepassing|geen mening|don.?t know|not applicable|n\/a|no opinion/i
const NEGATIVE =
  /\b(oneens|disagree|slecht|bad|poor|ontevreden|dissatisfied|unsatisfied|nooit|never|moeilijk|difficult)\b/i

function numbersOf(points: ScalePoint[]): number[] | undefined {
  const byValue = points.map((p) => Number(p.value))
  if (points.every((p) => /^\d+$/.test(p.value.trim()))) return byValue
  const byLabel = points.map((p) => Number(p.label))
  if (points.every((p) => /^\d+$/.test(p.label.trim()))) return byLabel
  return undefined
}

function isRun(numbers: number[], from: number, to: number): boolean {
  const sorted = [...numbers].sort((a, b) => a - b)
  return sorted.length === to - from + 1 && sorted.every((n, i) => n === from + i)
}

/** Returns the Klankbord scale the points form, or undefined when they form none. */
export function recogniseScale(points: ScalePoint[]): Scale | undefined {
  const last = points.at(-1)
  const dontKnow = points.length === 6 && !!last && DONT_KNOW.test(last.label)
  const scale = dontKnow ? points.slice(0, 5) : points
  const numbers = numbersOf(scale)
  const values = new Map<string, TargetValue>()
  if (numbers && (isRun(numbers, 1, 10) || isRun(numbers, 0, 10)) && !dontKnow) {
    scale.forEach((p, i) => values.set(p.value, numbers[i] as number))
    return { type: numbers.includes(0) ? 'nps' : 'grade', values, dontKnow, numeric: true, reversed: false }
  }
  if (scale.length !== 5) return undefined
  const numeric = !!numbers && isRun(numbers, 1, 5)
  const first = scale[0] as ScalePoint
  const reversed = !numeric && NEGATIVE.test((scale[4] as ScalePoint).label) && !NEGATIVE.test(first.label)
  scale.forEach((p, i) => values.set(p.value, numeric ? (numbers?.[i] as number) : reversed ? 5 - i : i + 1))
  if (dontKnow && last) values.set(last.value, 'dont_know')
  return { type: 'agreement', values, dontKnow, numeric, reversed }
}

/** A sentence for the report saying how the source labels were mapped, or undefined if nothing changed. */
export function scaleChange(scale: Scale, points: ScalePoint[]): string | undefined {
  if (scale.type !== 'agreement' || scale.numeric) return undefined
  const first = points[0]?.label ?? ''
  const fifth = points[4]?.label ?? ''
  return (
    `its answer labels ("${first}" … "${fifth}") became the agreement scale 1–5` +
    (scale.reversed ? ' (turned round: the source ran from positive to negative)' : '')
  )
}
