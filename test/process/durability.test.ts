import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openServices, type Services } from '../../src/main/services.ts'
import type { Config } from '../../src/platform/config.ts'
import { makeTestDatabaseConfig } from '../database.ts'
import { createOrganisationWithStaff } from '../factories.ts'
import { envFor, runCli, type ServeProcess, startServe } from '../process.ts'

let config: Config
let remove: () => Promise<void>
let server: ServeProcess | null = null

before(async () => {
  ;({ config, remove } = await makeTestDatabaseConfig())
})
after(async () => {
  await server?.stop()
  await remove()
})

async function withClient<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  // Not exclusive: on the embedded database this connects through the running server's socket.
  const services = await openServices(config)
  try {
    return await fn(services)
  } finally {
    await services.close()
  }
}

describe('an acknowledged response survives kill -9 of the server', () => {
  it('keeps all 1,000 acknowledged responses after the server is killed and restarted', async () => {
    server = await startServe(envFor(config))
    const { org, survey } = await withClient((s) => createOrganisationWithStaff(s))
    const acknowledged: string[] = []
    let next = 0
    const worker = async () => {
      while (next < 1000) {
        const i = next++
        const res = await fetch(`${server?.url}/api/v1/surveys/${survey.publicKey}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            submissionKey: `durable-${i}-key`,
            answers: { rapportcijfer: (i % 10) + 1 },
          }),
        })
        if (res.status === 201) acknowledged.push((await res.json()).id)
      }
    }
    await Promise.all(Array.from({ length: 20 }, worker))
    assert.equal(acknowledged.length, 1000)
    await server.kill9()
    server = await startServe(envFor(config))
    const stored = await withClient(async (s) =>
      s.db.selectFrom('response').select('id').where('organisation_id', '=', org.id).execute(),
    )
    const ids = new Set(stored.map((r) => r.id))
    assert.equal(ids.size, 1000)
    for (const id of acknowledged) assert.ok(ids.has(id), `acknowledged response ${id} was lost`)
  })
})

describe('one process per data directory', () => {
  it('a second server on the same data directory exits with a clear message while the first keeps serving', async (t) => {
    if (config.DATABASE_URL) {
      // On PostgreSQL several servers may share one database: that is how it scales out.
      const second = await startServe(envFor(config))
      assert.equal((await fetch(`${second.url}/health`)).status, 200)
      await second.stop()
      return
    }
    server ??= await startServe(envFor(config))
    const second = await runCli(['serve'], envFor(config))
    assert.equal(second.code, 3)
    assert.match(second.output, /Another Klankbord process \(pid \d+\) is already using the data directory/)
    const health = await (await fetch(`${server.url}/health`)).json()
    assert.equal(health.status, 'ok')
    t.diagnostic('second server refused; first still healthy')
  })

  it('runs CLI commands through the running server', async () => {
    server ??= await startServe(envFor(config))
    const r = await runCli(['migrate'], envFor(config))
    assert.equal(r.code, 0, r.output)
    assert.match(r.output, /is at migration \d{14}/)
    assert.equal((await fetch(`${server.url}/health`)).status, 200)
  })

  it('runs CLI commands on the data directory when no server runs', async () => {
    await server?.stop()
    server = null
    const r = await runCli(['migrate'], envFor(config))
    assert.equal(r.code, 0, r.output)
    assert.match(r.output, /is at migration \d{14}/)
  })
})
