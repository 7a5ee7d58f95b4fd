/**
 * A local SMTP server for benchmarks that runs in its OWN process, so receiving mail does not share an
 * event loop with the Klankbord process being measured (and its memory does not count there).
 *
 * Start it with `startSmtpSink()` from the benchmark; the child (this file run as a script) listens on
 * 127.0.0.1 at a free port with smtp-server, as test/smtp.ts does, but keeps only counts: messages,
 * RCPT TO recipients, distinct recipients, bytes, and the raw text of a few sample messages (every
 * `sampleEvery`-th and the first) for spot checks. Parsing 100,000 messages with mailparser would
 * measure the sink, not Klankbord.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import type { AddressInfo, Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { SMTPServer } from 'smtp-server'

/** What the sink counted so far. */
export interface SinkStats {
  messages: number
  recipients: number
  distinctRecipients: number
  bytes: number
  /** Raw messages (headers and body as received) of the sampled deliveries. */
  samples: string[]
}

/** A running sink process. */
export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, usable as SMTP_URL. */
  url: string
  pid: number
  stats(): Promise<SinkStats>
  /** Resolves once `n` messages arrived; rejects after `ms`. */
  waitFor(n: number, ms: number): Promise<SinkStats>
  close(): Promise<void>
}

type FromSink = { ready: number } | { stats: SinkStats; id: number }

/** Starts the sink in a child process and resolves once it listens. */
export async function startSmtpSink(options: { sampleEvery?: number } = {}): Promise<SmtpSink> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      KB_SMTP_SINK: '1',
      KB_SMTP_SINK_SAMPLE_EVERY: String(options.sampleEvery ?? 10_000),
    },
  })
  const pending = new Map<number, (s: SinkStats) => void>()
  let nextId = 1
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`SMTP sink exited with code ${code}`)))
    child.on('message', (m: FromSink) => {
      if ('ready' in m) resolve(m.ready)
      else pending.get(m.id)?.(m.stats)
    })
  })
  child.removeAllListeners('exit')
  const stats = () =>
    new Promise<SinkStats>((resolve) => {
      const id = nextId++
      pending.set(id, (s) => {
        pending.delete(id)
        resolve(s)
      })
      child.send({ stats: id })
    })
  return {
    url: `smtp://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stats,
    async waitFor(n, ms) {
      const until = Date.now() + ms
      for (;;) {
        const s = await stats()
        if (s.messages >= n) return s
        if (Date.now() > until) throw new Error(`expected ${n} messages within ${ms} ms, got ${s.messages}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.send('close')
      }),
  }
}

/** The child: an SMTP server that counts. */
async function serve() {
  const sampleEvery = Number(process.env.KB_SMTP_SINK_SAMPLE_EVERY ?? 10_000)
  const seen = new Set<string>()
  const stats: SinkStats = { messages: 0, recipients: 0, distinctRecipients: 0, bytes: 0, samples: [] }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 1000,
    // No reverse DNS of 127.0.0.1 per connection: it stalled each new pooled connection here.
    disableReverseLookup: true,
    // Klankbord's pool sends up to 100 messages per connection; no per-connection limit here.
    maxClients: 100,
    onData(stream, session, callback) {
      const sample = stats.messages === 0 || (stats.messages + 1) % sampleEvery === 0
      const chunks: Buffer[] = []
      let bytes = 0
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (sample) chunks.push(chunk)
      })
      stream.on('end', () => {
        stats.messages += 1
        stats.bytes += bytes
        for (const r of session.envelope.rcptTo) {
          stats.recipients += 1
          seen.add(r.address)
        }
        stats.distinctRecipients = seen.size
        if (sample) stats.samples.push(Buffer.concat(chunks).toString('utf8'))
        callback()
      })
    },
  })
  // Replies go out at once: with Nagle's algorithm a pipelined SMTP dialogue waits for delayed ACKs
  // (about 40 ms per message per connection), which would measure TCP, not Klankbord.
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  process.on('message', (m: { stats?: number } | 'close') => {
    if (m === 'close') {
      server.close(() => process.exit(0))
      return
    }
    if (m.stats !== undefined) process.send?.({ stats, id: m.stats })
  })
  process.on('disconnect', () => process.exit(0))
  process.send?.({ ready: port })
}

if (process.env.KB_SMTP_SINK === '1' && process.argv[1] === fileURLToPath(import.meta.url)) await serve()
