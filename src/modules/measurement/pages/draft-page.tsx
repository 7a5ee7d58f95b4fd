/**
 * The edit page of a draft, /o/:slug/meetmodel/concept: server-rendered forms that work without
 * JavaScript. Every form carries the session's CSRF token in `_csrf`; invalid input comes back with an
 * error summary at the top that links to each field (platform/web/layout.tsx).
 */
import type { Child } from 'hono/jsx'
import { describedBy, FormField } from '../../../platform/web/form-field.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import { allDrivers, allKpis, type MeasurementModel } from '../model.ts'
import { HouseDrawing, HouseStructure, originText } from './house.tsx'

/** Props of the page. */
export interface DraftPageProps {
  organisation: { slug: string; name: string }
  staff: StaffIdentity
  draft: MeasurementModel
  /** Optional core drivers of the template that the draft does not have yet. */
  optionalBlocks: { id: string; name: string }[]
  errors?: FieldError[]
  values?: Record<string, string>
  saved?: boolean
}

/** This page's inline error: a span (kb-field-error shows it as a block), after the hint. */
function ErrorText(props: { id: string; error?: string }) {
  return props.error ? (
    <span class="kb-field-error" id={`${props.id}-error`}>
      {props.error}
    </span>
  ) : null
}

function Field(props: {
  id: string
  label: string
  hint?: string
  error?: string
  value?: string
  multiline?: boolean
}) {
  const described = describedBy(props.id, props.hint && 'hint', props.error && 'error')
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      {props.hint ? (
        <p class="utrecht-form-field-description kb-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <ErrorText id={props.id} error={props.error} />
      {props.multiline ? (
        <textarea
          class="utrecht-textarea"
          id={props.id}
          name={props.id}
          rows={2}
          maxlength={300}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={described}
        >
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          type="text"
          id={props.id}
          name={props.id}
          value={props.value ?? ''}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={described}
        />
      )}
    </FormField>
  )
}

function Select(props: {
  id: string
  label: string
  options: { value: string; label: string }[]
  value?: string
  error?: string
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <ErrorText id={props.id} error={props.error} />
      <select
        class="utrecht-select utrecht-select--html-select"
        id={props.id}
        name={props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.error && 'error')}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormField>
  )
}

function EditForm(props: { action: string; csrf: string; button: string; children: Child }) {
  return (
    <form method="post" action={props.action} class="kb-form" novalidate>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {props.children}
      <div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {props.button}
        </button>
      </div>
    </form>
  )
}

