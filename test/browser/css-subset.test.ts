/**
 * The subset CSS (only the Utrecht rules and design tokens our pages use, see
 * src/platform/web/css/bundle.ts) must look exactly like the packages' full CSS. Every page type is
 * opened twice in real Chromium: once as served (subset) and once with the stylesheet requests answered
 * with the full package files. Two independent comparisons, both required:
 * 1. screenshots of the whole page, compared pixel by pixel on a canvas in the browser (no PNG decoder
 *    needed): fewer than 0.1 % of the pixels may differ (in practice none do);
 * 2. the computed style of every element and of its ::before, ::after and ::marker, every standard
 *    property (custom properties are skipped: dropping unused tokens is the point), must be equal.
 *    This also covers what a screenshot does not show: keyboard focus and hover are compared as states.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { fullStylesheetPaths } from '../../src/platform/web/css/bundle.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { launchBrowser } from './browser.ts'

const MAX_DIFFERING_PIXELS = 0.001

let t: TestDatabase
let server: TestServer
let browser: Browser
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
const full = fullStylesheetPaths()
const fullCss = {
  'utrecht.css': fs.readFileSync(full['utrecht.css'], 'utf8'),
  'theme.css': fs.readFileSync(full['theme.css'], 'utf8'),
}

type Variant = 'subset' | 'full'

/** What one rendering of a page state looks like. */
interface Capture {
  png: Buffer
  /** One line per element or pseudo-element: its path and its computed standard properties. */
  styles: string[]
  /** CSS rules per stylesheet, to prove which variant was really loaded. */
  ruleCounts: number[]
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services, 'admin')
  await seedResponses(org.survey.publicKey, 24)
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.close()
  await t?.dispose()
})

/** Sends varied responses so the overview has a chart and filled tables. */
async function seedResponses(publicKey: string, count: number) {
  const channels = ['website', 'balie', 'telefoon']
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.url}/api/v1/surveys/${publicKey}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        submissionKey: `css-seed-${i.toString().padStart(4, '0')}`,
        channel: channels[i % channels.length],
        answers: { rapportcijfer: 3 + ((i * 7) % 8), duidelijkheid: 1 + (i % 5) },
      }),
    })
    assert.equal(res.status, 201, `seeding response ${i}: ${await res.text()}`)
  }
}

/** Opens a fresh browser context, brings the page into a state with `setUp`, and captures it. */
async function capture(
  variant: Variant,
  setUp: (page: Page) => Promise<void>,
  width = 1280,
): Promise<Capture> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' })
  try {
    if (variant === 'full') {
      for (const name of ['utrecht.css', 'theme.css'] as const) {
        await context.route(`**/assets/*/${name}`, (route) =>
          route.fulfill({ status: 200, contentType: 'text/css; charset=utf-8', body: fullCss[name] }),
        )
      }
    }
    const page = await context.newPage()
    await setUp(page)
    await settle(page)
    const styles = await page.evaluate(computedStyles)
    const ruleCounts = await page.evaluate(() => [...document.styleSheets].map((s) => s.cssRules.length))
    const png = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' })
    return { png, styles, ruleCounts }
  } finally {
    await context.close()
  }
}

/**
 * Waits until nothing changes any more by itself: the page loaded, fonts ready, an `autofocus` element
 * (the error summary) focused, and two frames painted. Without this a capture could be taken just
 * before the browser moves focus, and the variants would differ by timing, not by CSS.
 */
async function settle(page: Page) {
  await page.waitForLoadState('load')
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.waitForFunction(() => {
    const auto = document.querySelector('[autofocus]')
    return !auto || document.activeElement === auto || auto.contains(document.activeElement)
  })
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  )
}

/**
 * Runs in the page: the computed standard properties of every element and of its pseudo-elements,
 * one line each, prefixed with a path that names the element by position (and the focused element).
 */
