/**
 * A PostgreSQL wire-protocol server in front of one PGlite instance, listening on a unix socket.
 *
 * Why not `PGLiteSocketServer` from @electric-sql/pglite-socket: it queues single protocol messages, so
 * the Parse/Bind/Execute/Sync messages of two connections can interleave on PGlite's one session and
 * corrupt each other's unnamed statement. Here a connection holds the database from its first message
 * until a cycle ends (simple Query or Sync) with no transaction open, so each extended-protocol cycle
 * and each transaction runs alone, as on a real server with serialisable scheduling.
 *
 * Messages are handed to PGlite in groups (decision 0020): every message up to and including the next
 * one that the client waits on (Sync, Query, Flush, ...) goes in one `execProtocolRawStream` call. Each
 * call costs a trip into WebAssembly, a ReadyForQuery check and a file-system sync, and a statement is
 * five messages (Parse, Bind, Describe, Execute, Sync); one call per cycle cut planning by a quarter.
 * PostgreSQL reads the group from its input buffer exactly as it would read them from a socket, so an
 * error mid-group skips the rest up to Sync as usual.
 */
import fs from 'node:fs'
import net from 'node:net'
import type { PGlite } from '@electric-sql/pglite'

const SSL_REQUEST = 80877103
const CANCEL_REQUEST = 80877102
/** Message types after which a connection may release the database. */
const CYCLE_END = new Set(['Q', 'S'])
/**
 * Front-end messages that get no answer the client waits for before it sends more: Parse, Bind,
 * Describe, Execute, Close and CopyData. They are held until a message outside this set arrives (Sync,
 * Query, Flush, FunctionCall, CopyDone, CopyFail or anything unknown), which is sent together with them.
 */
const GROUPABLE = new Set(['P', 'B', 'D', 'E', 'C', 'd'])
/** A group is sent early once this large, so a long stream of CopyData is not held in memory. */
const MAX_GROUP_BYTES = 1 << 20

/** A simple FIFO mutex. */
class Mutex {
  private tail: Promise<void> = Promise.resolve()
  /** Waits for the lock and resolves with its release function. */
  acquire(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((r) => {
      release = r
    })
    const ready = this.tail.then(() => release)
    this.tail = this.tail.then(() => next)
    return ready
  }
}

/** Serves one PGlite database on a unix socket to any number of PostgreSQL clients. */
export class ProtocolServer {
  private server: net.Server | null = null
  private readonly mutex = new Mutex()
  private readonly sockets = new Set<net.Socket>()

  constructor(
    private readonly db: PGlite,
    private readonly socketPath: string,
  ) {}

  /** Starts listening; a stale socket file from a killed process is removed first. */
  async start(): Promise<void> {
    fs.rmSync(this.socketPath, { force: true })
    this.server = net.createServer((socket) => this.serve(socket))
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject)
      this.server?.listen(this.socketPath, () => resolve())
    })
    fs.chmodSync(this.socketPath, 0o600)
  }

  /** Stops accepting connections and closes open ones. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    fs.rmSync(this.socketPath, { force: true })
  }

  private serve(socket: net.Socket) {
    this.sockets.add(socket)
    let buffer = Buffer.alloc(0)
    let startup = true
    let release: (() => void) | null = null
    let chain: Promise<void> = Promise.resolve()
    let closed = false

    /** Hands one group of messages to PGlite; `type` is the type of the group's last message. */
    const runGroup = async (messages: Uint8Array, type: string) => {
      if (closed) return
      if (!release) release = await this.mutex.acquire()
      if (closed) return
      try {
        await this.db.execProtocolRawStream(messages, {
          onRawData: (data) => {
            if (!closed && socket.writable) socket.write(Buffer.from(data))
          },
        })
      } catch (error) {
        socket.destroy(error as Error)
      }
      if ((type === 'startup' || CYCLE_END.has(type)) && !this.db.isInTransaction()) {
        release?.()
        release = null
      }
    }

    // Messages of the cycle being received, not yet handed to PGlite.
    let group: Buffer[] = []
    let groupBytes = 0
    /** Queues the held messages as one call; `last` is the type of the final message in it. */
    const flushGroup = (last: string) => {
      if (group.length === 0) return
      // A copy: the socket's chunks may be reused, and PGlite reads the bytes only when the call runs.
      const messages = new Uint8Array(Buffer.concat(group, groupBytes))
      group = []
      groupBytes = 0
      chain = chain.then(() => runGroup(messages, last))
    }

    socket.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk
      for (;;) {
        if (startup) {
          if (buffer.length < 8) return
          const length = buffer.readInt32BE(0)
          const code = buffer.readInt32BE(4)
          if (length === 8 && code === SSL_REQUEST) {
            socket.write('N')
            buffer = buffer.subarray(8)
            continue
          }
          if (length === 16 && code === CANCEL_REQUEST) {
            socket.end()
            return
          }
          if (buffer.length < length) return
          const message = new Uint8Array(buffer.subarray(0, length))
          buffer = buffer.subarray(length)
          chain = chain.then(() => runGroup(message, 'startup'))
          // Every later message is a typed message.
          startup = false
          continue
        }
        if (buffer.length < 5) return
        const length = buffer.readInt32BE(1) + 1
        if (buffer.length < length) return
        const type = String.fromCharCode(buffer[0] ?? 0)
        const message = buffer.subarray(0, length)
        buffer = buffer.subarray(length)
        if (type === 'X') {
          flushGroup('X')
          chain = chain.then(() => {
            socket.end()
          })
          continue
        }
        group.push(message)
        groupBytes += length
        if (!GROUPABLE.has(type) || groupBytes >= MAX_GROUP_BYTES) flushGroup(type)
      }
    })

    const onClose = () => {
      if (closed) return
      closed = true
      // An unfinished group (no Sync yet) is dropped: nobody is left to read its answer.
      group = []
      groupBytes = 0
      this.sockets.delete(socket)
      chain = chain.then(async () => {
        if (!release) return
        // A client that vanished mid-transaction must not leave the shared session in it.
        if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined)
        release()
        release = null
      })
    }
    socket.on('close', onClose)
    socket.on('error', onClose)
  }
}
