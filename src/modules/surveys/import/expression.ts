/**
 * Reads the simple forms of show-if expressions from SurveyJS (`{q} = 'x' and {r} notempty`) and
 * LimeSurvey relevance equations (`Q1.NAOK == "A1" or !is_empty(Q2)`) into a neutral list of terms.
 * Only what Klankbord conditions can express is accepted: comparisons of one question with a literal,
 * (not) empty, any-of lists, all joined by one kind of connective (`and` or `or`; parentheses only where
 * they do not mix the two). Anything else yields an error text, and the caller imports the question
 * without the condition.
 */

export type Dialect = 'surveyjs' | 'limesurvey'
export type RawOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'empty' | 'notempty' | 'anyof' | 'noneof'
export type Literal = string | number | boolean

/** One comparison of a source question (by its source name) with a literal. */
export interface RawTerm {
  variable: string
  op: RawOp
  value?: Literal | Literal[]
}

/** Terms joined by one connective. */
export interface RawCondition {
  join: 'and' | 'or'
  terms: RawTerm[]
}

type Token =
  | { kind: 'var'; text: string }
  | { kind: 'ident'; text: string }
  | { kind: 'str'; value: string }
  | { kind: 'num'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'op'; text: string }

const WORD_OPS: Record<string, string> = {
  and: 'and',
  or: 'or',
  equal: '=',
  notequal: '!=',
  less: '<',
  greater: '>',
  lessorequal: '<=',
  greaterorequal: '>=',
  eq: '=',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  notempty: 'notempty',
  empty: 'empty',
  anyof: 'anyof',
  noneof: 'noneof',
  allof: 'allof',
  contains: 'contains',
  contain: 'contains',
  notcontains: 'notcontains',
  notcontain: 'notcontains',
}

class Unsupported extends Error {}

const MAX_EXPRESSION_LENGTH = 2000

