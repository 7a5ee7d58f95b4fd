/**
 * Reads the PostgreSQL catalog to check the data rules of ARCHITECTURE §3: every tenant table has
 * `organisation_id uuid NOT NULL`, and its primary key, unique constraints/indexes and foreign keys start
 * with it. The few global tables are listed here explicitly, with the reason.
 */
import type pg from 'pg'

/** Tables that are not per organisation, and why. */
export const GLOBAL_TABLES: Record<string, string> = {
  schema_migration: 'platform: applied migrations of the installation',
  instance_setting: 'platform: installation-wide settings such as the cookie key',
  organisation: 'the tenant table itself',
  account: 'a person can be a member of several organisations',
  staff_session: 'a session belongs to an account, before an organisation is chosen',
  job: 'platform queue; organisation_id is set when a job concerns one organisation',
  measurement_scale: 'reference data: answer scales of the kern template (docs/measurement-model.md)',
  measurement_scale_point: 'reference data: the points of a kern answer scale',
  measurement_block: 'reference data: locked, versioned bouwblokken of the kern template',
  measurement_core_question: 'reference data: exact wording of the core questions of a bouwblok version',
  measurement_template: 'reference data: shipped standard templates of the measurement model (kern)',
  measurement_template_block: 'reference data: which bouwblokken a template holds and where they hang',
}

/** One broken rule. */
export interface CatalogViolation {
  table: string
  rule: string
}

/** Lists every violation of the tenant rules in the current schema. */
export async function tenantRuleViolations(pool: pg.Pool): Promise<CatalogViolation[]> {
  const violations: CatalogViolation[] = []
  const tables = (
    await pool.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
    )
  ).rows.map((r) => r.table)
  const columns = await pool.query<{ table: string; column: string; type: string; notnull: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attname = 'organisation_id'`,
  )
  // Every constraint and unique index with its columns in key order.
  const keys = await pool.query<{
    table: string
    name: string
    kind: string
    first: string
    target: string | null
  }>(
    `SELECT c.relname AS table, con.conname AS name, con.contype AS kind, a.attname AS first,
            (SELECT relname FROM pg_class WHERE oid = con.confrelid) AS target
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = con.conkey[1]
      WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f')
     UNION ALL
     SELECT c.relname, i.relname, 'i', a.attname, NULL
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
      WHERE n.nspname = current_schema() AND x.indisunique AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
  )
  for (const table of tables) {
    if (table in GLOBAL_TABLES) continue
    const col = columns.rows.find((c) => c.table === table)
    if (!col) violations.push({ table, rule: 'has no organisation_id column' })
    else {
      if (col.type !== 'uuid') violations.push({ table, rule: `organisation_id is ${col.type}, not uuid` })
      if (!col.notnull) violations.push({ table, rule: 'organisation_id allows NULL' })
    }
    const own = keys.rows.filter((k) => k.table === table)
    if (!own.some((k) => k.kind === 'p')) violations.push({ table, rule: 'has no primary key' })
    for (const k of own) {
      // A foreign key to a global table (e.g. membership → account) is allowed: with Citus the global
      // tables become reference tables, which distributed tables may reference.
      if (k.kind === 'f' && k.target && k.target in GLOBAL_TABLES) continue
      if (k.first !== 'organisation_id') {
        const what =
          { p: 'primary key', u: 'unique constraint', f: 'foreign key', i: 'unique index' }[k.kind] ?? k.kind
        violations.push({
          table,
          rule: `${what} ${k.name} does not start with organisation_id (starts with ${k.first ?? 'an expression'})`,
        })
      }
    }
  }
  return violations
}

/** Columns marked as personal data (comment `personal; retention=…`) with their retention rule. */
export async function personalColumns(
  pool: pg.Pool,
): Promise<{ table: string; column: string; retention: string | null }[]> {
  const r = await pool.query<{ table: string; column: string; comment: string }>(
    `SELECT c.relname AS table, a.attname AS column, col_description(c.oid, a.attnum) AS comment
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
        AND col_description(c.oid, a.attnum) LIKE 'personal%'`,
  )
  return r.rows.map((x) => ({
    table: x.table,
    column: x.column,
    retention: /retention=([^;\s]+)/.exec(x.comment)?.[1] ?? null,
  }))
}
