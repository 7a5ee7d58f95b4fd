/**
 * A small CSS rule splitter, enough to subset a stylesheet: it cuts a stylesheet into comments, style
 * rules (selector list + declaration block, kept as text) and at-rules, and descends into the at-rules
 * that hold rules (@media, @supports, @container, @layer, …). It does not parse values or selectors
 * beyond what subsetting needs; everything it does not understand is kept as text.
 *
 * Why hand-written: no CSS parser is a direct dependency (csstree is not installed; linkedom only
 * brings a CSSOM fork that re-serialises rules and does not know @container), and the rules it must
 * respect are few: strings ('…', "…") and comments may contain any of `{ } ; , ( )`, a backslash
 * escapes the next character, and brackets nest. Malformed input (an unclosed block, string or
 * comment) throws instead of producing a silently different stylesheet.
 */

/** One piece of a stylesheet, in source order. */
export type CssNode =
  | { type: 'comment'; text: string }
  | { type: 'rule'; prelude: string; body: string }
  | {
      type: 'at'
      /** Lower-case name without `@`, e.g. `media`. */
      name: string
      prelude: string
      /** Text inside the braces; null for a statement such as `@charset "UTF-8";`. */
      body: string | null
      /** Parsed body for at-rules that hold rules (@media, @supports, …); null otherwise. */
      children: CssNode[] | null
    }

/** At-rules whose block holds style rules rather than declarations or keyframes. */
const GROUPING = new Set(['media', 'supports', 'container', 'layer', 'document', 'scope', 'starting-style'])

