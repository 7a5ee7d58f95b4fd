/**
 * Subsetting of the design-system CSS (pure, no I/O):
 * - component rules are kept when a selector in their list can match markup we render, judged by the
 *   class names it requires (a selector that needs a class we never write can never match);
 * - design tokens (custom properties of the theme) are kept when the kept rules use them, directly or
 *   through other tokens (`--a: var(--b)` keeps `--b` too).
 * The cascade is untouched: kept rules stay in their order and inside their @media/@supports blocks,
 * and the theme keeps its own selector (`.voorbeeld-theme`), so an organisation's token CSS still
 * overrides it the same way.
 */
import {
  type CssNode,
  type Declaration,
  serialize,
  skipOpaque,
  splitDeclarations,
  splitTopLevel,
} from './split.ts'

/** Which class names our markup can contain. */
export interface ClassUse {
  /** Class names that appear literally. */
  names: ReadonlySet<string>
  /** Beginnings of class names built at run time (`utrecht-heading-${level}`): every completion counts. */
  prefixes: readonly string[]
}

/**
 * Class names that source text can put into markup. Conservative on purpose: every word that could be
 * a class name counts (in a string, a template or a comment alike), so a class is only ever missed
 * when it is assembled from pieces. A word ending in `-` or `_` directly followed by `${` or by a
 * closing quote and `+` is taken as a prefix, so `utrecht-heading-${level}` keeps every
 * `utrecht-heading-…` rule.
 */
