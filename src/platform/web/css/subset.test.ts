import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { serialize, splitRules } from './split.ts'
import {
  classesInSource,
  requiredClasses,
  selectorCanMatch,
  subsetRules,
  subsetTokens,
  varReferences,
} from './subset.ts'

const use = (names: string[], prefixes: string[] = []) => ({ names: new Set(names), prefixes })

describe('classesInSource', () => {
  it('finds class names in JSX attributes, templates and ternaries', () => {
    const found = classesInSource([
      '<p class="utrecht-paragraph kb-hint">',
      "class={`utrecht-form-field ${error ? 'utrecht-form-field--invalid' : ''}`}",
    ])
    for (const c of ['utrecht-paragraph', 'kb-hint', 'utrecht-form-field', 'utrecht-form-field--invalid'])
      assert.ok(found.names.has(c), c)
  })

  it('takes a name completed at run time as a prefix', () => {
    const found = classesInSource([
      'class={`utrecht-heading-${level}`}',
      "const c = 'utrecht-button--' + kind",
    ])
    assert.deepEqual([...found.prefixes].sort(), ['utrecht-button--', 'utrecht-heading-'])
  })
})

describe('requiredClasses and selectorCanMatch', () => {
  it('require every class outside brackets and parentheses', () => {
    assert.deepEqual(requiredClasses('.a.b:hover > .c::before'), ['a', 'b', 'c'])
    assert.deepEqual(requiredClasses('.a:not(.b)'), ['a'])
    assert.deepEqual(requiredClasses(':is(.a, .b) .c'), ['c'])
    assert.deepEqual(requiredClasses('[class~="x.y"] .z'), ['z'])
    assert.deepEqual(requiredClasses('.sm\\:p-1'), ['sm:p-1'])
    assert.deepEqual(requiredClasses('html'), [])
  })

  it('match only when all required classes are in use, by name or prefix', () => {
    const u = use(['a', 'c'], ['heading-'])
    assert.equal(selectorCanMatch('.a .c', u), true)
    assert.equal(selectorCanMatch('.a .b', u), false)
    assert.equal(selectorCanMatch('.heading-3', u), true)
    assert.equal(selectorCanMatch('.a:not(.b)', u), true)
    assert.equal(selectorCanMatch('body', u), true)
  })
})

describe('subsetRules', () => {
  const css = `@charset "UTF-8";
.a { color: red }
.b { color: blue }
.a:hover, .b:hover { color: green }
@media print { .b { x: 1 } }
@media screen { .a { x: 2 } .b { x: 3 } }
.a, .b::-moz-focus-inner { y: 1 }
.a { animation: spin 1s }
@keyframes spin { to { rotate: 1turn } }
@keyframes unused { to { rotate: 1turn } }`

  it('keeps matching rules in order, cuts their selector lists and drops empty @media blocks', () => {
    const out = serialize(subsetRules(splitRules(css), use(['a'])))
    assert.equal(
      out,
      [
        '@charset "UTF-8";',
        '.a{color: red}',
        '.a:hover{color: green}',
        '@media screen{',
        '.a{x: 2}',
        '}',
        // A list with a vendor-prefixed selector stays whole: a browser that does not know it drops the rule.
        '.a,.b::-moz-focus-inner{y: 1}',
        '.a{animation: spin 1s}',
        '@keyframes spin{to{rotate: 1turn}}',
        '',
      ].join('\n'),
    )
  })

  it('drops every component rule when no class is in use, keeping only statements', () => {
    assert.equal(serialize(subsetRules(splitRules(css), use([]))), '@charset "UTF-8";\n')
  })
})

describe('subsetTokens', () => {
  const theme = `.voorbeeld-theme {
  --unused: 1px;
  /* [code-only] */
  --button-color: var(--basis-color);
  --basis-color: var(--palette-blue, var(--fallback));
  --palette-blue: #00f;
  --fallback: red;
  --loop-a: var(--loop-b);
  --loop-b: var(--loop-a);
  --palette-green: #0f0;
}`

  it('keeps the needed tokens and everything they reference, transitively, under the theme class', () => {
    const { nodes, kept } = subsetTokens(splitRules(theme), ['--button-color', '--loop-a'])
    assert.deepEqual(
      [...kept].sort(),
      ['--basis-color', '--button-color', '--fallback', '--loop-a', '--loop-b', '--palette-blue'].sort(),
    )
    assert.equal(
      serialize(nodes),
      '.voorbeeld-theme{--button-color: var(--basis-color);--basis-color: var(--palette-blue,var(--fallback));--palette-blue: #00f;--fallback: red;--loop-a: var(--loop-b);--loop-b: var(--loop-a)}\n',
    )
  })

  it('drops a theme rule left with nothing in it', () => {
    assert.deepEqual(subsetTokens(splitRules(theme), []).nodes, [])
  })
})

describe('varReferences', () => {
  it('finds every custom property used through var(), also in fallbacks and with spaces', () => {
    assert.deepEqual([...varReferences('a: var( --x, var(--y)); b: calc(var(--z) * 2)')].sort(), [
      '--x',
      '--y',
      '--z',
    ])
  })
})
