import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { parseThemeTokens, themeCss } from './theme.ts'

describe("an organisation's design tokens", () => {
  it('reads pasted CSS with a selector, comments and several kinds of values', () => {
    const { tokens, problems } = parseThemeTokens(`/* Huisstijl gemeente */
.gemeente-theme {
  --utrecht-button-primary-action-background-color: #00689e;
  --utrecht-document-font-family: "Fira Sans", Arial, sans-serif;
  --utrecht-space-block-md: calc(1rem + 2px);
}`)
    assert.deepEqual(problems, [])
    assert.deepEqual(tokens, {
      '--utrecht-button-primary-action-background-color': '#00689e',
      '--utrecht-document-font-family': '"Fira Sans", Arial, sans-serif',
      '--utrecht-space-block-md': 'calc(1rem + 2px)',
    })
  })

  it('refuses values that could load something or break out of the rule, with the line number', () => {
    const { tokens, problems } = parseThemeTokens(
      [
        '--a: url(https://evil.example/x.png);',
        '--b: red; } body { display: none',
        'color: red;',
        '--c: @import "x";',
        '--ok: 12px;',
      ].join('\n'),
    )
    assert.deepEqual(tokens, { '--ok': '12px' })
    assert.deepEqual(
      problems.map((p) => p.line),
      [1, 2, 3, 4],
    )
  })

  it('never writes a stylesheet that escapes its one rule, whatever is stored (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (tokens) => {
        const css = themeCss(tokens)
        assert.equal((css.match(/[{}]/g) ?? []).length, 2)
        assert.doesNotMatch(css, /url\(|@import|<\//i)
      }),
    )
  })
})
