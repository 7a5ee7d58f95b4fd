/**
 * The JSON Web Token that the ZGW APIs (Zaken API 1.5, Notificaties API 1.0) require in
 * `Authorization: Bearer …`: RFC 7519 with an HS256 signature (RFC 7515 §A.1: HMAC-SHA256 over
 * `base64url(header).base64url(payload)`, keyed with the client secret).
 *
 * Claims as the VNG "Authenticatie en autorisatie" page of the ZGW standard prescribes: `iss` and
 * `client_id` (the client id the gemeente registered in the Autorisaties API / Open Zaak), `iat` (seconds;
 * servers refuse tokens older than their JWT_EXPIRY, often one hour, so a token is made per request),
 * and `user_id` / `user_representation` for the audit trail of the provider (the system, not a person).
 */
import { createHmac } from 'node:crypto'

/** What goes into the token. */
export interface ZgwClient {
  clientId: string
  secret: string
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url')

/** A compact JWS with HS256: `base64url(header).base64url(payload).base64url(HMAC-SHA256)`. */
export function signHs256(payload: object, secret: string): string {
  const unsigned = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(payload))}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}

/** The ZGW token for `client` at `now`. */
export function zgwJwt(client: ZgwClient, now: Date): string {
  return signHs256(
    {
      iss: client.clientId,
      iat: Math.floor(now.getTime() / 1000),
      client_id: client.clientId,
      user_id: 'klankbord',
      user_representation: 'Klankbord',
    },
    client.secret,
  )
}
