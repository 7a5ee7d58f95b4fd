/**
 * Texts of the public pages in Dutch (first) and English. A language without its own catalog falls back
 * to Dutch per text, like survey texts do (docs/survey-definition.md). Placeholders are `{name}`.
 */
import { en } from './en.ts'
import { nl } from './nl.ts'

export type MessageKey = keyof typeof nl
const catalogs: Record<string, Partial<Record<MessageKey, string>>> = { nl, en }

/** The message in a language (falling back to Dutch), with `{name}` placeholders filled in. */
export function t(lang: string, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[lang]?.[key] ?? nl[key]
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}

/** The name of a language in that language, for the language switch. */
export function languageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang)
    return name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : lang
  } catch {
    return lang
  }
}
