/**
 * Rate limits of the widget endpoints over real HTTP, mounted as src/main/http.ts mounts them but with
 * small limits and an injected clock: a refused post still carries CORS, so the script can read it.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { AppEnv } from '../../src/modules/app-env.ts'
import { pageFeedbackDefinition, widgetRoutes } from '../../src/modules/widget/index.ts'
import { createBaseApp } from '../../src/platform/http/app.ts'
import { type Listening, listen } from '../../src/platform/http/listen.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../factories.ts'
import { assertProblem } from '../staff.ts'

let t: TestDatabase
let server: Listening
let url: string
let key: string
const clock = { t: Date.parse('2026-03-03T09:00:00Z') }

before(async () => {
  t = await createTestDatabase()
  const org = await createOrganisationWithStaff(t.services)
  key = (await createPublishedSurvey(t.services, org.org.id, pageFeedbackDefinition())).publicKey
  const app = createBaseApp<AppEnv>({ logger: t.services.logger, maxBodyBytes: 100_000 })
  app.route(
    '/',
    widgetRoutes(t.services.db, { submissionsPerMinute: 2, pageViewsPerMinute: 3, now: () => clock.t }),
  )
  server = await listen(app.fetch, 0, '127.0.0.1')
  url = `http://127.0.0.1:${server.port}`
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

describe('rate limits of the widget', () => {
  it('refuses the third answer in a minute from one address with 429, readable cross-origin', async () => {
    const send = (n: number) =>
      fetch(`${url}/widget/v1/${key}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://www.gemeente.example' },
        body: JSON.stringify({ key: `limit-test-key-${n}-abcdefghij`, useful: true, page: '/' }),
      })
    assert.equal((await send(1)).status, 201)
    assert.equal((await send(2)).status, 201)
    const refused = await send(3)
    assertProblem(refused, 429)
    assert.equal(refused.headers.get('access-control-allow-origin'), '*')
    assert.ok(Number(refused.headers.get('retry-after')) >= 1)
    clock.t += 60_000
    assert.equal((await send(4)).status, 201)
  })

  it('limits how often one address reads the question', async () => {
    const get = () => fetch(`${url}/widget/v1/${key}`, { headers: { accept: 'application/json' } })
    for (let i = 0; i < 3; i++) assert.equal((await get()).status, 200)
    assertProblem(await get(), 429)
  })
})