export function classesInSource(sources: Iterable<string>): ClassUse {
  const names = new Set<string>()
  const prefixes = new Set<string>()
  const word = /-?[A-Za-z_][\w-]*/g
  for (const text of sources) {
    for (const m of text.matchAll(word)) {
      const w = m[0]
      names.add(w)
      const last = w[w.length - 1]
      if ((last === '-' || last === '_') && w.length > 2) {
        const after = text.slice(m.index + w.length, m.index + w.length + 8)
        if (/^(\$\{|['"`]\s*\+)/.test(after)) prefixes.add(w)
      }
    }
  }
  return { names, prefixes: [...prefixes] }
}

/** Whether `cls` can occur in our markup. */
function classUsed(use: ClassUse, cls: string): boolean {
  return use.names.has(cls) || use.prefixes.some((p) => cls.startsWith(p))
}

/** A class name after its dot, with escapes (`\\:`); sticky, so it only matches where it is put. */
const CLASS_NAME = /(?:[\w-]|\\.)+/y

/**
 * The class names a selector requires on its elements: every `.name` outside brackets and
 * parentheses. Classes inside `:not(…)`, `:is(…)`, `:where(…)` or `:has(…)` are not required (a
 * `:not(.x)` even needs `x` absent), so they are skipped, which can only keep more rules, never fewer.
 */
export function requiredClasses(selector: string): string[] {
  const out: string[] = []
  let depth = 0
  let i = 0
  while (i < selector.length) {
    const past = skipOpaque(selector, i)
    if (past >= 0) {
      i = past
      continue
    }
    const ch = selector[i] as string
    if (ch === '(' || ch === '[') depth += 1
    else if (ch === ')' || ch === ']') depth -= 1
    else if (ch === '.' && depth === 0) {
      CLASS_NAME.lastIndex = i + 1
      const m = CLASS_NAME.exec(selector)
      if (m) {
        out.push(m[0].replace(/\\(.)/g, '$1'))
        i += 1 + m[0].length
        continue
      }
    }
    i += 1
  }
  return out
}

/** Whether a selector can match our markup: all the classes it requires can occur. */
export function selectorCanMatch(selector: string, use: ClassUse): boolean {
  return requiredClasses(selector).every((c) => classUsed(use, c))
}

/**
 * Keeps the rules that can match our markup; see the file comment. A kept rule's selector list is cut
 * down to the selectors that can match, except when the list holds a vendor-prefixed pseudo-class or
 * pseudo-element: a browser drops a whole list with one selector it does not know, and cutting that
 * selector out would make the rule apply where it did not before.
 * Grouping at-rules are kept when anything inside is kept; @keyframes when the kept rules name them;
 * other at-rules (@charset, @font-face, @property, …) always.
 */
export function subsetRules(nodes: CssNode[], use: ClassUse): CssNode[] {
  const kept = filterRules(nodes, use)
  const usedText = serialize(withoutKeyframes(kept))
  return keepNamedKeyframes(kept, usedText)
}

function filterRules(nodes: CssNode[], use: ClassUse): CssNode[] {
  const out: CssNode[] = []
  for (const node of nodes) {
    if (node.type === 'comment') out.push(node)
    else if (node.type === 'rule') {
      const selectors = splitTopLevel(node.prelude)
      const matching = selectors.filter((s) => selectorCanMatch(s, use))
      if (matching.length === 0) continue
      const prelude = /:-[a-z]/i.test(node.prelude) ? node.prelude : matching.join(',\n')
      out.push({ type: 'rule', prelude, body: node.body })
    } else if (node.children) {
      const children = filterRules(node.children, use)
      if (children.some((c) => c.type !== 'comment')) out.push({ ...node, children })
    } else out.push(node)
  }
  return out
}

function isKeyframes(node: CssNode) {
  return node.type === 'at' && /keyframes$/.test(node.name)
}

function withoutKeyframes(nodes: CssNode[]): CssNode[] {
  return nodes
    .filter((n) => !isKeyframes(n))
    .map((n) => (n.type === 'at' && n.children ? { ...n, children: withoutKeyframes(n.children) } : n))
}

/** Keeps a @keyframes only when its name occurs as a word in the other kept rules (`animation: …`). */
function keepNamedKeyframes(nodes: CssNode[], usedText: string): CssNode[] {
  return nodes.flatMap((node): CssNode[] => {
    if (node.type !== 'at') return [node]
    if (isKeyframes(node)) {
      const name = node.prelude.replace(/^["']|["']$/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      return new RegExp(`(^|[^\\w-])${name}([^\\w-]|$)`).test(usedText) ? [node] : []
    }
    return node.children ? [{ ...node, children: keepNamedKeyframes(node.children, usedText) }] : [node]
  })
}

/** Every custom property named in a `var(--name …)` in `css`. */
export function varReferences(css: string): Set<string> {
  const out = new Set<string>()
  for (const m of css.matchAll(/var\(\s*(--[\w-]+)/g)) out.add(m[1] as string)
  return out
}

/**
 * Keeps the custom-property declarations of the theme that `needed` names, plus those they reference,
 * transitively. Other declarations and every rule's selector stay as they are; a rule left empty goes.
 * Returns the kept nodes and the set of token names kept.
 */
export function subsetTokens(theme: CssNode[], needed: Iterable<string>) {
  // Each rule's declarations are split once and reused for the closure and for the pruning.
  const declarations = new Map<CssNode, Declaration[]>()
  const definitions = new Map<string, string[]>()
  const visit = (nodes: CssNode[]) => {
    for (const node of nodes) {
      if (node.type === 'rule') {
        const list = splitDeclarations(node.body)
        declarations.set(node, list)
        for (const d of list) {
          if (!d.name.startsWith('--')) continue
          definitions.set(d.name, [...(definitions.get(d.name) ?? []), d.value])
        }
      } else if (node.type === 'at' && node.children) visit(node.children)
    }
  }
  visit(theme)
  const keep = new Set<string>()
  const queue = [...needed]
  while (queue.length > 0) {
    const name = queue.pop() as string
    if (keep.has(name)) continue
    keep.add(name)
    for (const value of definitions.get(name) ?? []) queue.push(...varReferences(value))
  }
  const prune = (nodes: CssNode[]): CssNode[] => {
    const out: CssNode[] = []
    for (const node of nodes) {
      if (node.type === 'rule') {
        const kept = (declarations.get(node) ?? []).filter(
          (d) => !d.name.startsWith('--') || keep.has(d.name),
        )
        if (kept.length > 0) out.push({ ...node, body: kept.map((d) => `${d.name}: ${d.value}`).join(';\n') })
      } else if (node.type === 'at' && node.children) {
        const children = prune(node.children)
        if (children.some((c) => c.type !== 'comment')) out.push({ ...node, children })
      } else out.push(node)
    }
    return out
  }
  return { nodes: prune(theme), kept: keep }
}