/** Renders the edit page of a draft. */
export function DraftPage(props: DraftPageProps) {
  const { draft, organisation } = props
  const errors = props.errors ?? []
  const errorFor = (f: string) => errors.find((e) => e.field === f)?.message
  const value = (f: string) => props.values?.[f]
  const action = (path: string) => `/o/${organisation.slug}/meetmodel/concept/${path}`
  const csrf = props.staff.csrfToken
  const drivers = allDrivers(draft)
  const kpis = allKpis(draft)
  return (
    <Layout
      title={`${errors.length ? 'Fout: ' : ''}Concept meetmodel – ${organisation.name}`}
      header={<StaffHeader staff={props.staff} organisation={organisation} />}
    >
      <h1 class="utrecht-heading-1">Concept meetmodel, versie {draft.version}</h1>
      <ErrorSummary errors={errors} />
      {props.saved ? (
        <p class="utrecht-paragraph" role="status">
          Opgeslagen.
        </p>
      ) : null}
      <p class="utrecht-paragraph">
        Dit is een concept. Niemand ziet het als meetmodel tot u het publiceert.{' '}
        <a class="utrecht-link" href={`/o/${organisation.slug}/meetmodel`}>
          Terug naar het meetmodel
        </a>
      </p>
      <figure class="kb-figure">
        <HouseDrawing model={draft} />
      </figure>
      <HouseStructure model={draft} />

      <h2 class="utrecht-heading-2">Tekst van de stellingen</h2>
      <p class="utrecht-paragraph">
        Past u de tekst van een stelling uit de kern aan? Dan wordt het een lokale vraag. De antwoorden zijn
        dan niet meer te vergelijken met andere organisaties.
      </p>
      <EditForm action={action('stellingen')} csrf={csrf} button="Teksten opslaan">
        {drivers.map((d) => (
          <fieldset class="utrecht-form-fieldset" id={`driver-${d.id}`} tabindex={-1}>
            <legend class="utrecht-form-fieldset__legend">Drijfveer {d.name}</legend>
            {d.statements.length === 0 ? (
              <p class="utrecht-paragraph">Nog geen stelling. Voeg hieronder een stelling toe.</p>
            ) : null}
            {d.statements.map((s, i) => (
              <Field
                id={`text-${s.id}`}
                label={`Stelling ${i + 1} bij ${d.name}`}
                hint={`Herkomst: ${originText(s)}.`}
                error={errorFor(`text-${s.id}`)}
                value={value(`text-${s.id}`) ?? s.text}
                multiline
              />
            ))}
          </fieldset>
        ))}
      </EditForm>

      <h2 class="utrecht-heading-2">Stelling toevoegen</h2>
      <EditForm action={action('stelling')} csrf={csrf} button="Stelling toevoegen">
        <Select
          id="statement_driver"
          label="Bij welke drijfveer?"
          options={drivers.map((d) => ({ value: d.id, label: d.name }))}
          value={value('statement_driver')}
          error={errorFor('statement_driver')}
        />
        <Field
          id="statement_text"
          label="Tekst van de stelling"
          hint="Schrijf in de ik-vorm en in eenvoudige taal. Mensen antwoorden van helemaal oneens tot helemaal eens."
          error={errorFor('statement_text')}
          value={value('statement_text')}
          multiline
        />
      </EditForm>

      <h2 class="utrecht-heading-2">Drijfveer toevoegen</h2>
      <EditForm action={action('drijfveer')} csrf={csrf} button="Drijfveer toevoegen">
        <Select
          id="driver_kpi"
          label="Welke uitkomst verklaart deze drijfveer?"
          options={kpis.map((k) => ({ value: k.id, label: k.name }))}
          value={value('driver_kpi')}
          error={errorFor('driver_kpi')}
        />
        <Field
          id="driver_name"
          label="Naam van de drijfveer"
          error={errorFor('driver_name')}
          value={value('driver_name')}
        />
        <Field
          id="driver_description"
          label="Uitleg (niet verplicht)"
          error={errorFor('driver_description')}
          value={value('driver_description')}
        />
      </EditForm>

      {props.optionalBlocks.length ? (
        <>
          <h2 class="utrecht-heading-2">Drijfveer uit de kern toevoegen</h2>
          <p class="utrecht-paragraph">
            Deze bouwblokken horen bij de kern. Hun stellingen zijn te vergelijken met andere organisaties.
          </p>
          <EditForm action={action('bouwblok')} csrf={csrf} button="Bouwblok toevoegen">
            <Select
              id="block_id"
              label="Bouwblok"
              options={props.optionalBlocks.map((b) => ({ value: b.id, label: b.name }))}
              value={value('block_id')}
              error={errorFor('block_id')}
            />
          </EditForm>
        </>
      ) : null}

      <h2 class="utrecht-heading-2">Doel toevoegen</h2>
      <EditForm action={action('doel')} csrf={csrf} button="Doel toevoegen">
        <Field
          id="goal_name"
          label="Naam van het doel"
          error={errorFor('goal_name')}
          value={value('goal_name')}
        />
        <Field
          id="goal_description"
          label="Uitleg (niet verplicht)"
          error={errorFor('goal_description')}
          value={value('goal_description')}
        />
      </EditForm>

      <h2 class="utrecht-heading-2" id="publiceren" tabindex={-1}>
        Publiceren
      </h2>
      <p class="utrecht-paragraph">
        Na publiceren is versie {draft.version} vast: niemand kan hem nog wijzigen. Wilt u later iets
        veranderen? Dan maakt u een nieuwe versie.
      </p>
      <form method="post" action={action('publiceren')}>
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Versie {draft.version} publiceren
        </button>
      </form>
    </Layout>
  )
}
