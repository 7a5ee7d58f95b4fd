/**
 * The ZGW JWT check of the local test APIs, written apart from Klankbord's own token code
 * (src/modules/common-ground/calc/jwt.ts) so the tests compare two implementations: HS256 per
 * RFC 7515 §A.1 (HMAC-SHA256 over `header.payload`), the claims `client_id` and `iat`, and a lifetime of
 * one hour as Open Zaak's default JWT_EXPIRY.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** Known clients: client id → secret. */
export type Clients = Record<string, string>

/** Why a token was refused, or null when it is good. */
export function checkZgwJwt(
  authorization: string | undefined,
  clients: Clients,
  now = Date.now(),
): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '')
  if (!match) return 'missing'
  const [, h, p, s] = match as unknown as [string, string, string, string]
  let header: { alg?: string }
  let payload: { client_id?: string; iat?: number }
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'))
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'))
  } catch {
    return 'malformed'
  }
  if (header.alg !== 'HS256') return 'algorithm'
  const secret = payload.client_id ? clients[payload.client_id] : undefined
  if (!secret) return 'unknown client'
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest()
  const given = Buffer.from(s, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature'
  if (typeof payload.iat !== 'number' || Math.abs(now / 1000 - payload.iat) > 3600) return 'expired'
  return null
}
