/**
 * The kiosk page on the tablet. One document holds every screen: the smileys (start), the reasons of
 * each smiley, "Bedankt", and the "Bent u nog bezig?" warning. Without JavaScript only the start screen
 * shows and its buttons post the form (kiosk-routes.tsx answers with the reasons page or "Bedankt");
 * client/kiosk.js takes over the buttons, switches screens in place and queues the answers, so no
 * navigation is needed between answers and the page keeps working offline.
 *
 * Texts are plain Dutch (B1). Buttons are large (far above the 24 × 24 px of WCAG 2.2 SC 2.5.8).
 */
import { textIn } from '../../surveys/definition/answers.ts'
import { MOODS, type Mood, reasonsFor, type SmileyQuestion } from '../calc/kiosk-question.ts'
import { Face, KioskShell } from './kiosk-shell.tsx'

const LABEL: Record<Mood, string> = { negative: 'Niet tevreden', neutral: 'Neutraal', positive: 'Tevreden' }

/** What every kiosk screen needs. */
export interface KioskView {
  token: string
  kioskId: string
  place: string
  organisationName: string
  question: SmileyQuestion
  resetSeconds: number
  themeHref?: string
}

function Footer(props: { place: string }) {
  return (
    <footer class="kb-kiosk-footer">
      <span>{props.place}</span>
      {/* For staff: how many answers wait for the network. Empty while nothing waits. */}
      <span id="kiosk-status" class="kb-kiosk-status" />
    </footer>
  )
}

/** The start page: the question and three smiley buttons (a form that works without JavaScript). */
export function KioskPage(props: KioskView & { key: string; error?: string }) {
  const q = props.question
  const action = `/kiosk/${props.token}`
  return (
    <KioskShell
      title={`${textIn(q.text, 'nl')} – ${props.organisationName}`}
      themeHref={props.themeHref}
      script
    >
      <main
        id="main"
        class="kb-kiosk"
        data-kiosk={props.kioskId}
        data-reset-seconds={String(props.resetSeconds)}
      >
        <section id="kiosk-start" class="kb-kiosk-screen" aria-labelledby="kiosk-question">
          <h1 id="kiosk-question" class="kb-kiosk-heading" tabindex={-1}>
            {textIn(q.text, 'nl')}
          </h1>
          {props.error ? (
            <p class="kb-kiosk-error" role="alert">
              {props.error}
            </p>
          ) : null}
          <form method="post" action={action} class="kb-kiosk-form" id="kiosk-form">
            <input type="hidden" name="sleutel" value={props.key} />
            <div class="kb-kiosk-choices">
              {MOODS.map((m) => (
                <button
                  type="submit"
                  name="gezicht"
                  value={m}
                  class={`kb-kiosk-smiley kb-kiosk-smiley--${m}`}
                >
                  <Face mood={m} />
                  <span class="kb-kiosk-label">{LABEL[m]}</span>
                </button>
              ))}
            </div>
          </form>
        </section>
        {MOODS.map((m) => {
          const reasons = reasonsFor(q, m)
          if (reasons.length === 0) return null
          return (
            <section
              id={`kiosk-reasons-${m}`}
              class="kb-kiosk-screen"
              aria-labelledby={`kiosk-why-${m}`}
              hidden
            >
              <h1 id={`kiosk-why-${m}`} class="kb-kiosk-heading" tabindex={-1}>
                Waarom? Kies wat het beste past
              </h1>
              <p class="kb-kiosk-hint">U mag dit ook overslaan.</p>
              <div class="kb-kiosk-reasons">
                {reasons.map((r) => (
                  <button type="button" class="kb-kiosk-reason" data-mood={m} data-reason={r.code}>
                    {textIn(r.text, 'nl')}
                  </button>
                ))}
                <button type="button" class="kb-kiosk-reason kb-kiosk-skip" data-mood={m} data-reason="">
                  Overslaan
                </button>
              </div>
            </section>
          )
        })}
        <section id="kiosk-thanks" class="kb-kiosk-screen" aria-labelledby="kiosk-thanks-heading" hidden>
          <ThanksText />
        </section>
        <div id="kiosk-warning" class="kb-kiosk-warning" role="alert" hidden>
          <p>
            Bent u nog bezig? Over <span id="kiosk-countdown">20</span> seconden begint het scherm opnieuw.
          </p>
          <button type="button" id="kiosk-continue" class="kb-kiosk-reason">
            Ik ben nog bezig
          </button>
        </div>
        <Footer place={props.place} />
      </main>
    </KioskShell>
  )
}

