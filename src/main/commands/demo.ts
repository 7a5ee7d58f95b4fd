/**
 * `klankbord demo`: loads the demo organisation "Gemeente Voorbeeld" with a year of reproducible data
 * (docs/demo-data.md). Shows a progress bar on a terminal and plain progress lines otherwise (logs, CI).
 */
import cliProgress from 'cli-progress'
import { type Command, InvalidArgumentError } from 'commander'
import { loadDemo } from '../../modules/demo/index.ts'
import { loadConfig } from '../../platform/config.ts'
import { openServices } from '../services.ts'

function wholeNumber(min: number) {
  return (value: string) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`Use a whole number of at least ${min}.`)
    return n
  }
}

/** Registers the command. */
export function registerDemo(program: Command) {
  program
    .command('demo')
    .description('Load the demo organisation "Gemeente Voorbeeld" with generated, reproducible data.')
    .option('--responses <n>', 'number of survey responses to generate', wholeNumber(0))
    .option(
      '--seed <s>',
      'random seed: the same seed gives the same data',
      wholeNumber(Number.MIN_SAFE_INTEGER),
      1,
    )
    .option('--organisation <slug>', 'slug of the demo organisation', 'voorbeeld')
    .option('--months <m>', 'months of data, ending in the current month', wholeNumber(1), 12)
    .option('--append', 'add responses when the organisation already exists instead of refusing')
    .action(
      async (options: {
        responses?: number
        seed: number
        organisation: string
        months: number
        append?: boolean
      }) => {
        const config = loadConfig()
        const responses = options.responses ?? config.DEMO_RESPONSES
        const services = await openServices(config)
        const progress = makeProgress(responses)
        try {
          const summary = await loadDemo(services, {
            responses,
            seed: options.seed,
            slug: options.organisation,
            months: options.months,
            append: options.append,
            onProgress: progress.update,
          })
          progress.stop()
          const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0)
          const perSecond =
            summary.seconds > 0 ? Math.round(summary.responses / summary.seconds) : summary.responses
          console.log(
            `${summary.appended ? 'Added' : 'Loaded'} ${summary.responses} responses for ${summary.slug} (seed ${options.seed}) on ${services.database.kind}.`,
          )
          console.log(
            `Rows written: ${rows} (cases ${summary.rows.service_case}, responses ${summary.rows.response}, ` +
              `answers ${summary.rows.answer}, signals ${summary.rows.signal}) in ${summary.seconds.toFixed(1)} s, ${perSecond} responses/s.`,
          )
          if (!summary.appended) {
            console.log(
              `Log in as ${summary.staffEmail} with DEMO_PASSWORD; public survey link: /s/${summary.publicKey}`,
            )
          }
        } finally {
          progress.stop()
          await services.close()
        }
      },
    )
}

/** A cli-progress bar on a terminal; otherwise a plain line at every 10%. */
function makeProgress(total: number): { update: (done: number) => void; stop: () => void } {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'Demo data [{bar}] {percentage}% | {value}/{total} responses | {eta_formatted} left',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    )
    bar.start(total, 0)
    let stopped = false
    return {
      update: (done) => bar.update(done),
      stop: () => {
        if (!stopped) bar.stop()
        stopped = true
      },
    }
  }
  let nextStep = 0.1
  const started = performance.now()
  return {
    update: (done) => {
      if (total === 0 || done / total + 1e-9 < nextStep) return
      while (nextStep <= done / total + 1e-9) nextStep += 0.1
      const seconds = (performance.now() - started) / 1000
      console.log(
        `demo: ${done}/${total} responses (${Math.round((done / total) * 100)}%, ${seconds.toFixed(1)} s)`,
      )
    },
    stop: () => undefined,
  }
}
