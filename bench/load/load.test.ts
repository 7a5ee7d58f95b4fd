import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { runLoad } from './http-intake-load.ts'
import { RawHttpConnection } from './raw-http.ts'

/**
 * A real Node HTTP server: answers 201 with an id (Content-Length), or — for /chunked — the same
 * body in chunked transfer encoding; /slow answers after `delayMs`. It records every body it got.
 */
let server: http.Server
let port = 0
let delayMs = 0
const bodies: string[] = []

before(async () => {
  server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (d) => {
      body += d
    })
    req.on('end', () => {
      bodies.push(body)
      const answer = JSON.stringify({ id: `r${bodies.length}`, echo: body.length })
      const send = () => {
        if (req.url === '/chunked') {
          res.writeHead(201, { 'content-type': 'application/json' })
          res.write(answer.slice(0, 5))
          res.end(answer.slice(5))
        } else if (req.url === '/bad') {
          res.writeHead(400, { 'content-type': 'application/problem+json' })
          res.end('{"status":400}')
        } else {
          res.writeHead(201, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(answer),
          })
          res.end(answer)
        }
      }
      if (req.url === '/slow') setTimeout(send, delayMs)
      else send()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
})

after(() => new Promise<void>((r) => server.close(() => r())))

describe('the raw HTTP load client', () => {
  it('sends the body whole and reads Content-Length and chunked answers on one keep-alive connection', async () => {
    const conn = new RawHttpConnection('127.0.0.1', port)
    const body = JSON.stringify({ text: 'één ü'.repeat(50) })
    const first = await conn.post('/plain', body)
    assert.equal(first.status, 201)
    assert.equal(JSON.parse(first.body).echo, body.length)
    assert.equal(bodies.at(-1), body)
    const second = await conn.post('/chunked', body)
    assert.equal(second.status, 201)
    assert.match(JSON.parse(second.body).id, /^r\d+$/)
    const third = await conn.post('/bad', '{}')
    assert.equal(third.status, 400)
    assert.equal(third.body, '{"status":400}')
    conn.close()
  })

  it('refuses a second request while one is in flight', async () => {
    const conn = new RawHttpConnection('127.0.0.1', port)
    const first = conn.post('/plain', '{}')
    await assert.rejects(conn.post('/plain', '{}'), /already in flight/)
    assert.equal((await first).status, 201)
    conn.close()
  })

  it('rejects when the server cannot be reached', async () => {
    const conn = new RawHttpConnection('127.0.0.1', 1)
    await assert.rejects(conn.post('/plain', '{}'))
  })
})

describe('the load generator', () => {
  it('closed loop: counts 201s with an id and records errors with the first body', async () => {
    const ok = await runLoad({
      url: `http://127.0.0.1:${port}/plain`,
      concurrency: 4,
      warmupMs: 0,
      durationMs: 200,
      bodyTemplate: '{"key":"__KEY__"}',
      keyPrefix: 'x',
    })
    assert.ok(ok.created > 10)
    assert.equal(ok.latenciesMs.length, ok.created)
    assert.deepEqual(ok.errors, {})
    const keys = bodies.slice(-ok.createdTotal).map((b) => JSON.parse(b).key)
    assert.equal(new Set(keys).size, keys.length, 'every submission key is unique')
    const bad = await runLoad({
      url: `http://127.0.0.1:${port}/bad`,
      concurrency: 2,
      warmupMs: 0,
      durationMs: 50,
      bodyTemplate: '{"key":"__KEY__"}',
      keyPrefix: 'y',
    })
    assert.equal(bad.created, 0)
    assert.ok((bad.errors['HTTP 400'] ?? 0) > 0)
    assert.match(bad.firstErrorBody ?? '', /^HTTP 400: \{"status":400\}/)
  })

  it('open loop: sends at the given rate and counts the wait for a free connection in the latency', async () => {
    // 200/s for 1 s on 2 connections against a server that takes 50 ms: capacity is 40/s, so requests
    // queue, and latency measured from the scheduled time grows far beyond the 50 ms service time.
    delayMs = 50
    const overloaded = await runLoad({
      url: `http://127.0.0.1:${port}/slow`,
      concurrency: 2,
      warmupMs: 0,
      durationMs: 1000,
      bodyTemplate: '{"key":"__KEY__"}',
      keyPrefix: 'z',
      ratePerS: 200,
    })
    assert.ok(overloaded.scheduled >= 195 && overloaded.scheduled <= 201, `scheduled ${overloaded.scheduled}`)
    // Every request due in the window is answered and counted, also those still waiting at its end.
    assert.equal(overloaded.created, overloaded.scheduled)
    const sorted = [...overloaded.latenciesMs].sort((a, b) => a - b)
    assert.ok((sorted.at(-1) ?? 0) > 2000, `worst latency ${sorted.at(-1)} ms includes the queue`)
    // Under capacity (10/s against 40/s) latency stays near the service time.
    const relaxed = await runLoad({
      url: `http://127.0.0.1:${port}/slow`,
      concurrency: 2,
      warmupMs: 0,
      durationMs: 1000,
      bodyTemplate: '{"key":"__KEY__"}',
      keyPrefix: 'w',
      ratePerS: 10,
    })
    assert.ok(relaxed.scheduled >= 9 && relaxed.scheduled <= 11)
    assert.ok(Math.max(...relaxed.latenciesMs) < 500, `latencies ${relaxed.latenciesMs.join(', ')}`)
    assert.ok(Math.min(...relaxed.latenciesMs) >= 49)
  })
})
