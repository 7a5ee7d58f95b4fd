/**
 * The public response page: one screen of a survey (all of it for a one-screen survey), server-rendered,
 * working without JavaScript and with the keyboard only. Invalid answers are listed in an error summary
 * that links to each question. A hidden submission key makes a double submit harmless; progress is
 * shown as text and as a bar; after the first screen the page shows the link to continue later.
 *
 * Two bot checks are invisible to people: a signed start time (hidden field) and a honeypot text field.
 * The honeypot is moved off-screen with CSS rather than `display: none` (bots skip fields they can tell
 * are hidden), is out of the Tab order and hidden from screen readers, and is labelled in case CSS is off.
 */
import { languageName, t } from '../../../platform/i18n/index.ts'
import { ErrorSummary, type FieldError, Layout } from '../../../platform/web/layout.tsx'
import { textIn } from '../definition/answers.ts'
import type { Screen } from '../definition/screens.ts'
import type { PublicSurvey } from '../load-public-survey.ts'
import { type FieldValue, QuestionField } from './question-field.tsx'

/** Props of the page. */
export interface SurveyPageProps {
  survey: PublicSurvey
  lang: string
  screen: Screen
  /** Codes of the questions that logic shows now. */
  visible: Set<string>
  progress: { current: number; total: number }
  /** Where the form posts to. */
  action: string
  isFirst: boolean
  isLast: boolean
  submissionKey?: string
  /** Signed start time for the minimum fill time check (see bot-guard.ts). */
  started?: string
  /** Name of the honeypot field; default "website". */
  honeypot?: string
  /** Hidden values carried by the first post (channel, zaak, product, …) as form fields. */
  carry?: Record<string, string>
  /** The link to continue later, once the answers were saved. */
  resumeLink?: string
  /** Links to this page in every offered language. */
  languageLinks: { lang: string; href: string }[]
  values?: Record<string, FieldValue>
  errors?: FieldError[]
  /**
   * A staff preview: the buttons move between screens (GET ?scherm=) and nothing is sent; `carry` holds
   * the answers of other screens, so logic can show and hide questions (editor/preview-answers.ts).
   */
  previewNav?: { prev: number | null; next: number | null; carry?: [string, string][] }
}

/**
 * A field only bots fill. `utrecht-skip-link--hidden` is the design system's off-screen position (fixed,
 * far above the viewport; it has no :focus variant), usable because the CSP forbids inline styles.
 * aria-hidden on the wrapper plus tabindex -1 on the input keep it away from screen readers and the
 * keyboard (axe accepts aria-hidden content that is not tabbable).
 */
function Honeypot(props: { name: string; lang: string }) {
  const id = `kb-hp-${props.name}`
  return (
    <div class="kb-honeypot utrecht-skip-link--hidden" aria-hidden="true">
      <label for={id}>{t(props.lang, 'page.honeypot')}</label>
      <input type="text" id={id} name={props.name} value="" tabindex={-1} autocomplete="off" />
    </div>
  )
}

