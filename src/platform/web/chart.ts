/**
 * Server-side charts: Observable Plot rendered to SVG with linkedom. The SVG gets role="img" and an
 * aria-label (axe flags Plot's aria-label on <g> otherwise); every chart is shown beside a data table,
 * which is the accessible source of the numbers. Plot's inline <style> is dropped: the CSP forbids it
 * and app.css styles charts instead.
 */
import type * as PlotModule from '@observablehq/plot'

/** Observable Plot's module, handed to the function that builds a chart's options. */
export type Plot = typeof PlotModule

// Plot (with d3) and linkedom cost ~25 MB of memory once loaded, so they are loaded on the first chart
// and not by every process that merely imports a page module (a job runner, the CLI; decision 0020).
let libraries: Promise<[Plot, typeof import('linkedom')]> | null = null
function loadLibraries() {
  libraries ??= Promise.all([import('@observablehq/plot'), import('linkedom')])
  return libraries
}

/** Renders the Plot specification that `build` returns to an SVG string labelled for assistive technology. */
export async function renderChart(
  build: (plot: Plot) => PlotModule.PlotOptions,
  label: string,
): Promise<string> {
  const [Plot, { parseHTML }] = await loadLibraries()
  const options = build(Plot)
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const figure = Plot.plot({ ...options, document } as PlotModule.PlotOptions) as unknown as {
    tagName: string
    outerHTML: string
    querySelector(s: string): { outerHTML: string } | null
  }
  const svg =
    figure.tagName.toLowerCase() === 'svg' ? figure.outerHTML : (figure.querySelector('svg')?.outerHTML ?? '')
  return (
    svg
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      // axe (aria-prohibited-attr) flags Plot's aria-label/aria-description on <g>; the svg's label and
      // the data table carry the meaning.
      .replace(/(<g\b[^>]*?)\s+aria-(?:label|description)="[^"]*"/g, '$1')
      .replace(/^<svg /, `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" `)
  )
}

function escapeAttribute(s: string) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
