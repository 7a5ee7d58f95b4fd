/** The staff page /o/:slug/meetmodel: the current published model as a house, with its structure. */
import { Layout } from '../../../platform/web/layout.tsx'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import type { MeasurementModel } from '../model.ts'
import { HouseDrawing, HouseStructure } from './house.tsx'

/** Props of the page. */
export interface ModelPageProps {
  organisation: { slug: string; name: string }
  staff: StaffIdentity
  current: MeasurementModel | null
  draft: { version: number } | null
  canEdit: boolean
  published?: boolean
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' })

/** Renders the page. */
export function ModelPage(props: ModelPageProps) {
  const { current, organisation } = props
  const base = `/o/${organisation.slug}/meetmodel`
  return (
    <Layout
      title={`Meetmodel – ${organisation.name}`}
      header={<StaffHeader staff={props.staff} organisation={organisation} />}
    >
      <h1 class="utrecht-heading-1">Meetmodel {organisation.name}</h1>
      {props.published ? (
        <p class="utrecht-paragraph" role="status">
          De nieuwe versie is gepubliceerd.
        </p>
      ) : null}
      <p class="utrecht-paragraph">
        Het meetmodel laat zien wat wij meten en waarom: de doelen, de uitkomst, de drijfveren die de uitkomst
        verklaren en de procesgegevens eronder.
      </p>
      {current ? (
        <>
          <p class="utrecht-paragraph">
            Versie {current.version}, gepubliceerd op{' '}
            {current.publishedAt ? dateFormat.format(current.publishedAt) : '—'}. Gebaseerd op de standaard{' '}
            {current.template.id} (versie {current.template.version}).
          </p>
          <figure class="kb-figure">
            <HouseDrawing model={current} />
          </figure>
          <HouseStructure model={current} />
        </>
      ) : (
        <p class="utrecht-paragraph">Er is nog geen gepubliceerd meetmodel.</p>
      )}
      {props.canEdit ? (
        <>
          <h2 class="utrecht-heading-2">Wijzigen</h2>
          {props.draft ? (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`${base}/concept`}>
                Concept van versie {props.draft.version} verder bewerken
              </a>
            </p>
          ) : (
            <form method="post" action={`${base}/concept`}>
              <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
              <p class="utrecht-paragraph">
                {current
                  ? 'U maakt een concept. De gepubliceerde versie blijft zoals hij is.'
                  : 'U maakt een concept op basis van de kern: het standaard meethuis.'}
              </p>
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                {current ? 'Nieuwe versie maken' : 'Meetmodel maken'}
              </button>
            </form>
          )}
        </>
      ) : null}
    </Layout>
  )
}
