/**
 * Test databases. Each test file gets its own fresh, migrated database:
 * - with DATABASE_URL (CI's second run): a new PostgreSQL database created from that server, dropped after;
 * - otherwise: a new embedded PGlite data directory, copied from a migrated template that the test
 *   runner prepares once (KB_TEST_TEMPLATE_DIR), so each file does not pay for initdb.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openServices, type Services } from '../src/main/services.ts'
import { type Config, loadConfig } from '../src/platform/config.ts'

/**
 * Settings for tests: quiet logs; no minimum fill time (browsers driven by tests fill a form in under a
 * second) and no rate limits (tests post many responses from one address). The protections themselves
 * are tested with explicit settings in test/http/abuse-protection.test.ts.
 */
export const TEST_DEFAULTS = {
  LOG_LEVEL: 'silent',
  FORM_MIN_FILL_SECONDS: '0',
  RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '0',
  RATE_LIMIT_PAGE_VIEWS_PER_MINUTE: '0',
}

/** A database for one test file, with the services on top of it. */
export interface TestDatabase {
  config: Config
  services: Services
  /** Closes services and removes the database. */
  dispose(): Promise<void>
}

/** Makes an empty database (not opened) and returns its config and a function that removes it. */
export async function makeTestDatabaseConfig(
  env: Record<string, string> = {},
): Promise<{ config: Config; remove: () => Promise<void> }> {
  const base = process.env.DATABASE_URL
  if (base) {
    const name = `kbt_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(base)
    url.pathname = `/${name}`
    const config = loadConfig({ ...TEST_DEFAULTS, ...env, DATABASE_URL: url.toString() })
    return {
      config,
      remove: async () => {
        const a = new pg.Client({ connectionString: base })
        await a.connect()
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await a.end()
      },
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbt-'))
  const template = process.env.KB_TEST_TEMPLATE_DIR
  if (template && fs.existsSync(path.join(template, 'pgdata'))) {
    fs.cpSync(path.join(template, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true })
  }
  const config = loadConfig({ ...TEST_DEFAULTS, ...env, DATA_DIR: dir, DATABASE_URL: '' })
  return { config, remove: async () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** Creates and opens a fresh migrated database. */
export async function createTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const { config, remove } = await makeTestDatabaseConfig(env)
  const services = await openServices(config, { exclusive: true })
  return {
    config,
    services,
    async dispose() {
      await services.close()
      await remove()
    },
  }
}
