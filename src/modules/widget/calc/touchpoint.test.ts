import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { MAX_TOUCHPOINT, touchpointOf } from './touchpoint.ts'

describe('the touchpoint of a widget answer', () => {
  it('keeps only the path of a full address', () => {
    assert.equal(
      touchpointOf('https://www.gemeente.nl/paspoort/aanvragen?email=a@b.nl#stap-2'),
      '/paspoort/aanvragen',
    )
  })

  it('drops the query string and the fragment of a path', () => {
    assert.equal(touchpointOf('/zoeken?q=jan+jansen'), '/zoeken')
    assert.equal(touchpointOf('/afval#bsn=123456782'), '/afval')
    assert.equal(touchpointOf('/'), '/')
  })

  it('refuses what is not a page address', () => {
    for (const bad of [
      '',
      'paspoort',
      '//evil.example/x',
      'javascript:alert(1)',
      '/a\nb',
      '/a b',
      'ftp://x/y',
    ])
      assert.equal(touchpointOf(bad), null, bad)
  })

  it('never keeps a query, a fragment or more than the limit, whatever is sent', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const t = touchpointOf(url)
        if (t === null) return
        assert.ok(t.startsWith('/'))
        assert.ok(!t.includes('?') && !t.includes('#'))
        assert.ok(t.length <= MAX_TOUCHPOINT)
      }),
    )
  })
})
