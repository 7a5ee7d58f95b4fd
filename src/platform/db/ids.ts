/** Ids are UUIDv7 made in the application (PostgreSQL 15 has no uuidv7()): time-ordered, index-friendly. */
import { v7 } from 'uuid'

/** A new UUIDv7. */
export function newId(): string {
  return v7()
}