function tokenize(src: string, dialect: Dialect): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < src.length) {
    const rest = src.slice(i)
    const ch = src[i] as string
    if (/\s/.test(ch)) {
      i++
      continue
    }
    if (ch === '{' && dialect === 'surveyjs') {
      const end = src.indexOf('}', i)
      if (end < 0) throw new Unsupported('an unclosed {')
      tokens.push({ kind: 'var', text: src.slice(i + 1, end).trim() })
      i = end + 1
      continue
    }
    if (ch === '"' || ch === "'") {
      let value = ''
      let j = i + 1
      for (; j < src.length && src[j] !== ch; j++) value += src[j] === '\\' ? (src[++j] ?? '') : src[j]
      if (j >= src.length) throw new Unsupported('an unclosed string')
      tokens.push({ kind: 'str', value })
      i = j + 1
      continue
    }
    const num = /^-?\d+(\.\d+)?/.exec(rest)
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]) })
      i += num[0].length
      continue
    }
    const sym = /^(==|!=|<>|<=|>=|&&|\|\||[=<>!()[\],])/.exec(rest)
    if (sym) {
      const text = sym[0] === '==' ? '=' : sym[0] === '<>' ? '!=' : sym[0]
      tokens.push({ kind: 'op', text: text === '&&' ? 'and' : text === '||' ? 'or' : text })
      i += sym[0].length
      continue
    }
    const word = /^[A-Za-z_][A-Za-z0-9_#.]*/.exec(rest)
    if (word) {
      const lower = word[0].toLowerCase()
      const op = WORD_OPS[lower]
      if (op && (dialect === 'surveyjs' || ['and', 'or', 'eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(lower)))
        tokens.push({ kind: 'op', text: op })
      else if (lower === 'true' || lower === 'false') tokens.push({ kind: 'bool', value: lower === 'true' })
      else tokens.push({ kind: 'ident', text: word[0] })
      i += word[0].length
      continue
    }
    throw new Unsupported(`the character '${ch}'`)
  }
  return tokens
}

class Reader {
  private pos = 0
  constructor(
    private readonly tokens: Token[],
    private readonly dialect: Dialect,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos]
  }

  private isOp(text: string): boolean {
    const t = this.peek()
    return t?.kind === 'op' && t.text === text
  }

  private expectOp(text: string) {
    if (!this.isOp(text)) throw new Unsupported(`a missing '${text}'`)
    this.pos++
  }

  done(): boolean {
    return this.pos >= this.tokens.length
  }

  /** expr := unit (connective unit)*, every connective the same. */
  expr(): RawCondition {
    const units = [this.unit()]
    let join: 'and' | 'or' | undefined
    while (this.isOp('and') || this.isOp('or')) {
      const next = (this.peek() as { text: 'and' | 'or' }).text
      if (join && join !== next) throw new Unsupported("a mix of 'and' and 'or'")
      join = next
      this.pos++
      units.push(this.unit())
    }
    if (units.length === 1) return units[0] as RawCondition
    const terms: RawTerm[] = []
    for (const u of units) {
      if (u.terms.length > 1 && u.join !== join) throw new Unsupported("a mix of 'and' and 'or'")
      terms.push(...u.terms)
    }
    return { join: join ?? 'and', terms }
  }

  private unit(): RawCondition {
    if (this.isOp('(')) {
      this.pos++
      const inner = this.expr()
      this.expectOp(')')
      return inner
    }
    return { join: 'and', terms: [this.term()] }
  }

  private term(): RawTerm {
    const t = this.peek()
    if (this.dialect === 'limesurvey' && (this.isOp('!') || t?.kind === 'ident')) {
      const negated = this.isOp('!')
      if (negated) this.pos++
      const fn = this.peek()
      if (fn?.kind === 'ident' && fn.text.toLowerCase() === 'is_empty') {
        this.pos++
        this.expectOp('(')
        const variable = this.variable()
        this.expectOp(')')
        return { variable, op: negated ? 'notempty' : 'empty' }
      }
      if (negated) throw new Unsupported("a '!' other than !is_empty(…)")
      const next = this.tokens[this.pos + 1]
      if (fn?.kind === 'ident' && next?.kind === 'op' && next.text === '(')
        throw new Unsupported(`the function ${fn.text}()`)
    }
    const variable = this.variable()
    const op = this.peek()
    if (op?.kind !== 'op') throw new Unsupported(`nothing to compare ${variable} with`)
    this.pos++
    switch (op.text) {
      case 'empty':
      case 'notempty':
        return { variable, op: op.text }
      case 'anyof':
      case 'noneof':
        return { variable, op: op.text, value: this.list() }
      case 'contains':
      case 'notcontains':
        return { variable, op: op.text === 'contains' ? 'anyof' : 'noneof', value: [this.literal()] }
    }
    const cmp = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' }[op.text] as
      | RawOp
      | undefined
    if (!cmp) throw new Unsupported(`the operator '${op.text}'`)
    const value = this.literal()
    if (value === '' && (cmp === 'eq' || cmp === 'ne'))
      return { variable, op: cmp === 'eq' ? 'empty' : 'notempty' }
    return { variable, op: cmp, value }
  }

  private variable(): string {
    const t = this.peek()
    if (this.dialect === 'surveyjs' && t?.kind === 'var') {
      this.pos++
      return t.text
    }
    if (this.dialect === 'limesurvey' && t?.kind === 'ident') {
      this.pos++
      const m = /^([A-Za-z][A-Za-z0-9_#]*?)(?:\.(NAOK|value|code|valueNAOK))?$/i.exec(t.text)
      if (!m) throw new Unsupported(`the variable ${t.text}`)
      return m[1] as string
    }
    throw new Unsupported('a comparison that does not start with a question')
  }

  private literal(): Literal {
    const t = this.peek()
    this.pos++
    if (t?.kind === 'num' || t?.kind === 'str') return t.value
    if (t?.kind === 'bool') return this.dialect === 'surveyjs' ? t.value : String(t.value)
    throw new Unsupported('a comparison with something other than a fixed value')
  }

  private list(): Literal[] {
    this.expectOp('[')
    const values = [this.literal()]
    while (this.isOp(',')) {
      this.pos++
      values.push(this.literal())
    }
    this.expectOp(']')
    return values
  }
}

/**
 * Parses a show-if expression. Returns the terms, or `{ error }` saying (in English) what part is not
 * one of the simple forms.
 */
export function parseExpression(src: string, dialect: Dialect): RawCondition | { error: string } {
  // Real conditions are short; the cap keeps a crafted multi-megabyte expression from costing time.
  if (src.length > MAX_EXPRESSION_LENGTH)
    return { error: `it is longer than ${MAX_EXPRESSION_LENGTH} characters` }
  try {
    const reader = new Reader(tokenize(src, dialect), dialect)
    const result = reader.expr()
    if (!reader.done()) throw new Unsupported('text after the end of the condition')
    return result
  } catch (e) {
    if (e instanceof Unsupported) return { error: `it contains ${e.message}` }
    throw e
  }
}

/** Joins two source expressions with `and` (a panel's or group's condition and a question's own). */
export function andExpressions(outer: string | undefined, inner: string | undefined): string | undefined {
  if (!outer) return inner
  if (!inner) return outer
  return `(${outer}) and (${inner})`
}
