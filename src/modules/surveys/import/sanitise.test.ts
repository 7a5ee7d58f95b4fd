import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { plainText, shorten, toCode } from './sanitise.ts'

describe('plainText', () => {
  it('keeps the visible text and drops the tags', () => {
    assert.equal(plainText('<p>Hoe <b>tevreden</b> bent u?</p>'), 'Hoe tevreden bent u?')
  })

  it('drops the content of script, style, iframe, object and template elements entirely', () => {
    const input =
      'A<script>alert(1)</script>B<style>p{color:red}</style>C<iframe src="x">frame</iframe>D' +
      '<object data="x">obj</object>E<template><p>tpl</p></template>F'
    assert.equal(plainText(input), 'ABCDEF')
  })

  it('removes event handlers and javascript: links because no markup survives', () => {
    const out = plainText('<img src=x onerror="alert(1)">Klik <a href="javascript:alert(1)">hier</a>')
    assert.equal(out, 'Klik hier')
  })

  it('decodes entities', () => {
    assert.equal(plainText('Afval &amp; grofvuil &eacute;&#233; &lt;3'), 'Afval & grofvuil éé <3')
  })

  it('strips markup that was hidden behind entities', () => {
    assert.equal(plainText('&lt;script&gt;alert(1)&lt;/script&gt;Tekst'), 'Tekst')
    assert.equal(plainText('&amp;lt;img src=x onerror=alert(1)&amp;gt;Tekst'), 'Tekst')
  })

  it('separates block elements and collapses white space', () => {
    assert.equal(plainText('<p>Een</p><p>Twee</p>\n\n  <br>Drie&nbsp;&nbsp;vier  '), 'Een Twee Drie vier')
  })

  it('reads at most 5000 tags of a text, so deeply nested markup cannot stall the import', () => {
    assert.equal(plainText('<i>a</i>'.repeat(3000)), 'a'.repeat(2500))
    assert.equal(plainText(`<p>${'x'.repeat(100_000)}</p>`).length, 100_000)
    assert.equal(plainText('<b>'.repeat(1_000_000)), '')
  })

  it('keeps a "<" that cannot start a tag, and breaks one that could', () => {
    assert.equal(plainText('score <5 en >3, a < b'), 'score <5 en >3, a < b')
    // Encoded four times: after the last parse round a literal "<b" remains and gets a space.
    assert.equal(plainText('&amp;amp;amp;lt;b'), '< b')
  })

  it('never returns "<" followed by a letter, whatever the input (property)', () => {
    const fragment = fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '/',
        '!',
        '?',
        '&lt;',
        '&gt;',
        '&#60;',
        '&amp;',
        '<script>',
        '</script>',
        '<style>',
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<svg ',
        'img',
        ' onerror=',
        '"',
        "'",
        'a',
        'B',
        ' ',
        '\n',
        ';',
      ),
      fc.string({ maxLength: 5 }),
    )
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const out = plainText(parts.join(''))
        assert.ok(
          !/<[A-Za-z]/.test(out),
          `unsafe output ${JSON.stringify(out)} for ${JSON.stringify(parts.join(''))}`,
        )
      }),
      { numRuns: 2000 },
    )
  })
})

describe('shorten', () => {
  it('cuts long texts with an ellipsis and leaves short ones alone', () => {
    assert.equal(shorten('kort'), 'kort')
    const long = shorten('x'.repeat(200))
    assert.equal(long.length, 80)
    assert.ok(long.endsWith('…'))
  })
})

describe('toCode', () => {
  it('makes lowercase codes of letters, digits and underscores', () => {
    assert.equal(toCode('Tevredenheid Balie-2', new Set()), 'tevredenheid_balie_2')
    assert.equal(toCode('Überprüfung é', new Set()), 'uberprufung_e')
  })

  it('starts codes with a letter', () => {
    assert.equal(toCode('12', new Set()), 'q_12')
    assert.equal(toCode('1', new Set(), 'o'), 'o_1')
    assert.equal(toCode('***', new Set()), 'q')
  })

  it('adds _2, _3 on clashes and records every code it hands out', () => {
    const taken = new Set<string>()
    assert.deepEqual(
      ['Q1', 'q1', 'Q 1', 'q1'].map((n) => toCode(n, taken)),
      ['q1', 'q1_2', 'q_1', 'q1_3'],
    )
    assert.deepEqual([...taken], ['q1', 'q1_2', 'q_1', 'q1_3'])
  })

  it('keeps long codes within 63 characters, suffix included', () => {
    const taken = new Set<string>()
    const a = toCode('a'.repeat(100), taken)
    const b = toCode('a'.repeat(100), taken)
    assert.equal(a.length, 63)
    assert.equal(b.length, 63)
    assert.ok(b.endsWith('_2'))
  })

  it('always gives valid, unique codes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 30 }), (names) => {
        const taken = new Set<string>()
        const codes = names.map((n) => toCode(n, taken))
        for (const c of codes) assert.match(c, /^[a-z][a-z0-9_]{0,62}$/)
        assert.equal(new Set(codes).size, codes.length)
      }),
    )
  })
})
