/**
 * The website widget in real Chromium, embedded with one <script> tag in a page of ANOTHER site (a second
 * HTTP server on localhost; Klankbord runs on 127.0.0.1) whose global CSS is hostile and whose CSP is
 * strict. Checks: the widget's styles are its own and the host's stay the host's; Ja/Nee, the dialog, its
 * focus trap and focus return work by keyboard only; the answer and the follow-up end up in ONE response
 * with channel and touchpoint; no cookies; no requests to anyone else; WCAG 2.2 AA with the dialog open
 * and closed; reduced motion is respected.
 */
import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { pageFeedbackDefinition } from '../../src/modules/widget/index.ts'
import type { TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../factories.ts'
import type { TestServer } from '../server.ts'
import { assertNoViolations, logInAsStaff, startBrowserTest, stopBrowserTest } from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: Browser
let host: http.Server
let hostUrl: string
let organisationId: string
let staff: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let surveyKey: string

/** Global CSS a careless (or hostile) host page could have. */
const HOSTILE_CSS = `
* { color: red !important; font-size: 40px !important; font-family: "Courier New", monospace !important;
    line-height: 3 !important; letter-spacing: 4px !important; text-transform: uppercase !important; }
button { background: #000 !important; color: #fff !important; border: 6px dashed purple !important;
         padding: 30px !important; border-radius: 0 !important; }
div, p { margin: 40px !important; padding: 20px !important; }
dialog { background: #000 !important; width: 10px !important; }
textarea { display: none !important; }`

/** A host page; its only inline style carries a nonce, so its CSP allows no other inline style. */
function hostPage(options: {
  hostile: boolean
  widget: boolean
  survey: string
  lang: string | null
  target: string | null
}) {
  const nonce = 'host-nonce-1'
  return {
    csp: [
      "default-src 'self'",
      `script-src 'self' ${server.url}`,
      `connect-src 'self' ${server.url}`,
      `style-src 'self' 'nonce-${nonce}'`,
    ].join('; '),
    html: `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Paspoort aanvragen - Gemeente Voorbeeld</title>
${options.hostile ? `<style nonce="${nonce}">${HOSTILE_CSS}</style>` : ''}</head>
<body><header><a href="/">Home</a></header>
<main><h1>Paspoort aanvragen</h1><p id="intro">Zo vraagt u een paspoort aan.</p>
<button type="button" id="zoek">Zoeken</button>
${options.widget ? `<script src="${server.url}/widget.js" data-survey="${options.survey}"${options.lang ? ` data-lang="${options.lang}"` : ''}${options.target ? ` data-target="${options.target}"` : ''} async></script>` : ''}
</main><footer><div id="slot"></div></footer></body></html>`,
  }
}

before(async () => {
  ;({ t, server, browser } = await startBrowserTest())
  staff = await createOrganisationWithStaff(t.services)
  organisationId = staff.org.id
  surveyKey = (await createPublishedSurvey(t.services, organisationId, pageFeedbackDefinition())).publicKey
  host = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const page = hostPage({
      hostile: url.searchParams.get('css') !== 'plain',
      widget: url.searchParams.get('widget') !== 'no',
      survey: url.searchParams.get('survey') ?? surveyKey,
      lang: url.searchParams.get('lang'),
      target: url.searchParams.get('target'),
    })
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': page.csp })
    res.end(page.html)
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  // localhost is another SITE than 127.0.0.1, so every widget request is a real cross-site request.
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`
})
after(async () => {
  await new Promise((resolve) => host?.close(resolve))
  await stopBrowserTest({ browser, server, t })
})

/** Text of the element that has focus, looking inside the widget's shadow root. */
function focusedText(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
    if (!el || el === document.body) return 'body'
    if (el instanceof HTMLTextAreaElement) return `textarea#${el.id}`
    return `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim()}"`
  })
}

async function press(page: Page, key: string, expected: string) {
  await page.keyboard.press(key)
  assert.equal(await focusedText(page), expected, `after ${key}`)
}

/** Computed styles that decide how the widget looks, per part. */
function widgetStyles(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-klankbord-widget]')?.shadowRoot
    if (!root) throw new Error('no widget')
    const props = [
      'color',
      'background-color',
      'font-family',
      'font-weight',
      'letter-spacing',
      'text-transform',
      'border-top-style',
      'border-top-width',
      'border-top-color',
      'padding-top',
      'padding-left',
      'margin-top',
      'border-radius',
    ]
    const out: Record<string, Record<string, string>> = {}
    for (const [name, sel] of [
      ['box', '.kb'],
      ['question', '.q'],
      ['button', 'button'],
    ] as const) {
      const el = root.querySelector(sel)
      if (!el) throw new Error(`no ${sel}`)
      const cs = getComputedStyle(el)
      // Spacing is in em (it grows with the text), so it is compared relative to the font size.
      const styles: Record<string, string> = {}
      out[name] = styles
      for (const p of props) {
        const v = cs.getPropertyValue(p)
        styles[p] =
          /^(padding|margin)/.test(p) && v.endsWith('px')
            ? `${(Number.parseFloat(v) / Number.parseFloat(cs.fontSize)).toFixed(3)}em`
            : v
      }
      styles.fontSize = cs.fontSize
    }
    return out
  })
}

