// Runs the test suite with node:test. Node 20 does not expand globs, so the files are listed here.
// `unit` runs every *.test.ts(x) in src/, test/ and bench/ outside test/browser; `browser` runs test/browser/*.test.ts.
// For the embedded database a migrated template data directory is prepared once and copied per file.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const kind = process.argv[2] ?? 'unit'
const root = path.resolve(import.meta.dirname, '..')

function find(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) find(full, out)
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(full)
  }
  return out
}

const all = [
  ...find(path.join(root, 'src')),
  ...find(path.join(root, 'test')),
  ...find(path.join(root, 'bench')),
]
const browserDir = path.join(root, 'test', 'browser') + path.sep
const files = all
  .filter((f) => (kind === 'browser' ? f.startsWith(browserDir) : !f.startsWith(browserDir)))
  .sort()
const filter = process.argv[3]
const selected = filter ? files.filter((f) => f.includes(filter)) : files
if (selected.length === 0) {
  console.error(`no test files found for ${kind}${filter ? ` matching ${filter}` : ''}`)
  process.exit(1)
}

const env = { ...process.env }
let template = null
if (!env.DATABASE_URL) {
  template = fs.mkdtempSync(path.join(os.tmpdir(), 'kbtpl-'))
  const r = spawnSync(process.execPath, [path.join(root, 'bin/klankbord.js'), 'migrate'], {
    env: { ...env, DATA_DIR: template, LOG_LEVEL: 'silent' },
    stdio: 'inherit',
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
  env.KB_TEST_TEMPLATE_DIR = template
}

const concurrency = kind === 'browser' ? '1' : (process.env.TEST_CONCURRENCY ?? '2')
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...selected],
  { env, stdio: 'inherit', cwd: root },
)
if (template) fs.rmSync(template, { recursive: true, force: true })
process.exit(result.status ?? 1)
