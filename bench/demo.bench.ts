/**
 * Demo-data load speed on PostgreSQL: `loadDemo` of 1,000,000 responses (100,000 with --quick) into a
 * fresh, migrated scratch database. The figure includes everything a user waits for: creating the
 * organisation, hashing the four staff passwords, the survey, generating every row, COPY, and adding
 * back (and so validating) the foreign keys. The product target is 1M responses in under 120 s.
 */
import os from 'node:os'
import { openServices } from '../src/main/services.ts'
import { loadDemo } from '../src/modules/demo/index.ts'
import { loadConfig } from '../src/platform/config.ts'
import { createScratchDatabase, serverVersion } from './lib/postgres.ts'
import type { BenchResult } from './types.ts'

const FULL = 1_000_000
const QUICK = 100_000

/** Loads the demo into a scratch database and reports responses per second and the time for 1M. */
export async function run(ctx: {
  databaseUrl: string
  quick: boolean
  log?: (line: string) => void
}): Promise<BenchResult[]> {
  const responses = ctx.quick ? QUICK : FULL
  const scratch = await createScratchDatabase(ctx.databaseUrl, 'kb_bench_demo')
  try {
    const services = await openServices(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: scratch.url }))
    try {
      const version = await serverVersion(scratch.url)
      let nextLog = 0.25
      const summary = await loadDemo(services, {
        responses,
        seed: 20261123,
        onProgress: (done, total) => {
          if (done / total >= nextLog) {
            ctx.log?.(`demo: ${done}/${total} responses`)
            nextLog += 0.25
          }
        },
      })
      const perSecond = summary.responses / summary.seconds
      const params = {
        responses: summary.responses,
        rows: summary.rows,
        seconds: Math.round(summary.seconds * 100) / 100,
        seed: 20261123,
        server: version,
        cpus: os.cpus().length,
        loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
        quick: ctx.quick,
      }
      return [
        {
          name: 'demo.responses_per_s',
          value: Math.round(perSecond),
          unit: 'responses/s',
          better: 'higher',
          params,
        },
        {
          name: 'demo.1m_s',
          value: Math.round((FULL / perSecond) * 10) / 10,
          unit: 's',
          better: 'lower',
          params: {
            ...params,
            extrapolated: ctx.quick,
            note: ctx.quick
              ? `measured on ${QUICK} responses and extrapolated linearly to ${FULL}`
              : `measured on ${FULL} responses`,
          },
        },
      ]
    } finally {
      await services.close()
    }
  } finally {
    await scratch.drop()
  }
}
