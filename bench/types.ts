/**
 * The contract between `klankbord bench` and each benchmark file (ARCHITECTURE §6). A benchmark is a
 * file `bench/<name>.bench.ts` that exports `run(ctx)`; the harness imports it, runs it and collects
 * its results into `bench/results/latest.json`.
 */

/** One measured figure. `params` says under which conditions it was measured (clients, duration, …). */
export interface BenchResult {
  /** Dotted name, unique within a run, for example `intake.responses_per_s`. */
  name: string
  value: number
  unit: string
  /** Which direction is an improvement. */
  better: 'higher' | 'lower'
  params: Record<string, unknown>
}

/** What the harness hands every benchmark. */
export interface BenchContext {
  /** PostgreSQL server to measure on; benchmarks create (and drop) their own databases on it. */
  databaseUrl: string
  /** Shorter runs for a smoke check; figures are then less stable. */
  quick: boolean
  /** Progress line for the person watching (not part of the results). */
  log: (line: string) => void
}

/** The shape of a benchmark module. */
export type BenchModule = { run(ctx: BenchContext): Promise<BenchResult[]> }
