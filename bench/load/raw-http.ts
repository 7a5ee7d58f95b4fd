/**
 * A minimal HTTP/1.1 keep-alive client on `node:net`, for load generation only. Node's fetch (undici)
 * spends about as much CPU per request as the server under test; on a small machine where the load
 * generator, the server and PostgreSQL share the cores, that CPU is taken from the system measured.
 * This client writes a prepared request and parses just enough of the answer (status line,
 * Content-Length or chunked body) to know it is complete, so a request costs a few microseconds.
 *
 * One connection carries one request at a time (no pipelining), like a browser or a proxy does.
 */
import net from 'node:net'

/** A complete answer: the status code and the body as text. */
export interface RawResponse {
  status: number
  body: string
}

const HEADER_END = Buffer.from('\r\n\r\n')

/** One keep-alive connection to `host:port`. */
export class RawHttpConnection {
  private socket: net.Socket | null = null
  private buffer: Buffer = Buffer.alloc(0)
  private waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | null = null

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** Sends one POST with a JSON body and resolves with the whole answer. */
  post(path: string, body: string): Promise<RawResponse> {
    if (this.waiting) return Promise.reject(new Error('a request is already in flight on this connection'))
    const socket = this.socket ?? this.connect()
    const head =
      `POST ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject }
      socket.write(head + body)
    })
  }

  /** Closes the connection. */
  close() {
    this.socket?.destroy()
    this.socket = null
  }

  private connect() {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true })
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk
      this.tryComplete()
    })
    const fail = (error: Error) => {
      this.socket = null
      this.buffer = Buffer.alloc(0)
      const w = this.waiting
      this.waiting = null
      w?.reject(error)
    }
    socket.on('error', fail)
    socket.on('close', () => fail(new Error('connection closed by the server')))
    this.socket = socket
    return socket
  }

  /** Resolves the waiting request when the buffer holds a whole answer. */
  private tryComplete() {
    const end = this.buffer.indexOf(HEADER_END)
    if (end < 0 || !this.waiting) return
    const head = this.buffer.subarray(0, end).toString('latin1')
    const status = Number(head.slice(9, 12))
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)
    let body: string
    let rest: Buffer
    if (length) {
      const size = Number(length[1])
      if (this.buffer.length < end + 4 + size) return
      body = this.buffer.subarray(end + 4, end + 4 + size).toString('utf8')
      rest = this.buffer.subarray(end + 4 + size)
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const chunked = readChunked(this.buffer, end + 4)
      if (!chunked) return
      body = chunked.body
      rest = this.buffer.subarray(chunked.next)
    } else {
      // Without a length the body ends when the connection closes; the load generator never needs it.
      body = ''
      rest = this.buffer.subarray(end + 4)
    }
    this.buffer = rest
    const w = this.waiting
    this.waiting = null
    w.resolve({ status, body })
  }
}

/** Reads a chunked body starting at `from`; null while incomplete. */
function readChunked(buffer: Buffer, from: number): { body: string; next: number } | null {
  const parts: Buffer[] = []
  let at = from
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at)
    if (lineEnd < 0) return null
    const size = Number.parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16)
    if (Number.isNaN(size)) throw new Error('malformed chunked body')
    const dataStart = lineEnd + 2
    if (size === 0) {
      // Last chunk; no trailers are sent by the server measured, so the body ends at the next CRLF.
      if (buffer.length < dataStart + 2) return null
      return { body: Buffer.concat(parts).toString('utf8'), next: dataStart + 2 }
    }
    if (buffer.length < dataStart + size + 2) return null
    parts.push(buffer.subarray(dataStart, dataStart + size))
    at = dataStart + size + 2
  }
}
