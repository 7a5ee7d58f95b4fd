/**
 * Staff page "Kiosken": the organisation's kiosks (place, survey, channel, reset time, status, last
 * seen) with a button to turn each off, and the form for a new kiosk. Right after making one, the page
 * shows the kiosk's link once: only its hash is stored, so it cannot be shown again.
 */
import { SelectField, TextField } from '../../../platform/web/fields.tsx'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import type { Role } from '../../organisations/index.ts'
import { StaffHeader } from '../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../organisations/sessions.ts'
import type { KioskLine, KioskSurveyChoice } from '../store.ts'

/** The form's values as typed. */
export interface KioskForm {
  vragenlijst: string
  plek: string
  kanaal: string
  seconden: string
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'short',
  timeStyle: 'short',
})

/** The page. */
export function KiosksPage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  kiosks: KioskLine[]
  surveys: KioskSurveyChoice[]
  channels: { code: string; name: string }[]
  canManage: boolean
  form: KioskForm
  errors: FieldError[]
  created?: { url: string; place: string }
  revoked: boolean
}) {
  const errorFor = (f: string) => props.errors.find((e) => e.field === f)?.message
  const base = `/o/${props.organisation.slug}/kiosken`
  return (
    <Layout
      title={`${props.errors.length ? 'Fout: ' : ''}Kiosken – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <h1 class="utrecht-heading-1">Kiosken</h1>
      <p class="utrecht-paragraph">
        Een kiosk is een tablet bij de balie. Mensen tikken op een gezichtje en kiezen eventueel een reden.
        Het antwoord komt in Klankbord, met het kanaal en de plek. Valt het internet weg, dan bewaart de
        tablet de antwoorden en stuurt ze later.
      </p>
      {props.created ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <h2 class="utrecht-heading-2">Kiosk gemaakt voor {props.created.place}</h2>
          <p class="utrecht-paragraph">
            Open deze link op de tablet. U ziet de link maar één keer: bewaar hem niet en stuur hem niet door.
            Kwijt? Zet de kiosk dan uit en maak een nieuwe.
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={props.created.url} id="kiosk-link">
              {props.created.url}
            </a>
          </p>
        </div>
      ) : null}
      {props.revoked ? (
        <p class="utrecht-alert utrecht-alert--ok" role="status">
          De kiosk staat uit. De tablet laat nu zien dat de kiosk uit staat.
        </p>
      ) : null}
      <h2 class="utrecht-heading-2">Kiosken van {props.organisation.name}</h2>
      {props.kiosks.length === 0 ? (
        <p class="utrecht-paragraph">Er zijn nog geen kiosken.</p>
      ) : (
        <div class="kb-table-wrap" role="region" aria-label="Kiosken" tabindex={0}>
          <table class="utrecht-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {['Plek', 'Vragenlijst', 'Kanaal', 'Opnieuw na', 'Gemaakt', 'Laatst gezien', 'Status'].map(
                  (h) => (
                    <th class="utrecht-table__header-cell" scope="col">
                      {h}
                    </th>
                  ),
                )}
                {props.canManage ? (
                  <th class="utrecht-table__header-cell" scope="col">
                    Actie
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {props.kiosks.map((k) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{k.place}</td>
                  <td class="utrecht-table__cell">{k.surveyTitle}</td>
                  <td class="utrecht-table__cell">{k.channelName}</td>
                  <td class="utrecht-table__cell">{k.resetSeconds} seconden</td>
                  <td class="utrecht-table__cell">{dateTime.format(k.createdAt)}</td>
                  <td class="utrecht-table__cell">
                    {k.lastSeenAt ? dateTime.format(k.lastSeenAt) : 'Nog niet'}
                  </td>
                  <td class="utrecht-table__cell">{k.revokedAt ? 'Uit' : 'Aan'}</td>
                  {props.canManage ? (
                    <td class="utrecht-table__cell">
                      {k.revokedAt ? null : (
                        <form method="post" action={`${base}/${k.id}/intrekken`}>
                          <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
                          <button
                            type="submit"
                            class="utrecht-button utrecht-button--secondary-action"
                            aria-label={`Zet uit: ${k.place}`}
                          >
                            Zet uit
                          </button>
                        </form>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canManage ? (
        <>
          <h2 class="utrecht-heading-2">Nieuwe kiosk</h2>
          <ErrorSummary errors={props.errors} />
          {props.surveys.length === 0 ? (
            <p class="utrecht-paragraph">
              Een kiosk stelt een vraag met gezichtjes. Geen van uw gepubliceerde vragenlijsten heeft zo'n
              vraag. Voeg in de editor een vraag van het type "Drie smileys" toe en publiceer de vragenlijst.
            </p>
          ) : (
            <form method="post" action={base}>
              <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
              <SelectField
                id="vragenlijst"
                label="Vragenlijst"
                value={props.form.vragenlijst}
                error={errorFor('vragenlijst')}
                hint="Alleen vragenlijsten met een vraag met gezichtjes."
                options={props.surveys.map((s) => ({ value: s.id, label: s.title }))}
              />
              <TextField
                id="plek"
                label="Plek"
                maxlength={100}
                value={props.form.plek}
                error={errorFor('plek')}
                hint="Bijvoorbeeld: Stadskantoor, balie 3. Elk antwoord krijgt deze plek mee."
              />
              <SelectField
                id="kanaal"
                label="Kanaal"
                value={props.form.kanaal}
                error={errorFor('kanaal')}
                options={props.channels.map((ch) => ({ value: ch.code, label: ch.name }))}
              />
              <TextField
                id="seconden"
                label="Opnieuw beginnen na (seconden)"
                type="number"
                inputmode="numeric"
                min={3}
                max={300}
                value={props.form.seconden}
                error={errorFor('seconden')}
                hint="Na 'Bedankt' begint het scherm na zoveel seconden opnieuw. Ook als iemand halverwege stopt."
              />
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                Maak kiosk
              </button>
            </form>
          )}
        </>
      ) : null}
    </Layout>
  )
}
