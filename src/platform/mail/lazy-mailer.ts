/**
 * The process's one mailer: built on the first send, so commands that never mail (migrate, demo) open
 * no transport and log nothing about mail; then kept for the life of the process, so every delivery
 * run reuses the same SMTP connection pool instead of connecting anew each minute. `close()` (called
 * when the services close, at shutdown) closes the pool; a send after that builds a new one.
 */
import type { Mailer } from './index.ts'

/** A Mailer that calls `build` once, on first use, and forwards to what it built. */
export function lazyMailer(build: () => Mailer): Mailer {
  let mailer: Mailer | null = null
  return {
    send(message) {
      mailer ??= build()
      return mailer.send(message)
    },
    async close() {
      const built = mailer
      mailer = null
      await built?.close()
    },
  }
}