/** Computed styles of the host page's own elements, to show the widget leaves them alone. */
function hostStyles(page: Page) {
  return page.evaluate(() =>
    ['h1', '#intro', '#zoek', 'main', 'body'].map((sel) => {
      const el = document.querySelector(sel)
      if (!el) throw new Error(sel)
      const cs = getComputedStyle(el)
      return [sel, cs.color, cs.fontSize, cs.fontFamily, cs.backgroundColor, cs.margin, cs.padding].join(
        ' | ',
      )
    }),
  )
}

async function widgetResponses() {
  return t.services.db
    .selectFrom('response')
    .innerJoin('channel', (j) =>
      j
        .onRef('channel.organisation_id', '=', 'response.organisation_id')
        .onRef('channel.id', '=', 'response.channel_id'),
    )
    .select(['response.id', 'response.context', 'channel.code as channel'])
    .where('response.organisation_id', '=', organisationId)
    .execute()
}

async function answersOf(responseId: string) {
  const rows = await t.services.db
    .selectFrom('answer')
    .innerJoin('question', (j) =>
      j
        .onRef('question.organisation_id', '=', 'answer.organisation_id')
        .onRef('question.id', '=', 'answer.question_id'),
    )
    .select(['question.code', 'answer.option_code', 'answer.text_value'])
    .where('answer.organisation_id', '=', organisationId)
    .where('answer.response_id', '=', responseId)
    .execute()
  return Object.fromEntries(rows.map((r) => [r.code, r.option_code ?? r.text_value]))
}

