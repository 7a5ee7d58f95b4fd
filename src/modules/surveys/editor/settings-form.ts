/**
 * The survey-level settings of the editor form (pure): languages, hidden fields and the random order
 * of statements. (One question per screen is read in apply-form.ts.)
 *
 * Fields:
 * - `lang-<code>` (checkbox) per offered language other than Dutch, and `lang-new` to add a code; Dutch
 *   is always offered and always first. `lang-new` is always on the page, so its presence says the
 *   form carried the language controls at all (unticked boxes are not sent);
 * - hidden fields as rows `hidden<k>-code`, `hidden<k>-source`, `hidden<k>-param`, one empty row more
 *   than there are fields; a row without a code is dropped, `_action=hidden-remove:<k>` removes one;
 * - `shuffleStatements` (checkbox) with `shuffleStatements-shown` (`on` | `off` | `mixed`): the state the
 *   page showed. Only a change of the box sets every page; unchanged, each page keeps its own setting,
 *   so a survey that shuffles some pages only (set in the JSON) is not flattened by an ordinary save.
 */
import type { SurveyDefinition } from '../definition/schema.ts'

type Form = Record<string, string>
type Hidden = SurveyDefinition['hidden'][number]

/** Sources of a hidden field with their Dutch names. */
export const HIDDEN_SOURCES: { source: Hidden['source']; name: string }[] = [
  { source: 'custom', name: 'Eigen waarde' },
  { source: 'channel', name: 'Kanaal' },
  { source: 'product', name: 'Product of dienst' },
  { source: 'case_reference', name: 'Zaaknummer' },
  { source: 'touchpoint', name: 'Contactmoment' },
  { source: 'language', name: 'Taal' },
]

/** Whether the pages shuffle their statements: all of them, none, or some. */
export function shuffleState(def: SurveyDefinition): 'on' | 'off' | 'mixed' {
  const on = def.pages.filter((p) => p.shuffleStatements).length
  return on === 0 ? 'off' : on === def.pages.length ? 'on' : 'mixed'
}

function languagesFromForm(def: SurveyDefinition, form: Form): string[] {
  if (form['lang-new'] === undefined) return def.languages
  const kept = def.languages.filter((l) => l !== 'nl' && form[`lang-${l}`] === 'on')
  // The page offers English even when the survey does not have it yet.
  if (!def.languages.includes('en') && form['lang-en'] === 'on') kept.push('en')
  const added = form['lang-new']
    .split(/[\s,;]+/)
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && l !== 'nl' && !kept.includes(l))
  // An invalid code goes into the definition on purpose: the check then names it next to the field.
  return ['nl', ...kept, ...new Set(added)]
}

function hiddenFromForm(def: SurveyDefinition, form: Form): Hidden[] {
  if (form['hidden0-code'] === undefined) return def.hidden
  const removed = /^hidden-remove:(\d+)$/.exec(form._action ?? '')
  const hidden: Hidden[] = []
  for (let k = 0; k <= def.hidden.length; k++) {
    const code = (form[`hidden${k}-code`] ?? '').trim()
    if (!code || (removed && Number(removed[1]) === k)) continue
    const source = HIDDEN_SOURCES.find((s) => s.source === form[`hidden${k}-source`])?.source ?? 'custom'
    const param = (form[`hidden${k}-param`] ?? '').trim()
    hidden.push({ code, source, ...(param ? { queryParam: param } : {}) })
  }
  return hidden
}

/** Applies the settings fields to a definition whose pages the rest of the form already built. */
export function applySettingsForm<T extends { pages: SurveyDefinition['pages'] }>(
  def: SurveyDefinition,
  edited: T,
  form: Form,
): T & Pick<SurveyDefinition, 'languages' | 'hidden'> {
  const shown = form['shuffleStatements-shown']
  const now = form.shuffleStatements === 'on' ? 'on' : 'off'
  // From "mixed" only ticking the box is a change: an unticked box is how mixed was shown.
  const changed = shown !== undefined && shown !== now && !(shown === 'mixed' && now === 'off')
  const pages = changed ? edited.pages.map((p) => ({ ...p, shuffleStatements: now === 'on' })) : edited.pages
  return { ...edited, languages: languagesFromForm(def, form), hidden: hiddenFromForm(def, form), pages }
}
