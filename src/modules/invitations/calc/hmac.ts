import { createHmac } from 'node:crypto'

/** HMAC-SHA256 (RFC 2104 with SHA-256, as tested by RFC 4231) of a UTF-8 message under a UTF-8 key. */
export function hmacSha256(key: string, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest()
}
