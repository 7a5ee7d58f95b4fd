/**
 * Builds the stylesheets the pages load, once at start-up, in memory (no build step, no generated file):
 * - `utrecht.css`: the rules of @utrecht/component-library-css whose selectors can match the class names
 *   that our source code can write into markup (found by scanning src/**\/*.ts(x), see
 *   `classesInSource`);
 * - `theme.css`: the voorbeeld theme (`.voorbeeld-theme { --token: … }`) cut down to the tokens those
 *   rules and app.css use, transitively.
 * A class name assembled at run time from pieces that do not appear whole in the source would be missed;
 * test/browser/css-subset.test.ts renders every page with the full and the subset CSS and compares them,
 * and css-bundle.test.ts checks the rendered HTML of every page type against the scan.
 * See docs/page-weight.md.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serialize, splitRules } from './split.ts'
import { type ClassUse, classesInSource, subsetRules, subsetTokens, varReferences } from './subset.ts'

const require = createRequire(import.meta.url)
const here = path.dirname(fileURLToPath(import.meta.url))

/** The source tree whose files can write class names into pages. */
export const SOURCE_ROOT = path.resolve(here, '../../..')

/** Paths of the full stylesheets as the packages ship them, and of our own app.css. */
export function fullStylesheetPaths() {
  return {
    'utrecht.css': require.resolve('@utrecht/component-library-css/dist/index.css'),
    'theme.css': path.join(
      path.dirname(require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/package.json')),
      'dist/theme.css',
    ),
    'app.css': path.join(here, '../app.css'),
  }
}

/**
 * Every .ts/.tsx file under `root`, except tests and this folder (its comments name classes but it
 * renders nothing), in a stable order.
 */
export function sourceFiles(root = SOURCE_ROOT): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (full !== here && entry.name !== 'node_modules') walk(full)
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full)
    }
  }
  walk(root)
  return out.sort()
}

/** Class names the source under `root` can write; see `classesInSource`. */
export function scanSourceClasses(root = SOURCE_ROOT): ClassUse {
  return classesInSource(sourceFiles(root).map((f) => fs.readFileSync(f, 'utf8')))
}

/** The built stylesheets with the figures that docs and tests report. */
export interface Stylesheets {
  'utrecht.css': string
  'theme.css': string
  stats: {
    utrechtRules: { full: number; kept: number }
    tokens: { full: number; kept: number }
  }
}

/** Keeps the licence headers of the packages (EUPL-1.2), once each. */
function licenceComments() {
  const seen = new Set<string>()
  return (text: string) => {
    if (!text.includes('@license') || seen.has(text)) return false
    seen.add(text)
    return true
  }
}

/**
 * Builds the subset stylesheets from the CSS texts and the class names in use. Pure apart from its
 * inputs, so tests can feed it small stylesheets.
 */
export function buildStylesheets(input: {
  utrecht: string
  theme: string
  app: string
  use: ClassUse
}): Stylesheets {
  const utrechtNodes = splitRules(input.utrecht)
  const keptRules = subsetRules(utrechtNodes, input.use)
  const utrecht = serialize(keptRules, licenceComments())
  const themeNodes = splitRules(input.theme)
  const needed = new Set([...varReferences(utrecht), ...varReferences(input.app)])
  const tokens = subsetTokens(themeNodes, needed)
  const theme = serialize(tokens.nodes, licenceComments())
  return {
    'utrecht.css': utrecht,
    'theme.css': theme,
    stats: {
      utrechtRules: { full: countRules(utrechtNodes), kept: countRules(keptRules) },
      tokens: { full: countTokens(input.theme), kept: countTokens(theme) },
    },
  }
}

/** Builds the subset stylesheets from the installed packages and our source tree. */
export function buildFromInstalled(root = SOURCE_ROOT): Stylesheets {
  const paths = fullStylesheetPaths()
  return buildStylesheets({
    utrecht: fs.readFileSync(paths['utrecht.css'], 'utf8'),
    theme: fs.readFileSync(paths['theme.css'], 'utf8'),
    app: fs.readFileSync(paths['app.css'], 'utf8'),
    use: scanSourceClasses(root),
  })
}

function countRules(nodes: ReturnType<typeof splitRules>): number {
  let n = 0
  for (const node of nodes) {
    if (node.type === 'rule') n += 1
    else if (node.type === 'at' && node.children) n += countRules(node.children)
  }
  return n
}

function countTokens(css: string): number {
  return new Set(css.match(/--[\w-]+(?=\s*:)/g) ?? []).size
}
