/**
 * Wiring: opens the database (embedded or PostgreSQL), applies migrations and hands out the services
 * every entry point shares. No domain logic lives here.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../modules/database.ts'
import type { Config } from '../platform/config.ts'
import { type DatabaseHandle, openDatabase } from '../platform/db/connect.ts'
import { migrate } from '../platform/db/migrate.ts'
import { createLogger, type Logger } from '../platform/log.ts'
import { createProcessMailer, type Mailer } from '../platform/mail/index.ts'

/** What handlers, jobs and commands receive. */
export interface Services {
  config: Config
  logger: Logger
  database: DatabaseHandle<Database>
  db: Kysely<Database>
  /** The process's one mailer (pooled SMTP, or the outbox), built on first send; closed by close(). */
  mailer: Mailer
  close(): Promise<void>
}

/** Opens services; `exclusive` makes an embedded data directory that another process serves an error. */
export async function openServices(
  config: Config,
  options: { exclusive?: boolean; logger?: Logger } = {},
): Promise<Services> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL)
  const database = await openDatabase<Database>(config, { exclusive: options.exclusive })
  try {
    await migrate(database.pool)
  } catch (error) {
    await database.close()
    throw error
  }
  const mailer = createProcessMailer(config, { logger })
  const close = async () => {
    await mailer.close()
    await database.close()
  }
  return { config, logger, database, db: database.db, mailer, close }
}