function computedStyles(): string[] {
  const lines: string[] = []
  const all = [document.documentElement, ...document.documentElement.querySelectorAll('*')]
  all.forEach((el, index) => {
    const name = `${index}:${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el === document.activeElement ? '(focused)' : ''}`
    const own = getComputedStyle(el)
    // A ::before/::after with content none is not generated, and only list items have a ::marker:
    // for those only the deciding property is compared, which keeps this fast on the SVG chart.
    const pseudos = [null, '::before', '::after', ...(own.display.includes('list-item') ? ['::marker'] : [])]
    for (const pseudo of pseudos) {
      const cs = pseudo ? getComputedStyle(el, pseudo) : own
      if (pseudo && pseudo !== '::marker' && ['none', 'normal'].includes(cs.content)) {
        lines.push(`${name}${pseudo} content:${cs.content}`)
        continue
      }
      const props: string[] = []
      for (let i = 0; i < cs.length; i++) {
        const prop = cs.item(i)
        if (!prop.startsWith('--')) props.push(`${prop}:${cs.getPropertyValue(prop)}`)
      }
      lines.push(`${name}${pseudo ?? ''} ${props.join(';')}`)
    }
  })
  return lines
}

/**
 * Runs in a blank page: decodes two PNGs (base64) with the browser's own decoder onto canvases and
 * counts the pixels whose RGBA differ; pixels outside the smaller image count as differing. A string,
 * not a function: tsx's name-keeping helpers would not exist inside the page.
 */
const COMPARE_PIXELS = `async ([pngA, pngB]) => {
  const decode = async (base64) => {
    const blob = await (await fetch('data:image/png;base64,' + base64)).blob()
    const bitmap = await createImageBitmap(blob)
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const ctx = canvas.getContext('2d')
    ctx.drawImage(bitmap, 0, 0)
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height)
  }
  const x = await decode(pngA)
  const y = await decode(pngB)
  const width = Math.max(x.width, y.width)
  const height = Math.max(x.height, y.height)
  let differing = 0
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      if (row >= x.height || col >= x.width || row >= y.height || col >= y.width) {
        differing += 1
        continue
      }
      const i = (row * x.width + col) * 4
      const j = (row * y.width + col) * 4
      if (x.data[i] !== y.data[j] || x.data[i + 1] !== y.data[j + 1] || x.data[i + 2] !== y.data[j + 2] || x.data[i + 3] !== y.data[j + 3]) differing += 1
    }
  }
  return { differing, total: width * height }
}`

/** The number of differing pixels between two PNGs; byte-equal files need no decoding. */
async function differingPixels(a: Buffer, b: Buffer): Promise<{ differing: number; total: number }> {
  if (a.equals(b)) return { differing: 0, total: 1 }
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const pngs = JSON.stringify([a.toString('base64'), b.toString('base64')])
    return (await page.evaluate(`(${COMPARE_PIXELS})(${pngs})`)) as { differing: number; total: number }
  } finally {
    await context.close()
  }
}

/** Captures a state with both variants and asserts they look the same; see the file comment. */
async function assertSameLook(state: string, setUp: (page: Page) => Promise<void>, width?: number) {
  const subset = await capture('subset', setUp, width)
  const whole = await capture('full', setUp, width)
  // The two captures must really differ in what was loaded, or the comparison proves nothing.
  assert.ok(
    (whole.ruleCounts[0] ?? 0) > 1000 && (subset.ruleCounts[0] ?? 0) < (whole.ruleCounts[0] ?? 0) / 5,
    `${state}: expected the full Utrecht CSS in one capture and the subset in the other, got rule counts ${whole.ruleCounts} and ${subset.ruleCounts}`,
  )
  const styleDiffs = subset.styles.flatMap((line, i) =>
    line === whole.styles[i] ? [] : [describeDifference(line, whole.styles[i] ?? '(missing)')],
  )
  assert.equal(subset.styles.length, whole.styles.length, `${state}: different number of elements`)
  assert.deepEqual(
    styleDiffs.slice(0, 10),
    [],
    `${state}: computed styles differ (${styleDiffs.length} elements)`,
  )
  const pixels = await differingPixels(subset.png, whole.png)
  if (pixels.differing > 0) {
    // Keep both pictures for whoever has to find out why.
    const base = path.join(os.tmpdir(), `css-subset-${state.replace(/\W+/g, '-')}`)
    fs.writeFileSync(`${base}-subset.png`, subset.png)
    fs.writeFileSync(`${base}-full.png`, whole.png)
  }
  assert.ok(
    pixels.differing / pixels.total < MAX_DIFFERING_PIXELS,
    `${state}: ${pixels.differing} of ${pixels.total} pixels differ`,
  )
}

