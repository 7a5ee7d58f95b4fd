/**
 * The survey editor's parts for core questions (kernvragen) of the kern template: the marker on a
 * core-linked question, the notices after saving when a link was dropped, and the fieldset that adds a
 * core question. Plain form controls: adding works without JavaScript (a select and a submit button).
 */
import { type CoreLinkNotice, coreNoticeNl, findCoreBlock } from '../definition/core-links.ts'
import type { SurveyDefinition } from '../definition/schema.ts'
import { KERN_REFERENCE, kernQuestionBlocks } from '../kern-reference.ts'

/** "Kernvraag (Snelheid, versie 1)" with what changing it means, for a core-linked question. */
export function CoreMarker(props: { id: string; core?: { block: string; version: number } }) {
  if (!props.core) return null
  const name = findCoreBlock(KERN_REFERENCE, props.core.block, props.core.version)?.name ?? props.core.block
  return (
    <p class="utrecht-paragraph kb-hint kb-core" id={`${props.id}-core`}>
      <strong>
        Kernvraag ({name}, versie {props.core.version})
      </strong>
      . Verandert u de tekst of de soort vraag? Dan wordt het een eigen vraag. De antwoorden kunt u dan niet
      meer vergelijken met andere vragenlijsten en organisaties.
    </p>
  )
}

/** The notices of the last save: questions that are now eigen (lokale) vragen. */
export function CoreNotices(props: { notices?: CoreLinkNotice[] }) {
  if (!props.notices?.length) return null
  return (
    <div class="utrecht-alert utrecht-alert--warning" role="status">
      <ul class="utrecht-unordered-list">
        {props.notices.map((n) => (
          <li>{coreNoticeNl(n, KERN_REFERENCE)}</li>
        ))}
      </ul>
    </div>
  )
}

/** The value of a core question in the add select: "kern.snelheid@1". */
export function coreOptionValue(block: { id: string; version: number }): string {
  return `${block.id}@${block.version}`
}

/** Adds a core question: a select of the kern bouwblok questions not yet in the survey, and a button. */
export function AddCoreQuestion(props: { definition: SurveyDefinition }) {
  const linked = new Set(
    props.definition.pages.flatMap((p) => p.questions.map((q) => (q.core ? q.core.block : ''))),
  )
  const available = kernQuestionBlocks().filter((b) => !linked.has(b.id))
  return (
    <fieldset class="utrecht-form-fieldset" id="new-core">
      <legend class="utrecht-form-fieldset__legend">Kernvraag toevoegen</legend>
      {available.length ? (
        <>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="new-core-block">
              Kernvraag uit het standaard meethuis (kern)
            </label>
            <select class="utrecht-select" id="new-core-block" name="new-core">
              {available.map((b) => (
                <option value={coreOptionValue(b)}>
                  {b.name} (versie {b.version}): {b.questions[0]?.text}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            name="_action"
            value="add-core"
            class="utrecht-button utrecht-button--secondary-action"
          >
            Kernvraag toevoegen
          </button>
        </>
      ) : (
        <p class="utrecht-paragraph">Alle kernvragen staan al in deze vragenlijst.</p>
      )}
    </fieldset>
  )
}