const enum Code {
  Tab = 9,
  NewLine = 10,
  FormFeed = 12,
  Return = 13,
  Space = 32,
  DoubleQuote = 34,
  SingleQuote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Star = 42,
  Slash = 47,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

/** Whether the character code is CSS whitespace. */
function isSpace(c: number) {
  return c === Code.Space || c === Code.NewLine || c === Code.Tab || c === Code.Return || c === Code.FormFeed
}

/** Index just past the string that starts at `i` (css[i] is the quote); throws if it never ends. */
function skipString(css: string, i: number): number {
  const quote = css.charCodeAt(i)
  let j = i + 1
  while (j < css.length) {
    const c = css.charCodeAt(j)
    if (c === Code.Backslash) j += 2
    else if (c === quote) return j + 1
    else if (c === Code.NewLine) break
    else j += 1
  }
  throw new SyntaxError(`unterminated string at offset ${i}`)
}

/** Index just past the comment that starts at `i` (css[i..i+1] is `/*`); throws if it never ends. */
function skipComment(css: string, i: number): number {
  const end = css.indexOf('*/', i + 2)
  if (end < 0) throw new SyntaxError(`unterminated comment at offset ${i}`)
  return end + 2
}

/**
 * Index just past an unquoted `url(…)` starting at `i`, or -1 when there is none: inside it `/*`, quotes
 * and braces are plain characters (CSS Syntax §4.3.6), so it must not be scanned like other text.
 */
function skipUnquotedUrl(css: string, i: number): number {
  if (css.slice(i, i + 4).toLowerCase() !== 'url(' || /[\w-]/.test(css[i - 1] ?? '')) return -1
  let j = i + 4
  while (isSpace(css.charCodeAt(j))) j += 1
  const first = css.charCodeAt(j)
  if (first === Code.DoubleQuote || first === Code.SingleQuote) return -1
  while (j < css.length && css.charCodeAt(j) !== Code.CloseParen)
    j += css.charCodeAt(j) === Code.Backslash ? 2 : 1
  if (j >= css.length) throw new SyntaxError(`unterminated url( at offset ${i}`)
  return j + 1
}

/**
 * If a string, comment, unquoted url(…) or escape starts at `i`, the index just past it; otherwise -1.
 * Shared by every scanner here so that they all agree on what is "inside" a token.
 */
export function skipOpaque(css: string, i: number): number {
  const c = css.charCodeAt(i)
  if (c === Code.DoubleQuote || c === Code.SingleQuote) return skipString(css, i)
  if (c === Code.Slash) return css.charCodeAt(i + 1) === Code.Star ? skipComment(css, i) : -1
  if (c === Code.Backslash) return Math.min(i + 2, css.length)
  // 'u' or 'U' with '(' three on: the only way an unquoted url( can start.
  if ((c === 117 || c === 85) && css.charCodeAt(i + 3) === Code.OpenParen) return skipUnquotedUrl(css, i)
  return -1
}

/**
 * Index of the first `stop` character at nesting depth 0 (outside (), [] and {}, strings, comments)
 * at or after `from` and before `to`; -1 when there is none. Throws on a closing bracket that was never
 * opened, which means the input is not what we think it is.
 */
export function findTopLevel(css: string, stops: string, from = 0, to = css.length): number {
  // Up to three stop characters, compared directly: this loop runs over every character of the CSS.
  const s0 = stops.charCodeAt(0)
  const s1 = stops.length > 1 ? stops.charCodeAt(1) : s0
  const s2 = stops.length > 2 ? stops.charCodeAt(2) : s0
  if (stops.length > 3) throw new RangeError('at most three stop characters')
  let depth = 0
  let i = from
  while (i < to) {
    const c = css.charCodeAt(i)
    if (mayStartOpaque(c)) {
      const past = skipOpaque(css, i)
      if (past >= 0) {
        i = past
        continue
      }
    }
    if (depth === 0 && (c === s0 || c === s1 || c === s2)) return i
    if (c === Code.OpenParen || c === Code.OpenBracket || c === Code.OpenBrace) depth += 1
    else if (c === Code.CloseParen || c === Code.CloseBracket || c === Code.CloseBrace) {
      depth -= 1
      if (depth < 0) throw new SyntaxError(`unexpected "${css[i]}" at offset ${i}`)
    }
    i += 1
  }
  return -1
}

/** Index of the `}` closing the block whose `{` is at `open`. */
function matchingBrace(css: string, open: number, end: number): number {
  const close = findTopLevel(css, '}', open + 1, end)
  if (close < 0) throw new SyntaxError(`unclosed block starting at offset ${open}`)
  return close
}

/** Splits a stylesheet (or the body of a grouping at-rule) into nodes; see the file comment. */
export function splitRules(css: string): CssNode[] {
  return splitRange(css, 0, css.length)
}

function splitRange(css: string, start: number, end: number): CssNode[] {
  const nodes: CssNode[] = []
  let i = start
  while (i < end) {
    if (isSpace(css.charCodeAt(i))) {
      i += 1
      continue
    }
    if (css.charCodeAt(i) === Code.Slash && css.charCodeAt(i + 1) === Code.Star) {
      const past = skipComment(css, i)
      nodes.push({ type: 'comment', text: css.slice(i, past) })
      i = past
      continue
    }
    const stop = findTopLevel(css, '{;}', i, end)
    if (stop < 0) {
      const rest = css.slice(i, end).trim()
      throw new SyntaxError(`unexpected end after "${rest.slice(0, 40)}" at offset ${i}`)
    }
    if (css[stop] === '}') throw new SyntaxError(`unexpected "}" at offset ${stop}`)
    const prelude = css.slice(i, stop).trim()
    if (css[stop] === ';') {
      if (!prelude.startsWith('@')) throw new SyntaxError(`declaration outside a rule at offset ${i}`)
      nodes.push({
        type: 'at',
        name: atName(prelude),
        prelude: atPrelude(prelude),
        body: null,
        children: null,
      })
      i = stop + 1
      continue
    }
    const close = matchingBrace(css, stop, end)
    const body = css.slice(stop + 1, close)
    if (prelude.startsWith('@')) {
      const name = atName(prelude)
      nodes.push({
        type: 'at',
        name,
        prelude: atPrelude(prelude),
        body,
        children: GROUPING.has(name) ? splitRange(css, stop + 1, close) : null,
      })
    } else {
      nodes.push({ type: 'rule', prelude, body })
    }
    i = close + 1
  }
  return nodes
}

function atName(prelude: string): string {
  return (/^@([\w-]+)/.exec(prelude)?.[1] ?? '').toLowerCase()
}

function atPrelude(prelude: string): string {
  return prelude.replace(/^@[\w-]+/, '').trim()
}

/** Splits on top-level commas: a selector list into selectors (commas inside :is(…) stay). */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = []
  let from = 0
  for (;;) {
    const at = findTopLevel(text, separator, from)
    if (at < 0) break
    parts.push(text.slice(from, at).trim())
    from = at + 1
  }
  parts.push(text.slice(from).trim())
  return parts.filter((p) => p !== '')
}

