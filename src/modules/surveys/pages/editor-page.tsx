/**
 * Staff pages of surveys: the list (/o/:slug/vragenlijsten), and the editor of a draft
 * (/o/:slug/vragenlijsten/:id). Plain forms that work without JavaScript; every form carries the CSRF
 * token; errors come back in an error summary linked to each field. Every Dutch text gets B1 advice
 * from the readability calculator (Flesch-Douma score, long sentences, long or rare words).
 */
import type { Child } from 'hono/jsx'
import { describedBy, FieldErrorText, FormField } from '../../../platform/web/form-field.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import { analyseReadability } from '../calc/readability.ts'
import type { CoreLinkNotice } from '../definition/core-links.ts'
import type { SurveyDefinition } from '../definition/schema.ts'
import { optionLines, QUESTION_TYPES } from '../editor/apply-form.ts'
import type { SurveySummary, SurveyVersion } from '../versions/store.ts'
import { ConditionFields, SmileyReasonFields } from './condition-fields.tsx'
import { AddCoreQuestion, CoreMarker, CoreNotices } from './core-question.tsx'
import { SurveyChannelLinks } from './survey-channel-links.tsx'
import { SurveySettingsFields } from './survey-settings-fields.tsx'

interface Common {
  organisation: { slug: string; name: string }
  staff: StaffIdentity
}

const WARNING_TEXT = {
  long_sentence: 'lange zin',
  long_word: 'lang woord',
  rare_word: 'moeilijk woord',
  passive: 'lijdende vorm',
  abbreviation: 'afkorting',
} as const

/** Whether a Dutch text gets B1 advice (it is hard, or has long sentences, long or rare words, …). */
function needsAdvice(text: string): boolean {
  if (!text.trim()) return false
  const r = analyseReadability(text)
  return r.level === 'moeilijk' || r.warnings.length > 0
}

/** B1 advice for one Dutch text, or nothing when the text reads at B1 or easier. */
function B1Advice(props: { id: string; text: string }) {
  if (!needsAdvice(props.text)) return null
  const r = analyseReadability(props.text)
  return (
    <p class="kb-hint kb-b1" id={`${props.id}-b1`}>
      Let op, misschien niet B1 (leesbaarheid Flesch-Douma {Math.round(r.score)}):{' '}
      {r.warnings
        .slice(0, 4)
        .map((w) => `${WARNING_TEXT[w.kind]} “${w.text}”`)
        .join(', ')}
    </p>
  )
}

function TextField(props: {
  id: string
  label: string
  value: string
  error?: string
  rows?: number
  b1?: boolean
  lang?: string
}) {
  const advice = props.b1 === true && needsAdvice(props.value)
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <FieldErrorText id={props.id} error={props.error} />
      <textarea
        class="utrecht-textarea"
        id={props.id}
        name={props.id}
        rows={props.rows ?? 2}
        lang={props.lang}
        aria-describedby={describedBy(props.id, props.error && 'error', advice && 'b1')}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value}
      </textarea>
      {advice ? <B1Advice id={props.id} text={props.value} /> : null}
    </FormField>
  )
}

function Checkbox(props: { id: string; label: string; checked: boolean }) {
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox kb-choice">
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id={props.id}
          name={props.id}
          checked={props.checked}
        />
      </div>
      <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={props.id}>
          {props.label}
        </label>
      </div>
    </div>
  )
}

function Button(props: { value: string; children: Child; label?: string; primary?: boolean }) {
  return (
    <button
      type="submit"
      name="_action"
      value={props.value}
      aria-label={props.label}
      class={`utrecht-button ${props.primary ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action'}`}
    >
      {props.children}
    </button>
  )
}

