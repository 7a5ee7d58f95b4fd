/**
 * Which editor field shows a problem of the definition check, for the fields of condition-form.ts and
 * settings-form.ts, so the error summary links to the control staff must change. Paths come from zod
 * (`pages.0.questions.3.visibleIf.all.0.value`) or from check.ts (`pages.0.questions.3.visibleIf.0.value`,
 * `hidden.<code>`, `languages`).
 */
import type { SurveyDefinition } from '../definition/schema.ts'

/** The editor field id for a definition path, or null when another mapping applies. */
export function logicFieldFor(def: SurveyDefinition | null, path: string): string | null {
  if (path === 'languages' || path.startsWith('languages.')) return 'lang-new'
  const hidden = /^hidden\.([^.]+)(?:\.(\w+))?/.exec(path)
  if (hidden && def) {
    const key = hidden[1] as string
    // zod names the row (hidden.2.code), check.ts the duplicate code (hidden.kanaal): the later row.
    const k = /^\d+$/.test(key) ? Number(key) : def.hidden.map((h) => h.code).lastIndexOf(key)
    const part = hidden[2] === 'source' ? 'source' : hidden[2] === 'queryParam' ? 'param' : 'code'
    return `hidden${Math.max(k, 0)}-${part}`
  }
  const m =
    /^pages\.(\d+)\.questions\.(\d+)\.(visibleIf|reasons)(?:\.(?:all\.|any\.)?(\w+))?(?:\.(\w+))?/.exec(path)
  if (!m || !def) return null
  const i = def.pages.slice(0, Number(m[1])).reduce((n, p) => n + p.questions.length, 0) + Number(m[2])
  if (m[3] === 'reasons') return m[4] ? `q${i}-reasons-${m[4]}` : `q${i}-reasons-negative`
  if (m[4] === undefined || !/^\d+$/.test(m[4])) return `q${i}-if-mode-all`
  const part = m[5] === 'op' ? 'op' : m[5] === 'value' ? 'value' : 'question'
  return `q${i}-if${m[4]}-${part}`
}