/** One declaration of a block: `name: value` (value without `;`, `!important` kept in the value). */
export interface Declaration {
  name: string
  value: string
}

/** The declarations of a style rule's body; throws on a nested rule, which subsetting does not handle. */
export function splitDeclarations(body: string): Declaration[] {
  return splitTopLevel(body, ';').map((text) => {
    const colon = findTopLevel(text, ':')
    if (colon < 0 || findTopLevel(text, '{') >= 0) {
      throw new SyntaxError(`not a declaration: "${text.slice(0, 60)}"`)
    }
    // compact() drops comments before the name (`/* note */ --token: …`), which the theme has.
    const name = text.slice(0, colon)
    return { name: name.includes('/*') ? compact(name) : name.trim(), value: text.slice(colon + 1).trim() }
  })
}

/**
 * Compacts CSS text without changing its meaning: comments go, runs of whitespace become one space, and
 * whitespace next to `{ } ; ,` or at the ends goes. Strings and escapes are copied as they are.
 * (Whitespace next to `:` stays: in a selector `a :hover` differs from `a:hover`.)
 */
export function compact(css: string): string {
  const out: string[] = []
  let last = -1 // code of the last character written, -1 at the start
  let pendingSpace = false
  let i = 0
  while (i < css.length) {
    const c = css.charCodeAt(i)
    if (c === Code.Slash && css.charCodeAt(i + 1) === Code.Star) {
      // No space in its place: `.a/**/.b` is one compound selector, `.a .b` would be two.
      i = skipComment(css, i)
      continue
    }
    if (isSpace(c)) {
      pendingSpace = true
      i += 1
      continue
    }
    if (pendingSpace && last !== -1 && !isTight(c) && !isTight(last)) out.push(' ')
    pendingSpace = false
    const past = skipOpaque(css, i)
    if (past >= 0) {
      out.push(css.slice(i, past))
      // A string or escape never counts as `{ } ; ,`, whatever its last character is.
      last = 0
      i = past
      continue
    }
    // Copy a run of ordinary characters at once (up to the next one that needs a decision).
    let end = i + 1
    while (end < css.length && isPlain(css.charCodeAt(end))) end += 1
    out.push(css.slice(i, end))
    last = css.charCodeAt(end - 1)
    i = end
  }
  return out.join('')
}

/** Whether a string, comment, escape or url( can start with this character (see `skipOpaque`). */
function mayStartOpaque(c: number) {
  return (
    c === Code.DoubleQuote ||
    c === Code.SingleQuote ||
    c === Code.Slash ||
    c === Code.Backslash ||
    c === 117 ||
    c === 85
  )
}

/** Characters `compact` can copy without a look: neither whitespace nor the start of something opaque. */
function isPlain(c: number) {
  return !isSpace(c) && !mayStartOpaque(c)
}

/** Characters next to which whitespace never matters: `{ } ; ,`. */
function isTight(c: number) {
  return c === Code.OpenBrace || c === Code.CloseBrace || c === 59 || c === 44
}

/** Writes nodes back as CSS text, compacted. Comments are written only if `keepComment` says so. */
export function serialize(nodes: CssNode[], keepComment: (text: string) => boolean = () => false): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'comment') {
      if (keepComment(node.text)) out += `${node.text}\n`
    } else if (node.type === 'rule') {
      out += `${compact(node.prelude)}{${compact(node.body)}}\n`
    } else {
      const head = `@${node.name}${node.prelude ? ` ${compact(node.prelude)}` : ''}`
      if (node.body === null) out += `${head};\n`
      else if (node.children) out += `${head}{\n${serialize(node.children, keepComment)}}\n`
      else out += `${head}{${compact(node.body)}}\n`
    }
  }
  return out
}