/** The list of the organisation's surveys, with "new" and "import". */
export function SurveyListPage(props: Common & { surveys: SurveySummary[]; csrf: string; canEdit: boolean }) {
  const base = `/o/${props.organisation.slug}/vragenlijsten`
  return (
    <Layout title={`Vragenlijsten – ${props.organisation.name}`} header={<StaffHeader {...props} />}>
      <h1 class="utrecht-heading-1">Vragenlijsten</h1>
      <div class="kb-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">Vragenlijsten van {props.organisation.name}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Titel
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Gepubliceerde versie
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Concept
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.surveys.map((s) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`${base}/${s.id}`}>
                    {s.title}
                  </a>
                </td>
                <td class="utrecht-table__cell">
                  {s.publishedVersion ? `versie ${s.publishedVersion}` : 'nog niet'}
                </td>
                <td class="utrecht-table__cell">{s.draftVersion ? `versie ${s.draftVersion}` : 'geen'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.canEdit ? (
        <>
          <h2 class="utrecht-heading-2">Nieuwe vragenlijst</h2>
          <form method="post" action={`${base}/nieuw`} class="kb-form">
            <input type="hidden" name="_csrf" value={props.csrf} />
            <p class="utrecht-paragraph">
              U begint met de standaardvragen: het rapportcijfer, vijf stellingen over de drijfveren en twee
              open vragen. Daarna past u ze aan.
            </p>
            <div>
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                Nieuwe vragenlijst maken
              </button>
            </div>
          </form>
          <h2 class="utrecht-heading-2">Vragenlijst importeren</h2>
          <form method="post" action={`${base}/importeren`} enctype="multipart/form-data" class="kb-form">
            <input type="hidden" name="_csrf" value={props.csrf} />
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="bestand">
                Bestand (Klankbord JSON, SurveyJS JSON of LimeSurvey .lss)
              </label>
              <input
                class="utrecht-textbox"
                type="file"
                id="bestand"
                name="bestand"
                accept=".json,.lss,.xml"
              />
            </div>
            <div>
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Importeren
              </button>
            </div>
          </form>
        </>
      ) : null}
    </Layout>
  )
}

