/**
 * The whole configuration of Klankbord as one zod schema. Every variable has a description, a default
 * and a secret flag; `docs/configuration.md` is generated from this file (`npm run docs:config`).
 * This is the only place that reads `process.env`.
 */
import path from 'node:path'
import { z } from 'zod'

interface VariableMeta {
  description: string
  secret?: boolean
}

const variables = {
  PORT: [
    z.coerce.number().int().min(0).max(65535).default(3000),
    { description: 'TCP port of the web server.' },
  ],
  HOST: [
    z.string().min(1).default('127.0.0.1'),
    { description: 'Address the web server listens on. Use 0.0.0.0 behind a reverse proxy in a container.' },
  ],
  PUBLIC_URL: [
    z.url().optional(),
    {
      description:
        'Address people use to reach Klankbord, used in links in mails and on the console. Defaults to http://localhost:PORT.',
    },
  ],
  DATA_DIR: [
    z.string().min(1).default('./data'),
    { description: 'Folder of the embedded database (PGlite). Not used when DATABASE_URL is set.' },
  ],
  DATABASE_URL: [
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    {
      description:
        'Connection string of a PostgreSQL 15+ server. When set, Klankbord uses it instead of the embedded database.',
      secret: true,
    },
  ],
  DATABASE_POOL_MAX: [
    z.coerce.number().int().min(1).max(200).default(10),
    { description: 'Largest number of database connections per process.' },
  ],
  SESSION_SECRET: [
    z.string().min(32).optional(),
    {
      description:
        'Key that signs session cookies (at least 32 characters). When unset, a random key is made once and kept in the database.',
      secret: true,
    },
  ],
  SESSION_TTL_HOURS: [
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    { description: 'Hours a staff session stays valid without activity.' },
  ],
  LOG_LEVEL: [
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    { description: 'Lowest level of log lines written to standard output (JSON).' },
  ],
  JOBS_IN_SERVE: [
    z.stringbool().default(true),
    {
      description:
        'Run background jobs inside `klankbord serve`. Turn off when separate `klankbord worker` processes run.',
    },
  ],
  JOB_POLL_MS: [
    z.coerce.number().int().min(10).max(60_000).default(500),
    { description: 'Milliseconds a worker waits before it looks for new jobs when the queue was empty.' },
  ],
  MAX_BODY_BYTES: [
    z.coerce.number().int().min(1024).max(50_000_000).default(100_000),
    { description: 'Largest request body accepted by the web server, in bytes.' },
  ],
  RATE_LIMIT_PAGE_VIEWS_PER_MINUTE: [
    z.coerce.number().int().min(0).max(1_000_000).default(600),
    { description: 'Public survey page views per client address per minute (0: no limit).' },
  ],
  RATE_LIMIT_SUBMISSIONS_PER_MINUTE: [
    z.coerce.number().int().min(0).max(1_000_000).default(60),
    {
      description:
        'Survey submissions (form and API together) per client address per survey per minute (0: no limit). Generous so that a kiosk or a call centre behind one address is not blocked. Also the limit of kiosk posts per kiosk and address.',
    },
  ],
  TRUST_PROXY_HOPS: [
    z.coerce.number().int().min(0).max(10).default(0),
    {
      description:
        "Number of the installation's own reverse proxies whose X-Forwarded-For entry is trusted for the client address (0: use the connection's address).",
    },
  ],
  FORM_MIN_FILL_SECONDS: [
    z.coerce.number().min(0).max(60).default(2),
    {
      description:
        'A survey form posted sooner than this after the page was made is treated as a bot: answered like a success, not stored (0: no check).',
    },
  ],
  PARTIAL_RESPONSE_RETENTION_DAYS: [
    // 30: a person who stops halfway usually comes back within days, or after one reminder (sent one to
    // two weeks later); a month covers that and a holiday, while unsent answers, which no analysis uses,
    // do not linger (AVG storage limitation). See docs/survey-definition.md.
    z.coerce.number().int().min(1).max(365).default(30),
    {
      description:
        'Days an unfinished response (a survey of several screens that was never sent) is kept after its last saved screen. A nightly job then deletes it with its answers and consents, and its resume link stops working.',
    },
  ],
  MAX_IMPORT_BODY_BYTES: [
    z.coerce.number().int().min(1024).max(500_000_000).default(5_000_000),
    {
      description:
        'Largest body accepted by bulk import endpoints (case records, the contact CSV upload), in bytes.',
    },
  ],
  DEMO_RESPONSES: [
    z.coerce.number().int().min(0).max(20_000_000).default(20_000),
    { description: 'Number of responses of the demo organisation loaded on the first `npm start`.' },
  ],
  DEMO_PASSWORD: [
    z.string().min(12).default('welkom-bij-klankbord'),
    {
      description: 'Password of the demo staff account demo@voorbeeld.nl, set when demo data is loaded.',
      secret: true,
    },
  ],
  SMTP_URL: [
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    {
      description:
        'Mail server for invitations, as smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. Query parameters go to nodemailer, for example ?maxConnections=10. When unset, mails are not sent but written as .eml files to DATA_DIR/outbox/ (development).',
      secret: true,
    },
  ],
  MAIL_FROM: [
    z.string().min(3).default('Klankbord <noreply@localhost>'),
    {
      description:
        'Sender of mails, as "Name <address>". Use an address of a domain whose SPF and DKIM allow the mail server.',
    },
  ],
  SMS_ADAPTER: [
    z.enum(['off', 'file', 'http']).default('off'),
    {
      description:
        'How text messages are sent: off (no SMS), file (append to SMS_FILE, for development) or http (call the provider at SMS_HTTP_URL).',
    },
  ],
  SMS_FILE: [
    z.string().min(1).optional(),
    {
      description: 'File the file SMS adapter appends JSON lines to. Defaults to DATA_DIR/outbox/sms.jsonl.',
    },
  ],
  SMS_HTTP_URL: [
    z.url().optional(),
    {
      description:
        'Address of the SMS provider for SMS_ADAPTER=http. May contain {to} and {text}, which are filled in URL-encoded.',
      secret: true,
    },
  ],
  SMS_HTTP_METHOD: [
    z.enum(['GET', 'POST']).default('POST'),
    { description: 'HTTP method of the call to the SMS provider.' },
  ],
  SMS_HTTP_BODY: [
    z.string().optional(),
    {
      description:
        'Body template of the call to the SMS provider (sent as application/json), for example {"to":"{to}","text":"{text}"}. {to} and {text} are filled in JSON-escaped. No body when unset.',
    },
  ],
  SMS_HTTP_AUTHORIZATION: [
    z.string().optional(),
    {
      description:
        'Value of the Authorization header of the call to the SMS provider, for example "Bearer …".',
      secret: true,
    },
  ],
} satisfies Record<string, [z.ZodType, VariableMeta]>

