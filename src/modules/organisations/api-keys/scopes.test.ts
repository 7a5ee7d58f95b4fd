import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openApiDocument } from '../../../main/http.ts'
import { requiredScope, SCOPE_TEXT, SCOPED_OPERATIONS, SCOPES } from './scopes.ts'

describe('the scopes of API keys', () => {
  it('name one scope for each operation a key may call, and none for the rest', () => {
    assert.equal(requiredScope('POST', '/organisations/gemeente-a/contact-moments'), 'contact-moments:write')
    assert.equal(requiredScope('GET', '/organisations/gemeente-a/responses'), 'responses:read')
    assert.equal(requiredScope('HEAD', '/organisations/gemeente-a/responses/0193'), 'responses:read')
    assert.equal(requiredScope('POST', '/organisations/gemeente-a/cases'), 'cases:write')
    assert.equal(requiredScope('GET', '/organisations/gemeente-a/cases/Z-1'), 'cases:read')
    assert.equal(requiredScope('GET', '/organisations/gemeente-a/surveys/x/versions/2'), 'surveys:read')
    assert.equal(requiredScope('GET', '/organisations/gemeente-a/contact-moments'), null)
    assert.equal(requiredScope('DELETE', '/organisations/gemeente-a/cases'), null)
    assert.equal(requiredScope('POST', '/organisations/gemeente-a/notifications'), null)
    assert.equal(requiredScope('GET', '/organisations/gemeente-a/responses/x/y'), null)
  })

  it('match operations that exist in the OpenAPI document, each offering the bearer scheme with its scope', () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> }
    }
    assert.equal(doc.components.securitySchemes.apiKey?.scheme, 'bearer')
    for (const op of SCOPED_OPERATIONS) {
      const security = doc.paths[op.path]?.[op.method]?.security
      assert.ok(security, `${op.method} ${op.path} exists`)
      assert.deepEqual(security, [{ session: [] }, { apiKey: [op.scope] }], `${op.method} ${op.path}`)
    }
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const offered = op.security?.some((s) => 'apiKey' in s) ?? false
        const listed = SCOPED_OPERATIONS.some((o) => o.path === path && o.method === method)
        assert.equal(offered, listed, `${method} ${path}`)
      }
  })

  it('each have a Dutch label and explanation, and each is used by an operation', () => {
    for (const s of SCOPES) {
      assert.ok(SCOPE_TEXT[s].label && SCOPE_TEXT[s].hint, s)
      assert.ok(
        SCOPED_OPERATIONS.some((o) => o.scope === s),
        `${s} opens some operation`,
      )
    }
  })
})
