import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openServices } from '../../src/main/services.ts'
import type { Config } from '../../src/platform/config.ts'
import { makeTestDatabaseConfig } from '../database.ts'
import { envFor, startServe } from '../process.ts'

let config: Config
let remove: () => Promise<void>

before(async () => {
  ;({ config, remove } = await makeTestDatabaseConfig())
})
after(async () => remove())

async function counts() {
  const services = await openServices(config)
  try {
    const orgs = await services.db.selectFrom('organisation').select(['slug']).execute()
    const responses = await services.db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return { slugs: orgs.map((o) => o.slug), responses: Number(responses.n) }
  } finally {
    await services.close()
  }
}

describe('the first start (npm start = serve --demo-if-empty)', () => {
  it(
    process.env.DATABASE_URL
      ? 'never loads demo data by itself on PostgreSQL'
      : 'loads the demo organisation once on the embedded database and reuses it on the next start',
    async () => {
      const env = envFor(config, { DEMO_RESPONSES: '300' })
      const first = await startServe(env, ['--demo-if-empty'])
      await first.stop()
      const afterFirst = await counts()
      if (config.DATABASE_URL) {
        assert.deepEqual(afterFirst, { slugs: [], responses: 0 })
        assert.doesNotMatch(first.output(), /demo-organisatie/)
        return
      }
      assert.deepEqual(afterFirst, { slugs: ['voorbeeld'], responses: 300 })
      assert.match(first.output(), /Demo-login: demo@voorbeeld\.nl \/ welkom-bij-klankbord \(net geladen\)/)
      assert.match(first.output(), /Openbare vragenlijst: http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]+/)

      const second = await startServe(env, ['--demo-if-empty'])
      const health = await (await fetch(`${second.url}/health`)).json()
      await second.stop()
      assert.equal(health.status, 'ok')
      assert.doesNotMatch(second.output(), /net geladen/)
      assert.deepEqual(await counts(), afterFirst)
    },
  )
})
