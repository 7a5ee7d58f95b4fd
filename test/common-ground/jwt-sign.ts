/** Signs a ZGW JWT for the test APIs' own clients (the Zaken API publishing a notification). */
import { createHmac } from 'node:crypto'

/** An HS256 token with `client_id` and `iat`, written out by hand (RFC 7515 §A.1). */
export function signZgwJwt(clientId: string, secret: string, iat = Math.floor(Date.now() / 1000)): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  const unsigned = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ iss: clientId, iat, client_id: clientId })}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}
