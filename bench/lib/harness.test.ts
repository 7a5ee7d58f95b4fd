/**
 * Tests of the benchmark harness's own logic (no benchmark is run or timed here). Not part of
 * `npm test`, which looks only in src/ and test/; run with
 * `node --import tsx --test bench/lib/harness.test.ts`.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { findBenchFiles, resultProblems, resultsTable, runBenchFiles, writeResults } from './harness.ts'
import { parsePgbenchOutput } from './pgbench.ts'
import { percentile } from './stats.ts'

const good = { name: 'a.x', value: 1.5, unit: 'ms', better: 'lower', params: {} }

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kb-harness-'))
}

describe('percentile', () => {
  it('takes the nearest rank, so p50 of 1..10 is 5 and p99 is 10', () => {
    const samples = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    assert.equal(percentile(samples, 50), 5)
    assert.equal(percentile(samples, 99), 10)
    assert.equal(percentile(samples, 100), 10)
    assert.equal(percentile(samples, 10), 1)
  })

  it('is NaN without samples and refuses a percentile outside (0, 100]', () => {
    assert.ok(Number.isNaN(percentile([], 50)))
    assert.throws(() => percentile([1], 0), RangeError)
    assert.throws(() => percentile([1], 101), RangeError)
  })
})

describe('parsePgbenchOutput', () => {
  it('reads tps without the initial connection time, latency and counts', () => {
    const out = [
      'number of transactions actually processed: 46046',
      'number of failed transactions: 0 (0.000%)',
      'latency average = 0.043 ms',
      'initial connection time = 4.969 ms',
      'tps = 46165.337397 (without initial connection time)',
    ].join('\n')
    assert.deepEqual(parsePgbenchOutput(out), {
      tps: 46165.337397,
      latencyAvgMs: 0.043,
      transactions: 46046,
      failed: 0,
    })
  })

  it('fails loudly when pgbench printed no tps line', () => {
    assert.throws(() => parsePgbenchOutput('connection to server failed'), /tps = /)
  })
})

describe('resultProblems', () => {
  it('accepts well-formed results', () => {
    assert.deepEqual(resultProblems([good, { ...good, name: 'a.y', better: 'higher' }]), [])
  })

  it('names every problem: not an array, bad value, bad direction, repeated name, missing params', () => {
    assert.deepEqual(resultProblems({}), ['run() did not return an array'])
    const problems = resultProblems([
      { ...good, value: Number.NaN },
      { ...good, name: 'b', better: 'up' },
      { ...good, name: 'c', params: null },
    ])
    assert.equal(problems.length, 3)
    assert.match(problems[0] ?? '', /finite/)
    assert.match(problems[1] ?? '', /better/)
    assert.match(problems[2] ?? '', /params/)
    assert.match(resultProblems([good], new Set(['a.x']))[0] ?? '', /repeats a name/)
  })
})

describe('findBenchFiles and runBenchFiles', () => {
  it('runs every *.bench.ts in order, keeps going after a failure and reports it', async () => {
    const dir = tempDir()
    const types = pathToTypes()
    fs.writeFileSync(
      path.join(dir, 'a-ok.bench.ts'),
      `import type { BenchContext, BenchResult } from '${types}'
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  ctx.log('working on ' + ctx.databaseUrl)
  return [{ name: 'ok.value', value: ctx.quick ? 1 : 2, unit: 'x', better: 'higher', params: { quick: ctx.quick } }]
}\n`,
    )
    fs.writeFileSync(
      path.join(dir, 'b-broken.bench.ts'),
      `export async function run() { throw new Error('boom') }\n`,
    )
    fs.writeFileSync(
      path.join(dir, 'c-bad.bench.ts'),
      `export async function run() { return [{ name: 'x' }] }\n`,
    )
    fs.writeFileSync(path.join(dir, 'helper.ts'), 'export {}\n')

    assert.deepEqual(
      findBenchFiles(dir).map((f) => path.basename(f)),
      ['a-ok.bench.ts', 'b-broken.bench.ts', 'c-bad.bench.ts'],
    )
    assert.deepEqual(
      findBenchFiles(dir, 'broken').map((f) => path.basename(f)),
      ['b-broken.bench.ts'],
    )

    const lines: string[] = []
    const outcomes = await runBenchFiles(
      findBenchFiles(dir),
      { databaseUrl: 'postgres://x/y', quick: true },
      (b, l) => lines.push(`${b}: ${l}`),
    )
    assert.deepEqual(
      outcomes.map((o) => o.name),
      ['a-ok', 'b-broken', 'c-bad'],
    )
    assert.equal(outcomes[0]?.error, null)
    assert.equal(outcomes[1]?.error?.message, 'boom')
    assert.match(outcomes[2]?.error?.message ?? '', /unusable results/)
    assert.deepEqual(outcomes[0]?.results, [
      { name: 'ok.value', value: 1, unit: 'x', better: 'higher', params: { quick: true } },
    ])
    assert.ok(lines.includes('a-ok: working on postgres://x/y'))

    const table = resultsTable(outcomes)
    assert.match(table, /ok\.value/)
    assert.match(table, /FAILED: boom/)

    const file = path.join(dir, 'results', 'latest.json')
    writeResults(
      file,
      outcomes.flatMap((o) => o.results),
    )
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), outcomes[0]?.results)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

function pathToTypes() {
  return path.resolve(import.meta.dirname, '..', 'types.ts')
}