type Variables = typeof variables
export type Config = { [K in keyof Variables]: z.output<Variables[K][0]> } & {
  /** Absolute path of DATA_DIR. */
  dataDirAbsolute: string
  /** PUBLIC_URL or its default. */
  publicUrl: string
}

/** Raised when the environment does not satisfy the schema; lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`)
  }
}

/** Parses configuration from an environment-like object (defaults to `process.env`) and overrides. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
) {
  const shape = Object.fromEntries(Object.entries(variables).map(([k, [schema]]) => [k, schema]))
  const input = Object.fromEntries(Object.keys(variables).map((k) => [k, emptyToUndefined(env[k])]))
  const result = z.object(shape).safeParse(input)
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const combined = combinationIssues(result.data as Record<string, unknown>)
  if (combined.length > 0) throw new ConfigError(combined)
  const parsed = { ...(result.data as Omit<Config, 'dataDirAbsolute' | 'publicUrl'>), ...overrides } as Config
  parsed.dataDirAbsolute = path.resolve(parsed.DATA_DIR)
  parsed.publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, '')
  return parsed
}

/** Rules between variables that a per-variable schema cannot express. */
function combinationIssues(c: Record<string, unknown>): string[] {
  const issues: string[] = []
  if (c.SMS_ADAPTER === 'http' && !c.SMS_HTTP_URL)
    issues.push('SMS_HTTP_URL: required when SMS_ADAPTER is http')
  if (c.SMS_HTTP_METHOD === 'GET' && c.SMS_HTTP_BODY)
    issues.push('SMS_HTTP_BODY: a GET request has no body; use POST')
  return issues
}

function emptyToUndefined(v: string | undefined) {
  return v === undefined || v === '' ? undefined : v
}

/** Markdown reference of every variable, generated into docs/configuration.md. */
export function configurationMarkdown(): string {
  const rows = Object.entries(variables).map(([name, [schema, meta]]) => {
    const def = defaultOf(schema)
    return `| \`${name}\` | ${meta.description} | ${def === undefined ? '—' : `\`${def}\``} | ${(meta as VariableMeta).secret ? 'yes' : 'no'} |`
  })
  return [
    '# Configuration',
    '',
    'Klankbord reads its configuration from environment variables once at start-up and refuses to start',
    'when one is invalid, naming every bad variable. This page is generated from `src/platform/config.ts`',
    'with `npm run docs:config`; CI fails when it is out of date.',
    '',
    '| variable | meaning | default | secret |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

function defaultOf(schema: z.ZodType): unknown {
  const r = schema.safeParse(undefined)
  return r.success ? r.data : undefined
}
