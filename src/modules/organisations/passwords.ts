/** Password hashing with argon2id (OWASP minimum: m=19 MiB, t=2, p=1). */
import { hash, verify } from '@node-rs/argon2'

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Hashes a password for storage (PHC string, includes salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

/** Checks a password against a stored hash; false on any malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
