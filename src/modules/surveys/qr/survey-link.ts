/**
 * The public link of a survey for one place and channel, as printed in a QR code on a letter, a poster
 * or the balie. The channel and the place travel as the survey's own hidden fields (their `queryParam`),
 * so the response records them like any other link parameter (docs/survey-definition.md, hidden fields).
 */
import type { SurveyDefinition } from '../definition/schema.ts'

type HiddenField = SurveyDefinition['hidden'][number]

/** What the link should carry; empty values are left out. */
export interface LinkContext {
  /** Channel code of the organisation, for example `balie` or `brief`. */
  channel?: string
  /** The place or moment, for example `Stadskantoor, balie 3`. */
  touchpoint?: string
}

/** The link, and which of the asked values the survey has no hidden field for (they are not recorded). */
export interface SurveyLink {
  url: string
  missing: (keyof LinkContext)[]
}

const SOURCES: Record<keyof LinkContext, HiddenField['source']> = {
  channel: 'channel',
  touchpoint: 'touchpoint',
}

/** Builds `${publicUrl}/s/${publicKey}?…` with the hidden fields' query parameters. */
export function surveyLink(
  publicUrl: string,
  publicKey: string,
  hidden: HiddenField[],
  context: LinkContext,
): SurveyLink {
  const url = new URL(`${publicUrl.replace(/\/$/, '')}/s/${encodeURIComponent(publicKey)}`)
  const missing: (keyof LinkContext)[] = []
  for (const key of Object.keys(SOURCES) as (keyof LinkContext)[]) {
    const value = context[key]?.trim()
    if (!value) continue
    const field = hidden.find((h) => h.source === SOURCES[key] && h.queryParam)
    if (field?.queryParam) url.searchParams.set(field.queryParam, value)
    else missing.push(key)
  }
  return { url: url.toString(), missing }
}
