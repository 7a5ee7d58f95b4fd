/**
 * Survey-level settings in the editor: languages, hidden fields, random order of statements and one
 * question per screen. Plain form controls without JavaScript; field names and how they are read are in
 * editor/settings-form.ts.
 */
import type { SurveyDefinition } from '../definition/schema.ts'
import { HIDDEN_SOURCES, shuffleState } from '../editor/settings-form.ts'
import { ActionButton, Choice, type ErrorFor, SelectField, TextInput } from './editor-controls.tsx'

/** The Dutch name of a language for staff ("Engels"), or the code when unknown. */
function dutchLanguageName(code: string): string {
  try {
    return new Intl.DisplayNames(['nl'], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Languages, hidden fields and how the survey is shown. */
export function SurveySettingsFields(props: { def: SurveyDefinition; errorFor: ErrorFor }) {
  const { def, errorFor } = props
  const others = def.languages.filter((l) => l !== 'nl')
  const offered = others.includes('en') ? others : ['en', ...others]
  const shuffle = shuffleState(def)
  return (
    <fieldset class="utrecht-form-fieldset kb-editor-settings" id="instellingen">
      <legend class="utrecht-form-fieldset__legend">Instellingen van de vragenlijst</legend>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">Talen</legend>
        <Choice id="lang-nl" label="Nederlands (altijd)" checked disabled />
        {offered.map((l) => (
          <Choice id={`lang-${l}`} label={`${dutchLanguageName(l)} (${l})`} checked={others.includes(l)} />
        ))}
        <TextInput
          id="lang-new"
          label="Taal toevoegen (niet verplicht)"
          value=""
          hint="Typ de code van 2 of 3 letters, bijvoorbeeld tr voor Turks of ar voor Arabisch. Na opslaan kunt u bij elke vraag de vertaling invullen."
          error={errorFor('lang-new')}
        />
      </fieldset>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">Verborgen velden</legend>
        <p class="kb-hint">
          Een verborgen veld krijgt zijn waarde uit de link of de uitnodiging, bijvoorbeeld het kanaal of het
          zaaknummer. De persoon ziet het niet. Een voorwaarde kan ernaar kijken.
        </p>
        {[...def.hidden, null].map((h, k) => (
          <fieldset class="utrecht-form-fieldset kb-editor-hidden" id={`hidden${k}`}>
            <legend class="utrecht-form-fieldset__legend">
              {h ? `Verborgen veld ${k + 1}` : 'Nieuw verborgen veld (niet verplicht)'}
            </legend>
            <TextInput
              id={`hidden${k}-code`}
              label="Code"
              value={h?.code ?? ''}
              hint="Kleine letters, cijfers of _, bijvoorbeeld zaak. Maak leeg om het veld weg te halen."
              error={errorFor(`hidden${k}-code`)}
            />
            <SelectField
              id={`hidden${k}-source`}
              label="Soort waarde"
              value={h?.source ?? 'custom'}
              options={HIDDEN_SOURCES.map((s) => ({ value: s.source, label: s.name }))}
              error={errorFor(`hidden${k}-source`)}
            />
            <TextInput
              id={`hidden${k}-param`}
              label="Naam in de link (niet verplicht)"
              value={h?.queryParam ?? ''}
              hint="Bijvoorbeeld zaak voor een link die eindigt op ?zaak=Z-2026-1."
              error={errorFor(`hidden${k}-param`)}
            />
            {h ? (
              <div class="kb-buttons">
                <ActionButton value={`hidden-remove:${k}`} label={`Verborgen veld ${h.code} weghalen`}>
                  Weghalen
                </ActionButton>
              </div>
            ) : null}
          </fieldset>
        ))}
      </fieldset>
      <input type="hidden" name="shuffleStatements-shown" value={shuffle} />
      <Choice
        id="shuffleStatements"
        label={
          shuffle === 'mixed'
            ? 'Stellingen in willekeurige volgorde (nu alleen op sommige pagina’s; aanvinken geldt voor alle pagina’s)'
            : 'Stellingen in willekeurige volgorde'
        }
        checked={shuffle === 'on'}
      />
      <Choice
        id="oneQuestionPerScreen"
        label="Eén vraag per scherm (kiosk en telefoon)"
        checked={def.oneQuestionPerScreen}
      />
    </fieldset>
  )
}
