/**
 * Loads a survey by its public key for the response page and intake: the newest PUBLISHED version's
 * definition with the ids of its question rows. A published version never changes, so the survey is
 * cached in memory for a minute: intake does not re-read the definition per answer. A draft can be
 * shown the same way (preview) through `previewSurvey`, without ids, never stored.
 */
import type { Kysely } from 'kysely'
import { NotFoundError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { themeHref } from '../organisations/index.ts'
import type { Question, SurveyDefinition } from './definition/schema.ts'
import { allQuestions } from './versions/question-rows.ts'
import { findVersion } from './versions/store.ts'

/** A survey version ready to be answered. */
export interface PublicSurvey {
  organisationId: string
  organisationName: string
  surveyId: string
  version: number
  publicKey: string
  /** Dutch title (for logs and staff pages; the page shows the title in the person's language). */
  title: string
  definition: SurveyDefinition
  /** Every question in order (pages flattened). */
  questions: Question[]
  /** Question code → id of its `question` row. */
  questionIds: Map<string, string>
  /** Channel code → id of the organisation's channels. */
  channels: Map<string, string>
  /** Product code → id of the organisation's products. */
  products: Map<string, string>
  /** True for a draft shown to staff: nothing may be stored. */
  preview?: boolean
  /** The organisation's design-token stylesheet, if it has one. */
  themeHref?: string
}

const TTL_MS = 60_000
const cache = new Map<string, { at: number; survey: PublicSurvey }>()
const UNKNOWN = 'Deze vragenlijst bestaat niet.'

/** The survey behind a public key; NotFoundError for an unknown key or a survey not yet published. */
export async function loadPublicSurvey(db: Kysely<Database>, publicKey: string): Promise<PublicSurvey> {
  const hit = cache.get(publicKey)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.survey
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(publicKey)) throw new NotFoundError(UNKNOWN)
  const s = await db
    .selectFrom('survey')
    .innerJoin('organisation', 'organisation.id', 'survey.organisation_id')
    .select([
      'survey.id',
      'survey.organisation_id',
      'survey.current_version',
      'survey.title',
      'organisation.name',
      'organisation.slug',
      'organisation.theme_tokens',
    ])
    .where('survey.public_key', '=', publicKey)
    .executeTakeFirst()
  if (!s || s.current_version < 1) throw new NotFoundError(UNKNOWN)
  const [version, questions, refs] = await Promise.all([
    findVersion(db, s.organisation_id, s.id, s.current_version),
    db
      .selectFrom('question')
      .select(['id', 'code'])
      .where('organisation_id', '=', s.organisation_id)
      .where('survey_id', '=', s.id)
      .where('survey_version', '=', s.current_version)
      .execute(),
    references(db, s.organisation_id),
  ])
  if (!version) throw new NotFoundError(UNKNOWN)
  const survey: PublicSurvey = {
    organisationId: s.organisation_id,
    organisationName: s.name,
    surveyId: s.id,
    version: s.current_version,
    publicKey,
    title: s.title,
    definition: version.definition,
    questions: allQuestions(version.definition),
    questionIds: new Map(questions.map((q) => [q.code, q.id])),
    ...refs,
    themeHref: themeHref(s.slug, s.theme_tokens),
  }
  cache.set(publicKey, { at: Date.now(), survey })
  return survey
}

/** A draft (or any version) shown as the respondent would see it; answers are checked, never stored. */
export async function previewSurvey(
  db: Kysely<Database>,
  organisationId: string,
  surveyId: string,
  version: number,
): Promise<PublicSurvey> {
  const s = await db
    .selectFrom('survey')
    .innerJoin('organisation', 'organisation.id', 'survey.organisation_id')
    .select(['survey.public_key', 'organisation.name', 'organisation.slug', 'organisation.theme_tokens'])
    .where('survey.organisation_id', '=', organisationId)
    .where('survey.id', '=', surveyId)
    .executeTakeFirst()
  const v = s ? await findVersion(db, organisationId, surveyId, version) : null
  if (!s || !v) throw new NotFoundError()
  const questions = allQuestions(v.definition)
  return {
    organisationId,
    organisationName: s.name,
    surveyId,
    version,
    publicKey: s.public_key,
    title: v.definition.title.nl,
    definition: v.definition,
    questions,
    // Preview answers are never stored; the codes stand in for ids so validation runs unchanged.
    questionIds: new Map(questions.map((q) => [q.code, q.code])),
    ...(await references(db, organisationId)),
    preview: true,
    themeHref: themeHref(s.slug, s.theme_tokens),
  }
}

async function references(db: Kysely<Database>, organisationId: string) {
  const [channels, products] = await Promise.all([
    db.selectFrom('channel').select(['id', 'code']).where('organisation_id', '=', organisationId).execute(),
    db.selectFrom('product').select(['id', 'code']).where('organisation_id', '=', organisationId).execute(),
  ])
  return {
    channels: new Map(channels.map((c) => [c.code, c.id])),
    products: new Map(products.map((p) => [p.code, p.id])),
  }
}

/** Forgets cached surveys (after a definition or channel change, and in tests). */
export function clearSurveyCache() {
  cache.clear()
}
