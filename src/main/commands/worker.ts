/**
 * `klankbord worker`: runs background jobs (every job and schedule in src/main/jobs.ts) until
 * SIGINT/SIGTERM.
 * Not exclusive: on the embedded database it becomes a client of a running `klankbord serve`, or owns
 * the data directory itself when no server runs. With `--once` it drains the due jobs and exits.
 */
import { type Command, InvalidArgumentError } from 'commander'
import { loadConfig } from '../../platform/config.ts'
import { JobRunner } from '../../platform/jobs/index.ts'
import type { Logger } from '../../platform/log.ts'
import { allJobs, allSchedules } from '../jobs.ts'
import { openServices } from '../services.ts'

function positiveInt(value: string) {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Give a whole number of 1 or more.')
  return n
}

/** Registers the command. */
export function registerWorker(program: Command) {
  program
    .command('worker')
    .description('Run background jobs (and their schedules) until stopped with Ctrl+C or SIGTERM.')
    .option('--concurrency <n>', 'jobs that run at the same time', positiveInt, 4)
    .option(
      '--poll-ms <ms>',
      'milliseconds to wait before looking again when no job is due (default: JOB_POLL_MS)',
      positiveInt,
    )
    .option('--once', 'run the jobs that are due now (and the most recent missed schedule slots), then exit')
    .addHelpText(
      'after',
      `
Jobs are rows in the table "job". A worker claims due jobs, runs them and retries failures with
exponential backoff; after the last attempt a job is "dead" and waits for a person (docs/jobs.md).
Any number of workers may run at once, on one machine or many: each job runs on one worker at a time.

With the embedded database the worker uses the database of a running "klankbord serve" (through its
socket) or opens the data directory itself when no server runs. "klankbord serve" runs jobs too unless
JOBS_IN_SERVE=false.

Examples:
  klankbord worker                      run until Ctrl+C
  klankbord worker --concurrency 8      run more jobs at once
  klankbord worker --once               for a system cron: run what is due, then exit`,
    )
    .action(async (opts: { concurrency: number; pollMs?: number; once?: boolean }) => {
      const config = loadConfig()
      const services = await openServices(config)
      const log = services.logger.child({ component: 'worker' })
      const runner = new JobRunner(services, allJobs, {
        concurrency: opts.concurrency,
        pollMs: opts.pollMs ?? config.JOB_POLL_MS,
        schedules: allSchedules,
      })
      const context = {
        workerId: runner.workerId,
        database: services.database.kind,
        ownsDatabase: services.database.owner,
      }
      try {
        if (opts.once) {
          const ran = await runner.runUntilIdle()
          log.info({ ...context, ran }, 'due jobs processed')
          return
        }
        await runUntilSignal(runner, log, context)
      } finally {
        await services.close()
      }
    })
}

/** Runs the loop until SIGINT/SIGTERM; a second signal exits at once without waiting for handlers. */
async function runUntilSignal(runner: JobRunner, log: Logger, context: Record<string, unknown>) {
  runner.start()
  log.info({ ...context }, 'worker started')
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'))
    process.once('SIGTERM', () => resolve('SIGTERM'))
  })
  log.info({ signal }, 'worker stopping; waiting for running jobs to finish')
  const firstAt = Date.now()
  const force = () => {
    // Wrappers (npm, timeout) often deliver one Ctrl+C twice within milliseconds: only a deliberate
    // second signal cuts the graceful stop short.
    if (Date.now() - firstAt < 1000) return
    log.warn('second signal: exiting without waiting for running jobs (their leases will expire)')
    process.exit(130)
  }
  process.on('SIGINT', force)
  process.on('SIGTERM', force)
  await runner.stop()
  log.info('worker stopped')
}