/** The editor of a survey: its versions, and the draft as a form. */
export function SurveyEditorPage(
  props: Common & {
    survey: SurveySummary
    versions: SurveyVersion[]
    draft: SurveyVersion | null
    /** The definition to show in the form (the draft, or the rejected edit after an error). */
    definition: SurveyDefinition | null
    csrf: string
    canEdit: boolean
    errors?: FieldError[]
    notice?: string
    /** Core links dropped by the last save: those questions are now eigen (lokale) vragen. */
    coreNotices?: CoreLinkNotice[]
  },
) {
  const base = `/o/${props.organisation.slug}/vragenlijsten/${props.survey.id}`
  const def = props.definition
  const errorFor = (f: string) => props.errors?.find((e) => e.field === f)?.message
  const langs = def?.languages.filter((l) => l !== 'nl') ?? []
  let index = 0
  return (
    <Layout
      title={`${props.errors?.length ? 'Fout: ' : ''}${props.survey.title} – Vragenlijsten – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">{props.survey.title}</h1>
      {props.notice ? (
        <p class="utrecht-alert utrecht-alert--ok" role="status">
          {props.notice}
        </p>
      ) : null}
      <CoreNotices notices={props.coreNotices} />
      <ErrorSummary errors={props.errors ?? []} />
      <p class="utrecht-paragraph">
        {props.survey.publishedVersion ? (
          <>
            Openbare link:{' '}
            <a class="utrecht-link" href={`/s/${props.survey.publicKey}`}>
              /s/{props.survey.publicKey}
            </a>{' '}
            (versie {props.survey.publishedVersion}).
          </>
        ) : (
          'Deze vragenlijst is nog niet gepubliceerd.'
        )}
      </p>
      {props.survey.publishedVersion ? (
        <SurveyChannelLinks organisationSlug={props.organisation.slug} surveyId={props.survey.id} />
      ) : null}
      <h2 class="utrecht-heading-2">Versies</h2>
      <ul class="utrecht-unordered-list">
        {props.versions.map((v) => (
          <li>
            Versie {v.version}:{' '}
            {v.status === 'published' ? 'gepubliceerd, kan niet meer veranderen' : 'concept'}
          </li>
        ))}
      </ul>
      {props.canEdit && !props.draft ? (
        <form method="post" action={`${base}/concept`}>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="_action" value="open" />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Bewerken (nieuw concept)
          </button>
        </form>
      ) : null}
      {props.canEdit && props.draft && def ? (
        <form method="post" action={`${base}/concept`} class="kb-form">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <h2 class="utrecht-heading-2">Concept versie {props.draft.version}</h2>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/voorbeeld`}>
              Bekijk als inwoner (voorbeeld van het opgeslagen concept)
            </a>
          </p>
          <TextField id="title" label="Titel" value={def.title.nl} error={errorFor('title')} b1 />
          <TextField id="intro" label="Inleiding (niet verplicht)" value={def.intro?.nl ?? ''} b1 />
          <TextField
            id="thanks"
            label="Wat gebeurt er met de antwoorden? (op de bedankpagina)"
            value={def.thanks?.nl ?? ''}
            b1
          />
          <SurveySettingsFields def={def} errorFor={errorFor} />
          {def.pages.map((page, pi) =>
            page.questions.map((q, qi) => {
              const i = index++
              const p = `q${i}`
              const typeName = QUESTION_TYPES.find((t) => t.type === q.type)?.name ?? q.type
              return (
                <fieldset class="utrecht-form-fieldset kb-editor-question" id={p}>
                  <legend class="utrecht-form-fieldset__legend">
                    Vraag {i + 1}: {typeName} <span class="kb-hint">({q.code})</span>
                  </legend>
                  <CoreMarker id={p} core={q.core} />
                  <TextField
                    id={`${p}-text`}
                    label="Vraag"
                    value={q.text.nl}
                    error={errorFor(`${p}-text`)}
                    b1
                  />
                  {langs.map((l) => (
                    <TextField
                      id={`${p}-text-${l}`}
                      label={`Vraag in taal ${l}`}
                      value={(q.text as Record<string, string>)[l] ?? ''}
                      lang={l}
                    />
                  ))}
                  <TextField
                    id={`${p}-help`}
                    label="Uitleg bij de vraag (niet verplicht)"
                    value={q.help?.nl ?? ''}
                    b1
                  />
                  {'options' in q ? (
                    <TextField
                      id={`${p}-options`}
                      label="Antwoorden, één per regel (code = tekst)"
                      value={optionLines(q)}
                      rows={Math.max(3, q.options.length + 1)}
                      error={errorFor(`${p}-options`)}
                    />
                  ) : null}
                  <Checkbox id={`${p}-required`} label="Verplicht" checked={q.required} />
                  <Checkbox
                    id={`${p}-page`}
                    label="Nieuwe pagina vanaf deze vraag"
                    checked={pi > 0 && qi === 0}
                  />
                  <SmileyReasonFields q={q} index={i} errorFor={errorFor} />
                  <ConditionFields def={def} index={i} errorFor={errorFor} />
                  <div class="kb-buttons">
                    <Button value={`up:${i}`} label={`Vraag ${i + 1} omhoog`}>
                      Omhoog
                    </Button>
                    <Button value={`down:${i}`} label={`Vraag ${i + 1} omlaag`}>
                      Omlaag
                    </Button>
                    <Button value={`delete:${i}`} label={`Vraag ${i + 1} verwijderen`}>
                      Verwijderen
                    </Button>
                  </div>
                </fieldset>
              )
            }),
          )}
          <fieldset class="utrecht-form-fieldset" id="new">
            <legend class="utrecht-form-fieldset__legend">Vraag toevoegen</legend>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="new-type">
                Soort vraag
              </label>
              <select class="utrecht-select" id="new-type" name="new-type">
                {QUESTION_TYPES.map((t) => (
                  <option value={t.type}>{t.name}</option>
                ))}
              </select>
            </div>
            <TextField id="new-text" label="Tekst van de nieuwe vraag" value="" />
            <Button value="add">Vraag toevoegen</Button>
          </fieldset>
          <AddCoreQuestion definition={def} />
          <div class="kb-buttons">
            <Button value="save" primary>
              Concept opslaan
            </Button>
            <Button value="publish">Publiceren</Button>
          </div>
          <details class="kb-json">
            <summary>Geavanceerd: de hele vragenlijst als JSON (voor experts)</summary>
            <TextField
              id="json"
              label="Vragenlijst (klankbord.survey/1)"
              value={JSON.stringify(def, null, 2)}
              rows={20}
              error={errorFor('json')}
            />
            <Button value="json">JSON opslaan</Button>
          </details>
        </form>
      ) : null}
    </Layout>
  )
}