/** The properties that differ between two lines of `computedStyles`, for a readable failure. */
function describeDifference(subsetLine: string, fullLine: string): string {
  const [name, subsetProps = ''] = splitOnce(subsetLine)
  const [, fullProps = ''] = splitOnce(fullLine)
  const a = new Set(subsetProps.split(';'))
  const b = new Set(fullProps.split(';'))
  const onlySubset = [...a].filter((p) => !b.has(p))
  const onlyFull = [...b].filter((p) => !a.has(p))
  return `${name}: subset has ${onlySubset.join('; ')} | full has ${onlyFull.join('; ')}`
}

function splitOnce(line: string): [string, string] {
  const at = line.indexOf(' ')
  return [line.slice(0, at), line.slice(at + 1)]
}

const surveyUrl = () => `${server.url}/s/${org.survey.publicKey}`

async function openSurvey(page: Page) {
  await page.goto(surveyUrl())
}

async function submitEmptySurvey(page: Page) {
  await page.goto(surveyUrl())
  await page.getByRole('button', { name: 'Versturen' }).click()
  await page.getByRole('alert').waitFor()
}

async function logIn(page: Page) {
  await page.goto(`${server.url}/login`)
  await page.getByLabel('E-mailadres').fill(org.email)
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(`${server.url}/o/${org.org.slug}`)
  await page.locator('figure svg[role="img"]').waitFor()
}

/** Tabs forward until the element matching `selector` has keyboard focus (focus-visible styles). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`Tab never reached ${selector}`)
}

describe('the subset CSS looks exactly like the full NL Design System CSS', () => {
  it('on the fresh survey page', async () => {
    await assertSameLook('survey page', openSurvey)
  })

  it('on the survey page with validation errors', async () => {
    await assertSameLook('survey page with errors', submitEmptySurvey)
  })

  it('on the survey page 320 CSS pixels wide, with errors', async () => {
    await assertSameLook('narrow survey page with errors', submitEmptySurvey, 320)
  })

  it('on the survey page with keyboard focus on the skip link, a radio button, the text box and the button', async () => {
    await assertSameLook('skip link focused', async (page) => {
      await openSurvey(page)
      await tabTo(page, 'a.kb-skip-link')
    })
    await assertSameLook('radio focused', async (page) => {
      await openSurvey(page)
      await tabTo(page, 'input[type=radio]')
      await page.keyboard.press('ArrowRight')
    })
    await assertSameLook('textarea focused', async (page) => {
      await openSurvey(page)
      await tabTo(page, 'textarea')
      await page.keyboard.type('Prima geholpen.')
    })
    await assertSameLook('button focused', async (page) => {
      await openSurvey(page)
      await tabTo(page, 'button[type=submit]')
    })
  })

  it('on the survey page with the pointer over the button', async () => {
    await assertSameLook('button hovered', async (page) => {
      await openSurvey(page)
      await page.getByRole('button', { name: 'Versturen' }).hover()
    })
  })

  it('on the thank-you page', async () => {
    await assertSameLook('thank-you page', async (page) => {
      await openSurvey(page)
      await page.getByLabel('8', { exact: true }).check()
      await page.getByRole('button', { name: 'Versturen' }).click()
      await page.waitForURL(`${surveyUrl()}/bedankt`)
    })
  })

  it('on the login page, fresh and with errors', async () => {
    await assertSameLook('login page', (page) => page.goto(`${server.url}/login`).then(() => undefined))
    await assertSameLook('login page with errors', async (page) => {
      await page.goto(`${server.url}/login`)
      await page.getByLabel('E-mailadres').fill('niemand@example.test')
      await page.getByRole('button', { name: 'Inloggen' }).click()
      await page.getByRole('alert').waitFor()
    })
  })

  it('on the overview with its chart and tables', async () => {
    await assertSameLook('overview', logIn)
  })

  it('on the 404 page', async () => {
    await assertSameLook('404 page', (page) => page.goto(`${server.url}/bestaat-niet`).then(() => undefined))
  })
})
