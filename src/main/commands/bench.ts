/**
 * `klankbord bench`: runs the benchmarks in bench/*.bench.ts one after another, writes
 * bench/results/latest.json and prints a table (ARCHITECTURE §6; docs/benchmarks.md). Benchmarks are
 * never part of `npm test`.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { findBenchFiles, resultsTable, runBenchFiles, writeResults } from '../../../bench/lib/harness.ts'
import { loadConfig } from '../../platform/config.ts'

const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bench')
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

/** Registers the command. */
export function registerBench(program: Command) {
  program
    .command('bench')
    .description('Run the benchmarks in bench/ on a PostgreSQL server and write bench/results/latest.json.')
    .option('--only <substring>', 'run only benchmark files whose name contains this text')
    .option('--quick', 'short runs, for a smoke check (figures are less stable)', false)
    .option(
      '--database-url <url>',
      `PostgreSQL server to measure on (default: DATABASE_URL or ${DEFAULT_DATABASE_URL})`,
    )
    .action(async (options: { only?: string; quick: boolean; databaseUrl?: string }) => {
      const databaseUrl = options.databaseUrl ?? loadConfig().DATABASE_URL ?? DEFAULT_DATABASE_URL
      const files = findBenchFiles(BENCH_DIR, options.only)
      if (files.length === 0) {
        console.error(`No benchmark in ${BENCH_DIR} matches ${JSON.stringify(options.only ?? '')}.`)
        process.exitCode = 1
        return
      }
      // Progress goes to stderr so that stdout carries only the table.
      const outcomes = await runBenchFiles(files, { databaseUrl, quick: options.quick }, (bench, line) =>
        console.error(`[${bench}] ${line}`),
      )
      const resultsFile = path.join(BENCH_DIR, 'results', 'latest.json')
      // A partial run (--only) updates its own figures and keeps the others.
      writeResults(
        resultsFile,
        outcomes.flatMap((o) => o.results),
        Boolean(options.only),
      )
      console.log(resultsTable(outcomes))
      console.log(`Results written to ${path.relative(process.cwd(), resultsFile) || resultsFile}.`)
      const failed = outcomes.filter((o) => o.error)
      for (const o of failed) console.error(`\n${o.name} failed:\n${o.error?.stack ?? o.error?.message}`)
      if (failed.length > 0) process.exitCode = 1
    })
}