/** The language switch: plain links, so it works without JavaScript and keeps the current screen. */
export function LanguageSwitch(props: { lang: string; links: { lang: string; href: string }[] }) {
  if (props.links.length < 2) return null
  return (
    <nav aria-label={t(props.lang, 'page.language')}>
      <ul class="kb-nav-list">
        {props.links.map((l) => (
          <li>
            <a
              class="utrecht-link"
              href={l.href}
              lang={l.lang}
              hreflang={l.lang}
              aria-current={l.lang === props.lang ? 'true' : undefined}
            >
              {languageName(l.lang)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Renders one screen of the survey. */
export function SurveyPage(props: SurveyPageProps) {
  const { survey, lang, screen } = props
  const def = survey.definition
  const errors = props.errors ?? []
  const errorFor = (code: string) => errors.find((e) => e.field === code)?.message
  const title = textIn(def.title, lang)
  const multi = props.progress.total > 1
  return (
    <Layout
      lang={lang}
      themeHref={props.survey.themeHref}
      title={`${errors.length ? t(lang, 'page.error-prefix') : ''}${title}${multi ? ` – ${t(lang, 'page.progress', props.progress)}` : ''} – ${survey.organisationName}`}
      header={
        <>
          <span class="kb-brand">{survey.organisationName}</span>
          <LanguageSwitch lang={lang} links={props.languageLinks} />
        </>
      }
    >
      {survey.preview ? (
        <p class="utrecht-alert utrecht-alert--info kb-preview" role="note">
          {t(lang, 'preview.banner')}
        </p>
      ) : null}
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.isFirst ? (
        <p class="utrecht-paragraph">{def.intro ? textIn(def.intro, lang) : t(lang, 'page.intro-default')}</p>
      ) : null}
      {multi ? (
        <p class="utrecht-paragraph kb-progress">
          {t(lang, 'page.progress', props.progress)}
          <progress max={props.progress.total} value={props.progress.current} aria-hidden="true" />
        </p>
      ) : null}
      <ErrorSummary errors={errors} heading={t(lang, 'errors.heading')} />
      {screen.title ? <h2 class="utrecht-heading-2">{textIn(screen.title, lang)}</h2> : null}
      {screen.intro ? <p class="utrecht-paragraph">{textIn(screen.intro, lang)}</p> : null}
      {props.previewNav ? (
        <form method="get" action={props.action} class="kb-form">
          <input type="hidden" name="taal" value={lang} />
          {(props.previewNav.carry ?? []).map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
          {screen.questions
            .filter((q) => props.visible.has(q.code))
            .map((q) => (
              <QuestionField q={q} lang={lang} />
            ))}
          <div class="kb-buttons">
            {props.previewNav.next !== null ? (
              <button
                type="submit"
                name="scherm"
                value={String(props.previewNav.next)}
                class="utrecht-button utrecht-button--primary-action"
              >
                {t(lang, 'page.next')}
              </button>
            ) : null}
            {props.previewNav.prev !== null ? (
              <button
                type="submit"
                name="scherm"
                value={String(props.previewNav.prev)}
                class="utrecht-button utrecht-button--secondary-action"
              >
                {t(lang, 'page.back')}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <form method="post" action={props.action} class="kb-form" novalidate>
          <input type="hidden" name="_screen" value={String(screen.index)} />
          <input type="hidden" name="_lang" value={lang} />
          {props.submissionKey ? (
            <input type="hidden" name="_submission" value={props.submissionKey} />
          ) : null}
          {Object.entries(props.carry ?? {}).map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
          {props.started ? <input type="hidden" name="_started" value={props.started} /> : null}
          <Honeypot name={props.honeypot ?? 'website'} lang={lang} />
          {screen.questions
            .filter((q) => props.visible.has(q.code))
            .map((q) => (
              <QuestionField q={q} lang={lang} value={props.values?.[q.code]} error={errorFor(q.code)} />
            ))}
          <div class="kb-buttons">
            <button
              type="submit"
              name="_action"
              value={props.isLast ? 'send' : 'next'}
              class="utrecht-button utrecht-button--primary-action"
            >
              {props.isLast ? t(lang, 'page.send') : t(lang, 'page.next')}
            </button>
            {props.isFirst ? null : (
              <button
                type="submit"
                name="_action"
                value="back"
                class="utrecht-button utrecht-button--secondary-action"
              >
                {t(lang, 'page.back')}
              </button>
            )}
            {multi && !survey.preview ? (
              <button type="submit" name="_action" value="save" class="utrecht-button utrecht-button--subtle">
                {t(lang, 'page.save-later')}
              </button>
            ) : null}
          </div>
        </form>
      )}
      {props.resumeLink ? (
        <p class="utrecht-paragraph kb-hint kb-resume">
          {t(lang, 'page.resume-hint', { link: '' })}
          <a class="utrecht-link" href={props.resumeLink}>
            {props.resumeLink}
          </a>
        </p>
      ) : null}
    </Layout>
  )
}

/** The page after "save and continue later": the link, and a way to go on now. */
export function SavedPage(props: {
  survey: PublicSurvey
  lang: string
  link: string
  absoluteLink: string
  /** Days the answers are kept without a next step (PARTIAL_RESPONSE_RETENTION_DAYS); unknown: not told. */
  keptDays?: number
}) {
  const { lang } = props
  return (
    <Layout
      lang={lang}
      themeHref={props.survey.themeHref}
      title={`${t(lang, 'saved.title')} – ${props.survey.organisationName}`}
      header={<span class="kb-brand">{props.survey.organisationName}</span>}
    >
      <h1 class="utrecht-heading-1">{t(lang, 'saved.title')}</h1>
      <p class="utrecht-paragraph">{t(lang, 'saved.body')}</p>
      <p class="utrecht-paragraph kb-resume-link">
        <a class="utrecht-link" href={props.link}>
          {props.absoluteLink}
        </a>
      </p>
      {props.keptDays ? (
        <p class="utrecht-paragraph">{t(lang, 'saved.expiry', { days: props.keptDays })}</p>
      ) : null}
    </Layout>
  )
}

/** A resume link that no longer leads anywhere (sent already, or expired). */
export function ResumeGonePage(props: { survey: PublicSurvey; lang: string }) {
  const { lang } = props
  return (
    <Layout
      lang={lang}
      themeHref={props.survey.themeHref}
      title={`${t(lang, 'resume.gone.title')} – ${props.survey.organisationName}`}
      header={<span class="kb-brand">{props.survey.organisationName}</span>}
    >
      <h1 class="utrecht-heading-1">{t(lang, 'resume.gone.title')}</h1>
      <p class="utrecht-paragraph">{t(lang, 'resume.gone.body')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/s/${props.survey.publicKey}`}>
          {t(lang, 'resume.gone.start')}
        </a>
      </p>
    </Layout>
  )
}

/** Renders the thank-you page: what happens with the answers, in plain language. */
export function ThankYouPage(props: { survey: PublicSurvey; lang: string }) {
  const { lang, survey } = props
  const name = survey.organisationName
  return (
    <Layout
      lang={lang}
      themeHref={props.survey.themeHref}
      title={`${t(lang, 'thanks.title')} – ${name}`}
      header={<span class="kb-brand">{name}</span>}
    >
      <h1 class="utrecht-heading-1">{t(lang, 'thanks.title')}</h1>
      <p class="utrecht-paragraph">{t(lang, 'thanks.received')}</p>
      {survey.definition.thanks ? (
        <p class="utrecht-paragraph">{textIn(survey.definition.thanks, lang)}</p>
      ) : null}
      <h2 class="utrecht-heading-2">{t(lang, 'thanks.what')}</h2>
      <ul class="utrecht-unordered-list">
        <li>{t(lang, 'thanks.read')}</li>
        <li>{t(lang, 'thanks.use')}</li>
        <li>{t(lang, 'thanks.keep')}</li>
      </ul>
      <p class="utrecht-paragraph">{t(lang, 'thanks.contact', { organisation: name })}</p>
    </Layout>
  )
}
