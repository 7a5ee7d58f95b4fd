/**
 * Server-side charts: Observable Plot rendered to SVG with linkedom. The SVG gets role="img" and an
 * aria-label (axe flags Plot's aria-label on <g> otherwise); every chart is shown beside a data table,
 * which is the accessible source of the numbers. Plot's inline <style> is dropped: the CSP forbids it
 * and app.css styles charts instead.
 */
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'

/** Renders a Plot specification to an SVG string labelled for assistive technology. */
export function renderChart(options: Plot.PlotOptions, label: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const figure = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as {
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
