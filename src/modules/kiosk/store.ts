/** Reads of kiosks, always scoped to an organisation except the device-token lookup of the tablet. */
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { findVersion, listSurveys } from '../surveys/index.ts'
import { kioskQuestion } from './calc/kiosk-question.ts'
import { DEVICE_TOKEN, hashDeviceToken } from './tokens.ts'

/** A kiosk as the tablet's requests need it. */
export interface DeviceKiosk {
  organisationId: string
  id: string
  surveyId: string
  publicKey: string
  channelCode: string
  place: string
  resetSeconds: number
  createdAt: Date
  revokedAt: Date | null
}

/** The kiosk of a device token, revoked or not; null for a malformed or unknown token. */
export async function findKioskByToken(db: Kysely<Database>, token: string): Promise<DeviceKiosk | null> {
  if (!DEVICE_TOKEN.test(token)) return null
  const row = await db
    .selectFrom('kiosk')
    .innerJoin('survey', (j) =>
      j
        .onRef('survey.organisation_id', '=', 'kiosk.organisation_id')
        .onRef('survey.id', '=', 'kiosk.survey_id'),
    )
    .innerJoin('channel', (j) =>
      j
        .onRef('channel.organisation_id', '=', 'kiosk.organisation_id')
        .onRef('channel.id', '=', 'kiosk.channel_id'),
    )
    .select([
      'kiosk.organisation_id',
      'kiosk.id',
      'kiosk.survey_id',
      'survey.public_key',
      'channel.code as channel_code',
      'kiosk.place',
      'kiosk.reset_seconds',
      'kiosk.created_at',
      'kiosk.revoked_at',
    ])
    .where('kiosk.token_hash', '=', hashDeviceToken(token))
    .executeTakeFirst()
  if (!row) return null
  return {
    organisationId: row.organisation_id,
    id: row.id,
    surveyId: row.survey_id,
    publicKey: row.public_key,
    channelCode: row.channel_code,
    place: row.place,
    resetSeconds: row.reset_seconds,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }
}

/** Notes that the tablet was heard from (staff see it as "laatst gezien"); at most once a minute. */
export async function touchKiosk(db: Kysely<Database>, kiosk: DeviceKiosk, now = new Date()) {
  await db
    .updateTable('kiosk')
    .set({ last_seen_at: now })
    .where('organisation_id', '=', kiosk.organisationId)
    .where('id', '=', kiosk.id)
    .where((eb) =>
      eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', new Date(now.getTime() - 60_000))]),
    )
    .execute()
}

/** One line of the staff list. No personal data: place, survey, channel and times. */
export interface KioskLine {
  id: string
  place: string
  surveyTitle: string
  channelName: string
  resetSeconds: number
  createdAt: Date
  revokedAt: Date | null
  lastSeenAt: Date | null
}

/** The organisation's kiosks, newest first (at most 200: an organisation has a handful of balies). */
export async function listKiosks(db: Kysely<Database>, organisationId: string): Promise<KioskLine[]> {
  const rows = await db
    .selectFrom('kiosk')
    .innerJoin('survey', (j) =>
      j
        .onRef('survey.organisation_id', '=', 'kiosk.organisation_id')
        .onRef('survey.id', '=', 'kiosk.survey_id'),
    )
    .innerJoin('channel', (j) =>
      j
        .onRef('channel.organisation_id', '=', 'kiosk.organisation_id')
        .onRef('channel.id', '=', 'kiosk.channel_id'),
    )
    .select([
      'kiosk.id',
      'kiosk.place',
      'survey.title',
      'channel.name',
      'kiosk.reset_seconds',
      'kiosk.created_at',
      'kiosk.revoked_at',
      'kiosk.last_seen_at',
    ])
    .where('kiosk.organisation_id', '=', organisationId)
    .orderBy('kiosk.created_at', 'desc')
    .orderBy('kiosk.id', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    place: r.place,
    surveyTitle: r.title,
    channelName: r.name,
    resetSeconds: r.reset_seconds,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastSeenAt: r.last_seen_at,
  }))
}

/** A survey a kiosk can use: published, with a smiley question that is always shown. */
export interface KioskSurveyChoice {
  id: string
  title: string
}

/** The organisation's surveys whose published version has a smiley question a kiosk can ask. */
export async function kioskSurveys(
  db: Kysely<Database>,
  organisationId: string,
): Promise<KioskSurveyChoice[]> {
  const surveys = (await listSurveys(db, organisationId, { limit: 200 })).filter(
    (s) => s.publishedVersion > 0,
  )
  const versions = await Promise.all(
    surveys.map((s) => findVersion(db, organisationId, s.id, s.publishedVersion)),
  )
  return surveys
    .filter((_, i) => {
      const v = versions[i]
      return v ? kioskQuestion(v.definition) !== null : false
    })
    .map((s) => ({ id: s.id, title: s.title }))
}

/** The organisation's channels, for the channel choice. */
export async function channelChoices(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('channel')
    .select(['id', 'code', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute()
}
