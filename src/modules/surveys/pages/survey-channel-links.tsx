/**
 * The links on a published survey's page to every other way of asking people with it, also those who do
 * not use the website: QR code, paper questionnaire (print and typing in), interview, website widget.
 */
export function SurveyChannelLinks(props: { organisationSlug: string; surveyId: string }) {
  const base = `/o/${props.organisationSlug}/vragenlijsten/${props.surveyId}`
  return (
    <nav aria-label="Andere manieren om te vragen">
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={`${base}/qr`}>
            QR-code maken
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${base}/papier`}>
            Papieren vragenlijst afdrukken
          </a>{' '}
          of{' '}
          <a class="utrecht-link" href={`${base}/papier/invoeren`}>
            papieren antwoorden invoeren
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${base}/interview`}>
            Interview afnemen
          </a>{' '}
          (telefoon of huisbezoek)
        </li>
        <li>
          <a class="utrecht-link" href={`/o/${props.organisationSlug}/widget/${props.surveyId}`}>
            Op de website zetten
          </a>{' '}
          (websitewidget)
        </li>
      </ul>
    </nav>
  )
}
