/**
 * The HTML shell of every page: NL Design System (Utrecht) CSS with the organisation's token theme,
 * a skip link, a landmark structure and no inline script or style (the CSP forbids them).
 */
import type { Child } from 'hono/jsx'
import { assetUrl } from '../http/assets.ts'

/** Props of the page shell. */
export interface LayoutProps {
  title: string
  lang?: string
  children: Child
  /** Shown in the header; links to the organisation's home when staff are logged in. */
  header?: Child
  /** Loads htmx for progressive enhancement; pages must work without it. */
  enhance?: boolean
  /** The organisation's design-token stylesheet, loaded after the default theme so it wins. */
  themeHref?: string
}

/** Renders a complete HTML document. */
export function Layout(props: LayoutProps) {
  return (
    <html lang={props.lang ?? 'nl'} class="utrecht-document utrecht-document--surface voorbeeld-theme">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={assetUrl('utrecht.css')} />
        <link rel="stylesheet" href={assetUrl('theme.css')} />
        {props.themeHref ? <link rel="stylesheet" href={props.themeHref} /> : null}
        <link rel="stylesheet" href={assetUrl('app.css')} />
        {props.enhance ? <script src={assetUrl('htmx.min.js')} defer /> : null}
      </head>
      <body class="utrecht-page-body">
        <a class="utrecht-link kb-skip-link" href="#main">
          Naar de inhoud
        </a>
        <div class="utrecht-page">
          <header class="utrecht-page-header kb-header">
            {props.header ?? <span class="kb-brand">Klankbord</span>}
          </header>
          <main id="main" tabindex={-1} class="utrecht-page-content kb-main">
            {props.children}
          </main>
        </div>
      </body>
    </html>
  )
}

/** One invalid form field, linked from the error summary. */
export interface FieldError {
  field: string
  message: string
}

/**
 * Error summary at the top of a form (GOV.UK / NL Design System pattern): a heading, then a link to
 * each invalid field. It receives focus through `autofocus` so screen readers announce it.
 */
export function ErrorSummary(props: { errors: FieldError[]; heading?: string }) {
  if (props.errors.length === 0) return null
  return (
    <div class="utrecht-alert utrecht-alert--error kb-error-summary" role="alert" tabindex={-1} autofocus>
      <h2 class="utrecht-heading-2">{props.heading ?? 'Er ging iets mis'}</h2>
      <ul class="utrecht-unordered-list">
        {props.errors.map((e) => (
          <li>
            <a class="utrecht-link" href={`#${e.field}`}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
