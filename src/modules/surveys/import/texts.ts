/**
 * Builds Klankbord texts (`{ nl, en, … }`) from the per-language texts of a source file: every text is
 * reduced to plain text (sanitise.ts), cut to the 2000 characters Klankbord allows, and given a Dutch
 * version. Where the source has no Dutch text, the text of the source's default language stands in
 * (counted, so the importer can warn that it needs translating).
 */
import type { Text } from '../definition/schema.ts'
import { plainText, shorten } from './sanitise.ts'

/** Klankbord language codes are 2–3 lowercase letters; 'nl-informal' and 'pt-BR' become 'nl' and 'pt'. */
export function normaliseLang(raw: string): string | undefined {
  const primary = raw.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined
}

/** Makes texts and remembers which languages it saw, in order of first appearance. */
export class TextMaker {
  readonly seen: string[] = []
  /** How many texts had no Dutch version and got the fallback language's text as Dutch. */
  fallbacks = 0

  constructor(readonly fallbackLang: string) {}

  /** Returns a text from raw (possibly HTML) strings keyed by Klankbord language, or undefined if all are empty. */
  make(raw: Record<string, string | undefined>): Text | undefined {
    const out: Record<string, string> = {}
    for (const [lang, value] of Object.entries(raw)) {
      if (typeof value !== 'string' || lang in out) continue
      const text = shorten(plainText(value), 2000)
      if (!text) continue
      out[lang] = text
      if (!this.seen.includes(lang)) this.seen.push(lang)
    }
    let nl = out.nl
    if (!nl) {
      nl = out[this.fallbackLang] ?? Object.values(out)[0]
      if (nl === undefined) return undefined
      this.fallbacks++
    }
    return { ...out, nl }
  }

  /** Dutch first, then the fallback (default) language, then the others seen; at most 20 (Klankbord's maximum). */
  languages(): string[] {
    const rest = this.seen.filter((l) => l !== 'nl' && l !== this.fallbackLang)
    const fallback =
      this.seen.includes(this.fallbackLang) && this.fallbackLang !== 'nl' ? [this.fallbackLang] : []
    return ['nl', ...fallback, ...rest].slice(0, 20)
  }
}

/**
 * A Dutch text made from a source name or code, for a question or option the source gave no text:
 * sanitised like every imported text, with a placeholder when nothing readable is left.
 */
export function nameText(name: string, placeholder = 'Zonder tekst'): Text {
  return { nl: shorten(plainText(name), 2000) || placeholder }
}
