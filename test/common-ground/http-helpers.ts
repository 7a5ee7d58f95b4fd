/** Small HTTP helpers of the local ZGW test APIs: problem+json answers (schema Fout), JSON, servers. */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Answers a problem (Fout / ValidatieFout of the ZGW APIs). */
export function problem(
  res: ServerResponse,
  status: number,
  code: string,
  detail: string,
  invalidParams?: unknown[],
) {
  res.writeHead(status, { 'content-type': 'application/problem+json', 'api-version': '1.0.0' })
  res.end(
    JSON.stringify({
      type: `https://vng.nl/problems/${code}`,
      code,
      title: detail,
      status,
      detail,
      instance: `urn:uuid:${randomUUID()}`,
      ...(invalidParams ? { invalidParams } : {}),
    }),
  )
}

/** Answers JSON. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', 'api-version': '1.5.1', ...headers })
  res.end(JSON.stringify(body))
}

/** The request body as JSON, or undefined. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return undefined
  }
}

/** A node:http server on 127.0.0.1 at a free port. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  const server = createServer((req, res) => {
    handler(req, res).catch(() => problem(res, 500, 'error', 'Interne fout'))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, port: (server.address() as AddressInfo).port }
}

/** Closes a server and its connections. */
export const close = (s: Server) =>
  new Promise<void>((r) => {
    s.close(() => r())
    s.closeAllConnections()
  })

/** Whether v is an absolute URI of at most max characters. */
export const isUri = (v: unknown, max: number) => {
  if (typeof v !== 'string' || v.length < 1 || v.length > max) return false
  try {
    new URL(v)
    return true
  } catch {
    return false
  }
}

/** Checks a Message (Notificaties API 1.0) and lists every invalid field. */
export function messageErrors(m: Record<string, unknown>) {
  const bad: { name: string; code: string; reason: string }[] = []
  const str = (k: string, max: number) => {
    const v = m[k]
    if (typeof v !== 'string' || v.length < 1 || v.length > max)
      bad.push({ name: k, code: 'invalid', reason: `${k} is verplicht (1–${max} tekens).` })
  }
  str('kanaal', 50)
  str('resource', 100)
  str('actie', 100)
  for (const k of ['hoofdObject', 'resourceUrl'])
    if (!isUri(m[k], 1000)) bad.push({ name: k, code: 'invalid', reason: 'Geen geldige URL.' })
  if (typeof m.aanmaakdatum !== 'string' || Number.isNaN(Date.parse(m.aanmaakdatum)))
    bad.push({ name: 'aanmaakdatum', code: 'invalid', reason: 'Geen geldige datum-tijd.' })
  return bad
}
