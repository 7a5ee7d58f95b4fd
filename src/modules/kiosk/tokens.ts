/**
 * Device tokens of kiosks: 32 random bytes (256 bits) in base64url, carried in the tablet's link
 * `/kiosk/{token}`. Only the SHA-256 is stored, so a copy of the database cannot be turned into a working
 * kiosk; the token is shown to staff once, when the kiosk is made.
 */
import { createHash, randomBytes } from 'node:crypto'

/** The form of a device token: 32 bytes in base64url. */
export const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/

/** A new device token and the hash to store. */
export function mintDeviceToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashDeviceToken(token) }
}

/** The stored form of a device token (hex SHA-256). */
export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
