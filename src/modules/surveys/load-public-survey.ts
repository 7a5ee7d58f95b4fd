/**
 * Loads a survey by its public key for the response page and intake. A published version never changes,
 * so the definition is cached in memory for a minute: intake does not re-read the questions per answer.
 */
import type { Kysely } from 'kysely'
import { NotFoundError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import type { QuestionKind } from './schema.ts'

/** A question as the response page and the validator see it. */
export interface PublicQuestion {
  id: string
  code: string
  kind: QuestionKind
  text: string
  help: string | null
  required: boolean
  maxLength: number | null
}

/** A survey ready to be answered. */
export interface PublicSurvey {
  organisationId: string
  organisationName: string
  surveyId: string
  version: number
  publicKey: string
  title: string
  questions: PublicQuestion[]
  /** Channel code → id of the organisation's channels. */
  channels: Map<string, string>
}

const TTL_MS = 60_000
const cache = new Map<string, { at: number; survey: PublicSurvey }>()

/** The survey behind a public key; NotFoundError for an unknown key. */
export async function loadPublicSurvey(db: Kysely<Database>, publicKey: string): Promise<PublicSurvey> {
  const hit = cache.get(publicKey)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.survey
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(publicKey)) throw new NotFoundError('Deze vragenlijst bestaat niet.')
  const s = await db
    .selectFrom('survey')
    .innerJoin('organisation', 'organisation.id', 'survey.organisation_id')
    .select([
      'survey.id',
      'survey.organisation_id',
      'survey.current_version',
      'survey.title',
      'organisation.name',
    ])
    .where('survey.public_key', '=', publicKey)
    .executeTakeFirst()
  if (!s) throw new NotFoundError('Deze vragenlijst bestaat niet.')
  const [questions, channels] = await Promise.all([
    db
      .selectFrom('question')
      .select(['id', 'code', 'kind', 'text_nl', 'help_nl', 'required', 'max_length'])
      .where('organisation_id', '=', s.organisation_id)
      .where('survey_id', '=', s.id)
      .where('survey_version', '=', s.current_version)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('channel')
      .select(['id', 'code'])
      .where('organisation_id', '=', s.organisation_id)
      .execute(),
  ])
  const survey: PublicSurvey = {
    organisationId: s.organisation_id,
    organisationName: s.name,
    surveyId: s.id,
    version: s.current_version,
    publicKey,
    title: s.title,
    questions: questions.map((q) => ({
      id: q.id,
      code: q.code,
      kind: q.kind,
      text: q.text_nl,
      help: q.help_nl,
      required: q.required,
      maxLength: q.max_length,
    })),
    channels: new Map(channels.map((c) => [c.code, c.id])),
  }
  cache.set(publicKey, { at: Date.now(), survey })
  return survey
}

/** Forgets cached surveys (after a definition or channel change, and in tests). */
export function clearSurveyCache() {
  cache.clear()
}
