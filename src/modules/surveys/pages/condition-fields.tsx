/**
 * Per question in the survey editor: "Toon deze vraag alleen als …" (the conditions) and, for smileys,
 * the reasons per smiley. Plain form controls without JavaScript; field names and how they are read are
 * in editor/condition-form.ts. A condition may only look at an EARLIER question or a hidden field, so the
 * question select offers only those (plus a condition's current question, so a wrong one stays visible
 * with the check's error instead of silently changing).
 */
import type { Question, SurveyDefinition } from '../definition/schema.ts'
import {
  allQuestions,
  conditionsOf,
  formatConditionValue,
  OPERATORS,
  possibleValuesHint,
  reasonLines,
  SMILEYS,
} from '../editor/condition-form.ts'
import {
  ActionButton,
  Choice,
  type ErrorFor,
  LinesField,
  SelectField,
  TextInput,
} from './editor-controls.tsx'

function short(text: string) {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** The conditions of question `index` of `def`. */
export function ConditionFields(props: { def: SurveyDefinition; index: number; errorFor: ErrorFor }) {
  const { def, index: i, errorFor } = props
  const questions = allQuestions(def)
  const q = questions[i]
  if (!q) return null
  const earlier = questions.slice(0, i)
  const { mode, conditions } = conditionsOf(q)
  if (earlier.length === 0 && def.hidden.length === 0 && conditions.length === 0) return null
  const p = `q${i}`
  const hasError = conditions.some((_, k) =>
    ['question', 'op', 'value'].some((f) => errorFor(`${p}-if${k}-${f}`)),
  )
  const questionOptions = earlier.map((x, n) => ({
    value: x.code,
    label: `Vraag ${n + 1}: ${short(x.text.nl)}`,
  }))
  const count = conditions.length === 1 ? '1 voorwaarde' : `${conditions.length || 'geen'} voorwaarden`
  return (
    <details class="kb-editor-conditions" open={conditions.length > 0 || hasError}>
      <summary>Toon deze vraag alleen als … ({count})</summary>
      <p class="kb-hint">
        Kies een eerdere vraag of een verborgen veld, wat het antwoord moet zijn, en sla op. Na opslaan komt
        er een lege regel bij voor nog een voorwaarde. Bij “is een van” en “is geen van” zet u een komma
        tussen de waarden.
      </p>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">Wanneer tonen we vraag {i + 1}?</legend>
        <Choice
          type="radio"
          id={`${p}-if-mode-all`}
          name={`${p}-if-mode`}
          value="all"
          label="Als alle voorwaarden kloppen"
          checked={mode === 'all'}
        />
        <Choice
          type="radio"
          id={`${p}-if-mode-any`}
          name={`${p}-if-mode`}
          value="any"
          label="Als een van de voorwaarden klopt"
          checked={mode === 'any'}
        />
      </fieldset>
      {[...conditions, null].map((c, k) => {
        const f = `${p}-if${k}`
        const target: Question | undefined = c ? questions.find((x) => x.code === c.question) : undefined
        const known = c === null || earlier.some((x) => x.code === c.question)
        const isHidden = c !== null && def.hidden.some((h) => h.code === c.question)
        const strayOption =
          c && !known && !isHidden ? [{ value: c.question, label: `${c.question} (geen eerdere vraag)` }] : []
        return (
          <fieldset class="utrecht-form-fieldset kb-editor-condition" id={f}>
            <legend class="utrecht-form-fieldset__legend">
              {c ? `Voorwaarde ${k + 1}` : 'Nieuwe voorwaarde (niet verplicht)'}
            </legend>
            <SelectField
              id={`${f}-question`}
              label="Vraag of verborgen veld"
              value={c?.question ?? ''}
              options={[
                { value: '', label: c ? 'Geen (voorwaarde weghalen)' : 'Kies een vraag' },
                ...questionOptions,
                ...strayOption,
              ]}
              groups={[
                {
                  label: 'Verborgen velden',
                  options: def.hidden.map((h) => ({ value: h.code, label: `${h.code} (verborgen veld)` })),
                },
              ]}
              error={errorFor(`${f}-question`)}
            />
            <SelectField
              id={`${f}-op`}
              label="Het antwoord"
              value={c?.op ?? 'equals'}
              options={OPERATORS.map((o) => ({ value: o.op, label: o.name }))}
              error={errorFor(`${f}-op`)}
            />
            <TextInput
              id={`${f}-value`}
              label="Waarde"
              value={c ? formatConditionValue(target, c.value) : ''}
              hint={
                c
                  ? `Mogelijk: ${possibleValuesHint(target)} Niet nodig bij “is beantwoord”.`
                  : 'Na opslaan ziet u hier welke waarden mogelijk zijn. Niet nodig bij “is beantwoord”.'
              }
              error={errorFor(`${f}-value`)}
            />
            {c ? (
              <div class="kb-buttons">
                <ActionButton
                  value={`if-remove:${i}:${k}`}
                  label={`Voorwaarde ${k + 1} van vraag ${i + 1} weghalen`}
                >
                  Weghalen
                </ActionButton>
              </div>
            ) : null}
          </fieldset>
        )
      })}
    </details>
  )
}

/** The reasons a person can choose after each smiley, one `code = tekst` per line. */
export function SmileyReasonFields(props: { q: Question; index: number; errorFor: ErrorFor }) {
  if (props.q.type !== 'smileys') return null
  const p = `q${props.index}`
  return (
    <fieldset class="utrecht-form-fieldset kb-editor-reasons">
      <legend class="utrecht-form-fieldset__legend">Redenen per smiley (niet verplicht)</legend>
      <p class="kb-hint">
        Na een smiley kan de persoon een reden kiezen. Eén reden per regel, zo: wachttijd = Ik moest lang
        wachten. Laat leeg als u bij die smiley niet naar een reden vraagt.
      </p>
      {SMILEYS.map((s) => (
        <LinesField
          id={`${p}-reasons-${s.mood}`}
          label={`Redenen bij ${s.name}`}
          value={reasonLines(props.q, s.mood)}
          error={props.errorFor(`${p}-reasons-${s.mood}`)}
        />
      ))}
    </fieldset>
  )
}
