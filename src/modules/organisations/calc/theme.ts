/**
 * An organisation's design tokens (pure). Organisations brand the pages with NL Design System tokens:
 * CSS custom properties that the Utrecht components read (colours, fonts, sizes). Staff paste them as
 * `--name: value;` lines. Only custom properties with plain values are accepted, so a token file can
 * change how pages look but can never load anything (no url(), no @import, no braces or semicolons
 * inside values) nor break out of its rule.
 */

/** Tokens by name (`--utrecht-…`). */
export type ThemeTokens = Record<string, string>

/** A problem on one line of the pasted tokens. */
export interface ThemeProblem {
  line: number
  reason: string
}

const NAME = /^--[a-z][a-z0-9-]{0,119}$/
// Colours (#hex, rgb(), hsl()), lengths, numbers, keywords, font lists with quotes and commas, calc()/var().
const VALUE = /^[a-zA-Z0-9#%.,\s"'()+*/-]{1,200}$/
const FORBIDDEN = /url\s*\(|image\s*\(|expression|@|\\|javascript:/i
export const MAX_TOKENS = 500

/** Parses pasted `--name: value;` lines (comments and a wrapping `selector { … }` are ignored). */
export function parseThemeTokens(text: string): { tokens: ThemeTokens; problems: ThemeProblem[] } {
  const tokens: ThemeTokens = {}
  const problems: ThemeProblem[] = []
  const lines = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = raw.trim().replace(/;$/, '').trim()
    if (!line || /^[^:]*\{$/.test(line) || line === '}') return
    const m = /^(--[^:\s]+)\s*:\s*(.*)$/.exec(line)
    if (!m) {
      problems.push({ line: i + 1, reason: 'Schrijf een token als --naam: waarde;' })
      return
    }
    const [, name, value] = m as unknown as [string, string, string]
    if (!NAME.test(name)) problems.push({ line: i + 1, reason: `De naam ${name} is geen geldige tokennaam.` })
    else if (!VALUE.test(value) || FORBIDDEN.test(value) || /[;{}<>]/.test(value))
      problems.push({ line: i + 1, reason: `De waarde van ${name} is niet toegestaan.` })
    else tokens[name] = value.trim()
  })
  if (Object.keys(tokens).length > MAX_TOKENS)
    problems.push({ line: lines.length, reason: `Gebruik hoogstens ${MAX_TOKENS} tokens.` })
  return { tokens, problems }
}

/** The stylesheet for the tokens; `html.voorbeeld-theme` outranks the default theme's `.voorbeeld-theme`. */
export function themeCss(tokens: ThemeTokens): string {
  const body = Object.entries(tokens)
    .filter(([k, v]) => NAME.test(k) && VALUE.test(v) && !FORBIDDEN.test(v) && !/[;{}<>]/.test(v))
    .map(([k, v]) => `  ${k}: ${v};`)
    .join('\n')
  return `html.voorbeeld-theme {\n${body}\n}\n`
}

/** The tokens as editable lines. */
export function themeLines(tokens: ThemeTokens | null): string {
  return Object.entries(tokens ?? {})
    .map(([k, v]) => `${k}: ${v};`)
    .join('\n')
}
