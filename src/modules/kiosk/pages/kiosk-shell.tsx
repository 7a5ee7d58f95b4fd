/**
 * The HTML shell of kiosk pages: full screen, no staff header or skip link to other pages (a kiosk has
 * one task), the organisation's theme, and the kiosk's own stylesheet. The script is loaded only where
 * the page can work offline; every page works without it.
 */
import type { Child } from 'hono/jsx'
import { assetUrl } from '../../../platform/http/assets.ts'
import { kioskAssetUrl } from '../assets.ts'

/** Renders a complete kiosk document. */
export function KioskShell(props: { title: string; themeHref?: string; script?: boolean; children: Child }) {
  return (
    <html lang="nl" class="utrecht-document voorbeeld-theme kb-kiosk-document">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={assetUrl('utrecht.css')} />
        <link rel="stylesheet" href={assetUrl('theme.css')} />
        {props.themeHref ? <link rel="stylesheet" href={props.themeHref} /> : null}
        <link rel="stylesheet" href={kioskAssetUrl('kiosk.css')} />
        {props.script ? <script src={kioskAssetUrl('kiosk.js')} defer /> : null}
      </head>
      <body class="kb-kiosk-body">{props.children}</body>
    </html>
  )
}

/** A smiley face; the label beside it carries the meaning (the face is decoration). */
export function Face(props: { mood: 'negative' | 'neutral' | 'positive' }) {
  const mouth = { negative: 'M8 17 Q12 13 16 17', neutral: 'M8 16 L16 16', positive: 'M8 15 Q12 19 16 15' }
  return (
    <svg class="kb-kiosk-face" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.5" />
      <circle cx="9" cy="10" r="1.2" fill="currentColor" />
      <circle cx="15" cy="10" r="1.2" fill="currentColor" />
      <path d={mouth[props.mood]} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  )
}