describe('the website widget on another site', () => {
  it('keeps its own styles under hostile host CSS and leaves the host page as it was', async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      await page.goto(`${hostUrl}/?css=plain`)
      await page.getByRole('button', { name: 'Ja' }).waitFor()
      const plain = await widgetStyles(page)

      await page.goto(`${hostUrl}/?widget=no`)
      const hostWithout = await hostStyles(page)
      const sheetsWithout = await page.evaluate(() => document.styleSheets.length)

      await page.goto(`${hostUrl}/`)
      await page.getByRole('button', { name: 'Ja' }).waitFor()
      const hostile = await widgetStyles(page)
      for (const part of ['box', 'question', 'button'] as const) {
        const { fontSize: plainSize, ...plainRest } = plain[part] ?? {}
        const { fontSize: hostileSize, ...hostileRest } = hostile[part] ?? {}
        assert.deepEqual(hostileRest, plainRest, `${part} looks the same on both pages`)
        // The size follows the page's root size, but only between 16 and 20 px: never the host's 40 px.
        assert.equal(plainSize, '16px')
        assert.equal(hostileSize, '20px')
      }
      assert.notEqual(hostile.question?.color, 'rgb(255, 0, 0)')
      // The widget's own stylesheet applies although the host's CSP allows no inline style.
      assert.equal(plain.box?.['border-top-style'], 'solid')
      assert.equal(plain.button?.['border-top-color'], 'rgb(21, 66, 115)')

      assert.deepEqual(await hostStyles(page), hostWithout, 'the host elements are unchanged')
      assert.equal(
        await page.evaluate(() => document.styleSheets.length),
        sheetsWithout,
        'no stylesheet added',
      )
      assert.deepEqual(errors, [], 'no CSP or script errors')
    } finally {
      await context.close()
    }
  })

  it('is answered by keyboard only: Nee, the follow-up dialog, focus trap, Escape, sending', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' })
    try {
      const page = await context.newPage()
      const requests: { url: string; cookie?: string }[] = []
      page.on('request', (r) => requests.push({ url: r.url(), cookie: r.headers().cookie }))
      await page.goto(`${hostUrl}/paspoort/aanvragen?email=jan%40example.nl#stap-2`)
      await page.getByRole('button', { name: 'Nee' }).waitFor()
      await assertNoViolations(page)

      await press(page, 'Tab', 'a "Home"')
      await press(page, 'Tab', 'button "Zoeken"')
      await press(page, 'Tab', 'button "Ja"')
      await press(page, 'Tab', 'button "Nee"')
      await page.keyboard.press('Enter')
      await page.getByText('Bedankt voor uw antwoord.').waitFor()
      assert.equal(await focusedText(page), 'button "Vertel ons meer"')

      // The answer is stored before anyone opens the dialog.
      const [response, ...others] = await widgetResponses()
      assert.ok(response)
      assert.equal(others.length, 0)
      assert.equal(response.channel, 'website')
      assert.deepEqual(response.context, { pagina: '/paspoort/aanvragen' })
      assert.deepEqual(await answersOf(response.id), { nuttig: 'no' })
      await assertNoViolations(page)

      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name: 'Uw reactie' })
      await dialog.waitFor()
      assert.equal(await focusedText(page), 'textarea#kb-f-verbeteren')
      assert.equal(
        await page.evaluate(() => {
          const d = document.querySelector('[data-klankbord-widget]')?.shadowRoot?.querySelector('dialog')
          return d ? getComputedStyle(d).animationName : 'no dialog'
        }),
        'none',
        'no animation when the visitor asks for reduced motion',
      )
      await assertNoViolations(page)
      // Tab stays inside the dialog, both ways round.
      await press(page, 'Tab', 'button "Versturen"')
      await press(page, 'Tab', 'button "Sluiten"')
      await press(page, 'Tab', 'textarea#kb-f-verbeteren')
      await press(page, 'Shift+Tab', 'button "Sluiten"')
      // Escape closes and gives focus back to the button that opened the dialog.
      await press(page, 'Escape', 'button "Vertel ons meer"')
      assert.equal(await dialog.isVisible(), false)

      await page.keyboard.press('Enter')
      await dialog.waitFor()
      // Sending nothing is explained in the dialog, not stored.
      await press(page, 'Tab', 'button "Versturen"')
      await page.keyboard.press('Enter')
      await page.getByText('Schrijf eerst iets op, of kies Sluiten.').waitFor()
      assert.equal(await focusedText(page), 'textarea#kb-f-verbeteren')
      await assertNoViolations(page)
      await page.keyboard.type('Zet de kosten bovenaan.')
      await press(page, 'Tab', 'button "Versturen"')
      await page.keyboard.press('Enter')
      await page.getByText('Bedankt! Wij lezen alle reacties').waitFor()
      assert.equal(await dialog.isVisible(), false)
      assert.match(await focusedText(page), /^p "Bedankt! Wij lezen/)
      await assertNoViolations(page)

      // One response, with the answer and the follow-up.
      const after = await widgetResponses()
      assert.equal(after.length, 1)
      assert.deepEqual(await answersOf(response.id), { nuttig: 'no', verbeteren: 'Zet de kosten bovenaan.' })

      // No cookies anywhere, no cookies sent, and no request to anyone but the host and Klankbord.
      assert.deepEqual(await context.cookies(), [])
      for (const r of requests) {
        assert.ok(r.url.startsWith(hostUrl) || r.url.startsWith(server.url), `unexpected request ${r.url}`)
        assert.equal(r.cookie, undefined)
      }
      assert.ok(requests.some((r) => r.url.endsWith('/follow-up')))
      assert.ok(requests.every((r) => !r.url.includes('email=') || r.url.startsWith(hostUrl)))
    } finally {
      await context.close()
    }
  })

  it('sends no cookie of Klankbord along, even when the visitor has one', async () => {
    const context = await browser.newContext()
    try {
      await context.addCookies([{ name: 'kb_session', value: 'staff-session', url: server.url }])
      const page = await context.newPage()
      const posted = page.waitForRequest((r) => r.url().endsWith('/responses') && r.method() === 'POST')
      await page.goto(`${hostUrl}/afval`)
      await page.getByRole('button', { name: 'Ja' }).click()
      const request = await posted
      assert.equal((await request.allHeaders()).cookie, undefined)
      await page.getByText('Bedankt voor uw antwoord.').waitFor()
    } finally {
      await context.close()
    }
  })

  it('has staff pages that pass axe: the overview and the embed code', async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await logInAsStaff(page, server.url, staff)
      await page.goto(`${server.url}/o/${staff.org.slug}/widget`)
      await assertNoViolations(page)
      await page.getByRole('link', { name: 'Paginafeedback' }).click()
      await page.getByLabel('Code om te kopiëren').waitFor()
      assert.match(
        await page.getByLabel('Code om te kopiëren').inputValue(),
        new RegExp(`data-survey="${surveyKey}"`),
      )
      await assertNoViolations(page)
      await page.goto(`${server.url}/o/${staff.org.slug}/widget/${staff.survey.id}`)
      await assertNoViolations(page)
    } finally {
      await context.close()
    }
  })

  it('speaks English with data-lang="en", goes where data-target says, and shows nothing at all for an unknown survey', async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${hostUrl}/?css=plain&lang=en&target=slot`)
      await page.getByText('Was this page useful?').waitFor()
      assert.equal(
        await page.locator('footer #slot > [data-klankbord-widget]').count(),
        1,
        'placed in data-target',
      )
      await page.getByRole('button', { name: 'Yes' }).waitFor()
      await page.getByRole('button', { name: 'No' }).waitFor()
      const config = page.waitForResponse((r) => r.url().includes('/widget/v1/unknownsurvey1'))
      await page.goto(`${hostUrl}/?css=plain&survey=unknownsurvey1`)
      assert.equal((await config).status(), 404)
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)))
      assert.equal(await page.locator('[data-klankbord-widget]').count(), 0)
      assert.equal(await page.getByRole('button', { name: 'Zoeken' }).isVisible(), true)
    } finally {
      await context.close()
    }
  })
})
