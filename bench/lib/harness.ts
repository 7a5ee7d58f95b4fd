/**
 * The parts of `klankbord bench` that do not depend on the command line: finding benchmark files,
 * running them one after another, checking what they return, and presenting the results.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import Table from 'cli-table3'
import type { BenchContext, BenchModule, BenchResult } from '../types.ts'

/** Benchmark files (`*.bench.ts`) in `dir`, sorted, optionally only those whose name contains `only`. */
export function findBenchFiles(dir: string, only?: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.bench.ts'))
    .map((e) => e.name)
    .filter((name) => !only || name.includes(only))
    .sort()
    .map((name) => path.join(dir, name))
}

/** Short name of a benchmark file: `bench/intake.bench.ts` → `intake`. */
export function benchName(file: string): string {
  return path.basename(file).replace(/\.bench\.ts$/, '')
}

/**
 * Problems with what a benchmark returned, as sentences; empty when the results are usable.
 * `taken` holds names already reported by earlier benchmarks in the run, since names must be unique.
 */
export function resultProblems(value: unknown, taken: ReadonlySet<string> = new Set()): string[] {
  if (!Array.isArray(value)) return ['run() did not return an array']
  const problems: string[] = []
  const seen = new Set(taken)
  for (const [i, r] of (value as (Partial<BenchResult> | null)[]).entries()) {
    const at = `result ${i}${r && typeof r.name === 'string' ? ` (${r.name})` : ''}`
    if (typeof r !== 'object' || r === null) {
      problems.push(`${at} is not an object`)
      continue
    }
    if (typeof r.name !== 'string' || r.name === '') problems.push(`${at} has no name`)
    else if (seen.has(r.name)) problems.push(`${at} repeats a name`)
    else seen.add(r.name)
    if (typeof r.value !== 'number' || !Number.isFinite(r.value))
      problems.push(`${at} has a value that is not a finite number`)
    if (typeof r.unit !== 'string') problems.push(`${at} has no unit`)
    if (r.better !== 'higher' && r.better !== 'lower')
      problems.push(`${at} has better other than 'higher' or 'lower'`)
    if (typeof r.params !== 'object' || r.params === null || Array.isArray(r.params))
      problems.push(`${at} has no params object`)
  }
  return problems
}

/** The outcome of one benchmark file. */
export interface BenchOutcome {
  name: string
  file: string
  seconds: number
  results: BenchResult[]
  error: Error | null
}

/**
 * Runs each file in sequence (never in parallel: they would disturb each other's figures). A benchmark
 * that throws or returns unusable results is recorded as failed and the next one still runs.
 */
export async function runBenchFiles(
  files: string[],
  ctx: Omit<BenchContext, 'log'>,
  log: (bench: string, line: string) => void,
): Promise<BenchOutcome[]> {
  const outcomes: BenchOutcome[] = []
  const taken = new Set<string>()
  for (const file of files) {
    const name = benchName(file)
    const started = performance.now()
    const outcome: BenchOutcome = { name, file, seconds: 0, results: [], error: null }
    log(name, 'start')
    try {
      const mod = (await import(pathToFileURL(file).href)) as Partial<BenchModule>
      if (typeof mod.run !== 'function') throw new Error(`${path.basename(file)} does not export run(ctx)`)
      const results = await mod.run({ ...ctx, log: (line) => log(name, line) })
      const problems = resultProblems(results, taken)
      if (problems.length > 0) throw new Error(`unusable results: ${problems.join('; ')}`)
      outcome.results = results
      for (const r of results) taken.add(r.name)
    } catch (error) {
      outcome.error = error instanceof Error ? error : new Error(String(error))
    }
    outcome.seconds = (performance.now() - started) / 1000
    log(
      name,
      outcome.error
        ? `FAILED after ${outcome.seconds.toFixed(1)} s`
        : `done in ${outcome.seconds.toFixed(1)} s`,
    )
    outcomes.push(outcome)
  }
  return outcomes
}

/**
 * Writes the results file: the list of results and nothing else (ARCHITECTURE §6). With `merge` (a run
 * of some benchmarks only) figures of this run replace those of the same name and the rest are kept.
 */
export function writeResults(file: string, results: BenchResult[], merge = false) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  let list = results
  if (merge && fs.existsSync(file)) {
    const fresh = new Set(results.map((r) => r.name))
    const kept = (JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult[]).filter(
      (r) => !fresh.has(r.name),
    )
    list = [...kept, ...results]
  }
  fs.writeFileSync(file, `${JSON.stringify(list, null, 2)}\n`)
}

/** A readable table of the outcomes: one row per figure, and one row per failed benchmark. */
export function resultsTable(outcomes: BenchOutcome[]): string {
  const table = new Table({
    head: ['benchmark', 'figure', 'value', 'unit', 'better'],
    colAligns: ['left', 'left', 'right', 'left', 'left'],
  })
  for (const o of outcomes) {
    if (o.error) table.push([o.name, { colSpan: 4, content: `FAILED: ${firstLine(o.error.message)}` }])
    for (const r of o.results) table.push([o.name, r.name, formatValue(r.value), r.unit, r.better])
  }
  return table.toString()
}

function formatValue(v: number) {
  return v.toLocaleString('en-US', {
    maximumFractionDigits: Math.abs(v) < 10 ? 4 : Math.abs(v) < 1000 ? 2 : 0,
  })
}

function firstLine(text: string) {
  const line = text.split('\n')[0] ?? ''
  return line.length > 100 ? `${line.slice(0, 97)}…` : line
}
