/**
 * Every write runs with a context (organisation, actor, request id) and appends an `event` row in the
 * same transaction: the audit trail and, later, the source for webhooks and processors (ARCHITECTURE §3.5).
 */
import type { Generated, Kysely, Transaction } from 'kysely'
import { newId } from './ids.ts'

/** Who does a write, for which organisation, in which request. */
export interface WriteContext {
  organisationId: string
  actor: { type: 'account' | 'public' | 'system' | 'api_key'; id?: string | null }
  requestId?: string | null
}

/** What happened. `type` is `subject.verb-past` (for example `response.submitted`). */
export interface EventInput {
  type: string
  subjectType: string
  subjectId?: string | null
  data?: Record<string, unknown>
}

/** The event table, as Kysely sees it. */
export interface EventTable {
  organisation_id: string
  id: string
  occurred_at: Generated<Date>
  type: string
  actor_type: string
  actor_id: string | null
  request_id: string | null
  subject_type: string
  subject_id: string | null
  data: unknown
}

/** The event row for a write, for callers that insert it themselves (for example inside one statement). */
export function eventRow(ctx: WriteContext, event: EventInput) {
  return {
    organisation_id: ctx.organisationId,
    id: newId(),
    type: event.type,
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id ?? null,
    request_id: ctx.requestId ?? null,
    subject_type: event.subjectType,
    subject_id: event.subjectId ?? null,
    data: JSON.stringify(event.data ?? {}),
  }
}

/** Appends an event inside the caller's transaction. */
export async function recordEvent(trx: Transaction<any> | Kysely<any>, ctx: WriteContext, event: EventInput) {
  await (trx as Kysely<{ event: EventTable }>).insertInto('event').values(eventRow(ctx, event)).execute()
}
