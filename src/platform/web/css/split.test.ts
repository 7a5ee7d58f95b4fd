import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { type CssNode, compact, serialize, splitDeclarations, splitRules, splitTopLevel } from './split.ts'

/** The nodes without comments, with text compacted, so layouts of the same CSS compare equal. */
function shape(nodes: CssNode[]): unknown[] {
  return nodes.flatMap((n): unknown[] => {
    if (n.type === 'comment') return []
    if (n.type === 'rule') return [{ rule: compact(n.prelude), body: compact(n.body) }]
    return [
      {
        at: n.name,
        prelude: compact(n.prelude),
        ...(n.children
          ? { children: shape(n.children) }
          : { body: n.body === null ? null : compact(n.body) }),
      },
    ]
  })
}

describe('splitRules', () => {
  it('cuts a stylesheet into comments, style rules and at-rules in source order', () => {
    const nodes = splitRules('/* licence */\n@charset "UTF-8";\n.a { color: red }\n.b,.c{margin:0}')
    assert.deepEqual(nodes, [
      { type: 'comment', text: '/* licence */' },
      { type: 'at', name: 'charset', prelude: '"UTF-8"', body: null, children: null },
      { type: 'rule', prelude: '.a', body: ' color: red ' },
      { type: 'rule', prelude: '.b,.c', body: 'margin:0' },
    ])
  })

  it('descends into @media, @supports and an @container inside @supports, but keeps @keyframes as text', () => {
    const css = `@media (max-width: 30rem) { .a { x: 1 } }
@supports (container-type: inline-size) { @container (min-width: 600px) { .b { y: 2 } } }
@keyframes spin { from { rotate: 0 } to { rotate: 1turn } }`
    assert.deepEqual(shape(splitRules(css)), [
      { at: 'media', prelude: '(max-width: 30rem)', children: [{ rule: '.a', body: 'x: 1' }] },
      {
        at: 'supports',
        prelude: '(container-type: inline-size)',
        children: [
          { at: 'container', prelude: '(min-width: 600px)', children: [{ rule: '.b', body: 'y: 2' }] },
        ],
      },
      { at: 'keyframes', prelude: 'spin', body: 'from{rotate: 0}to{rotate: 1turn}' },
    ])
  })

  it('is not fooled by braces and semicolons in strings, comments, escapes or an unquoted url()', () => {
    const css = [
      '.a::before { content: "} {;" }',
      ".b /* { */ { content: '\\'}' }",
      '.c\\{d { color: red }',
      '.e { background: url(data:x/*y}) }',
      '.f { content: "/* not a comment */" }',
    ].join('\n')
    assert.deepEqual(shape(splitRules(css)), [
      { rule: '.a::before', body: 'content: "} {;"' },
      { rule: '.b', body: "content: '\\'}'" },
      { rule: '.c\\{d', body: 'color: red' },
      { rule: '.e', body: 'background: url(data:x/*y})' },
      { rule: '.f', body: 'content: "/* not a comment */"' },
    ])
  })

  it('refuses malformed CSS instead of guessing: unclosed block, string or comment, stray brace', () => {
    assert.throws(() => splitRules('.a { color: red'), /unclosed block/)
    assert.throws(() => splitRules('.a { content: "x }'), /unterminated string/)
    assert.throws(() => splitRules('.a { color: red } /* open'), /unterminated comment/)
    assert.throws(() => splitRules('.a { color: red } }'), /unexpected "}"/)
    assert.throws(() => splitRules('color: red;'), /declaration outside a rule/)
  })

  it('splits any stylesheet built from known rules back into those rules (property)', () => {
    const text = fc.constantFrom('"a{b}"', "'c;d'", '"e, f"', 'red', '0', 'calc(1px + 2px)', 'url(x.png)')
    const declaration = fc
      .tuple(fc.constantFrom('color', '--x', 'content'), text)
      .map(([n, v]) => `${n}: ${v}`)
    const rule = fc.record({
      selector: fc.constantFrom('.a', '.b:hover', '.c > .d', ':is(.e, .f) .g', '.h::before', '[data-x="{"]'),
      body: fc.array(declaration, { minLength: 1, maxLength: 3 }).map((d) => d.join('; ')),
      media: fc.boolean(),
    })
    const gap = fc.constantFrom('', ' ', '\n', '\n/* x { ; } */\n')
    fc.assert(
      fc.property(fc.array(fc.tuple(rule, gap), { maxLength: 8 }), (rules) => {
        const css = rules
          .map(([r, g]) => {
            const block = `${r.selector}${g}{${g}${r.body}${g}}`
            return r.media ? `@media print${g}{${g}${block}${g}}${g}` : `${block}${g}`
          })
          .join('')
        const expected = rules.map(([r]) => {
          const node = { rule: compact(r.selector), body: compact(r.body) }
          return r.media ? { at: 'media', prelude: 'print', children: [node] } : node
        })
        const nodes = splitRules(css)
        assert.deepEqual(shape(nodes), expected)
        // Writing the nodes out and splitting again changes nothing.
        assert.deepEqual(shape(splitRules(serialize(nodes))), expected)
      }),
      { numRuns: 300 },
    )
  })
})

describe('splitTopLevel and splitDeclarations', () => {
  it('split a selector list on its own commas only, not inside :is() or strings', () => {
    assert.deepEqual(splitTopLevel('.a, :is(.b, .c) .d,[title="e,f"]'), [
      '.a',
      ':is(.b, .c) .d',
      '[title="e,f"]',
    ])
  })

  it('split declarations on top-level semicolons and drop comments before a name', () => {
    assert.deepEqual(splitDeclarations('/* note */ --a: var(--b, "x;y"); color: red;'), [
      { name: '--a', value: 'var(--b, "x;y")' },
      { name: 'color', value: 'red' },
    ])
  })
})

describe('compact', () => {
  it('drops comments and spare whitespace but keeps strings and the meaning of selectors', () => {
    assert.equal(compact('.a  .b ,\n .c:hover {  }'), '.a .b,.c:hover{}')
    assert.equal(compact('.a :hover'), '.a :hover')
    assert.equal(compact('.a/**/.b'), '.a.b')
    assert.equal(compact('content: "  two  spaces ; "'), 'content: "  two  spaces ; "')
  })

  it('serializes nodes, keeping only the comments asked for', () => {
    const nodes = splitRules('/* @license X */ /* other */ @media print { .a { b: c } }')
    assert.equal(
      serialize(nodes, (c) => c.includes('@license')),
      '/* @license X */\n@media print{\n.a{b: c}\n}\n',
    )
  })
})