function ThanksText() {
  return (
    <>
      <h1 id="kiosk-thanks-heading" class="kb-kiosk-heading" tabindex={-1}>
        Bedankt voor uw antwoord!
      </h1>
      <p class="kb-kiosk-hint">Met uw mening maken wij onze dienstverlening beter.</p>
    </>
  )
}

/** Without JavaScript: the reasons of the chosen smiley as a second form. */
export function KioskReasonsPage(props: KioskView & { key: string; mood: Mood }) {
  const reasons = reasonsFor(props.question, props.mood)
  return (
    <KioskShell title={`Waarom? – ${props.organisationName}`} themeHref={props.themeHref}>
      <main id="main" class="kb-kiosk">
        <section class="kb-kiosk-screen" aria-labelledby="kiosk-why">
          <h1 id="kiosk-why" class="kb-kiosk-heading">
            Waarom? Kies wat het beste past
          </h1>
          <p class="kb-kiosk-hint">U mag dit ook overslaan.</p>
          <form method="post" action={`/kiosk/${props.token}`} class="kb-kiosk-form">
            <input type="hidden" name="sleutel" value={props.key} />
            <input type="hidden" name="gezicht" value={props.mood} />
            <input type="hidden" name="stap" value="reden" />
            <div class="kb-kiosk-reasons">
              {reasons.map((r) => (
                <button type="submit" name="reden" value={r.code} class="kb-kiosk-reason">
                  {textIn(r.text, 'nl')}
                </button>
              ))}
              <button type="submit" name="reden" value="" class="kb-kiosk-reason kb-kiosk-skip">
                Overslaan
              </button>
            </div>
          </form>
        </section>
        <Footer place={props.place} />
      </main>
    </KioskShell>
  )
}

/** Without JavaScript: "Bedankt", with a link back (the route also sends a Refresh header). */
export function KioskThanksPage(props: KioskView) {
  return (
    <KioskShell title={`Bedankt – ${props.organisationName}`} themeHref={props.themeHref}>
      <main id="main" class="kb-kiosk">
        <section class="kb-kiosk-screen" aria-labelledby="kiosk-thanks-heading">
          <ThanksText />
          <p>
            <a class="kb-kiosk-again" href={`/kiosk/${props.token}`}>
              Opnieuw beginnen
            </a>
          </p>
        </section>
        <Footer place={props.place} />
      </main>
    </KioskShell>
  )
}

/** The tablet's link no longer works (revoked or unknown), or the survey cannot be asked now. */
export function KioskClosedPage(props: { reason: 'revoked' | 'unknown' | 'unavailable' }) {
  const text = {
    revoked: [
      'Deze kiosk staat uit',
      'Een medewerker heeft deze kiosk uitgezet. Vraag bij de balie om hulp.',
    ],
    unknown: ['Deze kiosk bestaat niet', 'De link klopt niet. Vraag bij de balie om hulp.'],
    unavailable: [
      'Deze kiosk werkt nu even niet',
      'Probeer het later nog eens, of vraag bij de balie om hulp.',
    ],
  }[props.reason]
  return (
    <KioskShell title={`${text[0]} – Klankbord`}>
      <main id="main" class="kb-kiosk">
        <section class="kb-kiosk-screen" aria-labelledby="kiosk-closed">
          <h1 id="kiosk-closed" class="kb-kiosk-heading">
            {text[0]}
          </h1>
          <p class="kb-kiosk-hint">{text[1]}</p>
        </section>
      </main>
    </KioskShell>
  )
}
