/**
 * The Meethuis drawn as a house, as server-rendered SVG (plain JSX, no script): the goals are the roof,
 * the outcome KPIs the beam under it, the drivers the pillars and the process data the foundation.
 * The drawing is one image (`role="img"` with a summary in `aria-label`); the full structure is in the
 * nested list and table of `HouseStructure`, which is what screen reader users and keyboard users read.
 * Core elements have a solid outline, local ones a dashed outline; the list says it in words.
 */
import { coreQuestionKey, scaleKey } from '../calc/comparability.ts'
import { KERN_SCALES } from '../kern-template.ts'
import { allDrivers, allKpis, type MeasurementModel, type ModelQuestion } from '../model.ts'

const WIDTH = 800
const DARK = '#154273'
const LIGHT = '#e8eef5'
const MID = '#dbe6f2'
const FOUNDATION = '#3d4b5e'

/** Splits text into lines of at most `max` characters, at word boundaries; at most `lines` lines. */
export function wrap(text: string, max: number, lines = 2): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (!line) line = word
    else if (`${line} ${word}`.length <= max) line = `${line} ${word}`
    else {
      out.push(line)
      line = word
    }
  }
  if (line) out.push(line)
  if (out.length <= lines) return out.map((l) => (l.length > max ? `${l.slice(0, max - 1)}…` : l))
  const kept = out.slice(0, lines)
  const last = kept[lines - 1] ?? ''
  kept[lines - 1] = `${last.slice(0, max - 1)}…`
  return kept
}

function names(items: { name: string }[]) {
  return items.map((i) => i.name).join(', ')
}

/** The text alternative of the drawing: what is where, in one paragraph. */
export function houseSummary(model: MeasurementModel): string {
  const parts = [
    `Tekening van het meethuis, versie ${model.version}.`,
    `Dak (doelen): ${names(model.goals) || 'geen'}.`,
    `Uitkomst: ${names(allKpis(model)) || 'geen'}.`,
    `Pijlers (drijfveren): ${names(allDrivers(model)) || 'geen'}.`,
    `Fundament (procesgegevens): ${names(model.processIndicators) || 'geen'}.`,
    'De volledige opbouw staat in de lijst onder de tekening.',
  ]
  return parts.join(' ')
}

/** Renders the house drawing. */
export function HouseDrawing(props: { model: MeasurementModel }) {
  const m = props.model
  const drivers = allDrivers(m)
  const kpis = allKpis(m)
  const roofLines = wrap(m.goals.map((g) => g.name).join(' · '), 44, 2)
  const kpiLine = wrap(`Uitkomst: ${kpis.map((k) => k.name).join(' · ')}`, 70, 1)
  const foundationLines = wrap(m.processIndicators.map((p) => p.name).join(' · '), 80, 2)
  const left = 40
  const inner = WIDTH - 2 * left
  const count = Math.max(drivers.length, 1)
  const gap = 12
  const pillarWidth = Math.min(110, (inner - gap * (count + 1)) / count)
  const pillarsWidth = count * pillarWidth + (count - 1) * gap
  const pillarStart = left + (inner - pillarsWidth) / 2
  const pillarTop = 184
  const pillarHeight = 216
  const height = 500
  return (
    <svg
      class="kb-house"
      role="img"
      aria-label={houseSummary(m)}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
      font-family="system-ui, sans-serif"
    >
      <polygon points={`${WIDTH / 2},8 12,128 ${WIDTH - 12},128`} fill={DARK} />
      <text x={WIDTH / 2} y={34} fill="#ffffff" font-size="14" text-anchor="middle">
        Doelen
      </text>
      {roofLines.map((line, i) => (
        <text
          x={WIDTH / 2}
          y={84 + i * 22 - (roofLines.length - 1) * 11}
          fill="#ffffff"
          font-size="18"
          font-weight="bold"
          text-anchor="middle"
        >
          {line}
        </text>
      ))}
      <rect x={left} y={136} width={inner} height={40} fill={MID} stroke={DARK} stroke-width="2" />
      <text x={WIDTH / 2} y={162} fill="#000000" font-size="17" font-weight="bold" text-anchor="middle">
        {kpiLine[0] ?? ''}
      </text>
      {drivers.map((d, i) => {
        const x = pillarStart + i * (pillarWidth + gap)
        const cx = x + pillarWidth / 2
        const cy = pillarTop + pillarHeight / 2
        return (
          <g>
            <rect
              x={x}
              y={pillarTop}
              width={pillarWidth}
              height={pillarHeight}
              fill={LIGHT}
              stroke={DARK}
              stroke-width="2"
              stroke-dasharray={d.origin === 'local' ? '8 5' : undefined}
            />
            <text
              x={cx}
              y={cy}
              transform={`rotate(-90 ${cx} ${cy})`}
              fill="#000000"
              font-size="16"
              text-anchor="middle"
              dominant-baseline="middle"
            >
              {wrap(d.name, 24, 1)[0]}
            </text>
          </g>
        )
      })}
      <rect x={left - 20} y={408} width={inner + 40} height={80} fill={FOUNDATION} />
      <text x={WIDTH / 2} y={432} fill="#ffffff" font-size="14" text-anchor="middle">
        Procesgegevens
      </text>
      {foundationLines.map((line, i) => (
        <text x={WIDTH / 2} y={458 + i * 22} fill="#ffffff" font-size="17" text-anchor="middle">
          {line}
        </text>
      ))}
    </svg>
  )
}

const scaleNames = new Map(KERN_SCALES.map((s) => [scaleKey(s), s.name]))

function scaleName(q: ModelQuestion) {
  return scaleNames.get(scaleKey(q.scale)) ?? scaleKey(q.scale)
}

/** "kern" or "lokaal (aangepast uit kern.x@1)" in words. */
export function originText(x: {
  origin: 'core' | 'local'
  core: { blockId: string; blockVersion: number } | null
}) {
  if (x.origin === 'core') return `kern (${x.core?.blockId}@${x.core?.blockVersion})`
  return x.core ? `lokaal, aangepast uit ${x.core.blockId}@${x.core.blockVersion}` : 'lokaal'
}

/** The accessible structure behind the drawing: a nested list, the process data, and a table of questions. */
export function HouseStructure(props: { model: MeasurementModel }) {
  const m = props.model
  const questions = allKpis(m).flatMap((k) => [
    { pillar: `Uitkomst: ${k.name}`, q: k.question },
    ...k.drivers.flatMap((d) => d.statements.map((q) => ({ pillar: d.name, q }))),
  ])
  return (
    <>
      <h2 class="utrecht-heading-2">Opbouw van het meetmodel</h2>
      <ul class="utrecht-unordered-list kb-model-tree">
        {m.goals.map((g) => (
          <li>
            Doel (dak): <strong>{g.name}</strong> – {originText(g)}
            {g.kpis.length ? (
              <ul class="utrecht-unordered-list">
                {g.kpis.map((k) => (
                  <li>
                    Uitkomst: <strong>{k.name}</strong> – {originText(k)}. Vraag: “{k.question.text}”
                    {k.drivers.length ? (
                      <ul class="utrecht-unordered-list">
                        {k.drivers.map((d) => (
                          <li>
                            Drijfveer (pijler): <strong>{d.name}</strong> – {originText(d)}
                            {d.statements.length ? (
                              <ul class="utrecht-unordered-list">
                                {d.statements.map((s) => (
                                  <li>
                                    Stelling: “{s.text}” – {originText(s)}
                                  </li>
                                ))}
                              </ul>
                            ) : (
                              <span> – nog geen stelling</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <h3 class="utrecht-heading-3">Procesgegevens (fundament)</h3>
      <ul class="utrecht-unordered-list">
        {m.processIndicators.map((p) => (
          <li>
            <strong>{p.name}</strong>: {p.description} – {originText(p)}
          </li>
        ))}
      </ul>
      <div class="kb-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">Vragen en vergelijkbaarheid</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Onderdeel
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Vraag of stelling
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Herkomst
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Schaal
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Vergelijkbaar met
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {questions.map(({ pillar, q }) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {pillar}
                </th>
                <td class="utrecht-table__cell">{q.text}</td>
                <td class="utrecht-table__cell">{originText(q)}</td>
                <td class="utrecht-table__cell">{scaleName(q)}</td>
                <td class="utrecht-table__cell">
                  {q.origin === 'core' && q.core
                    ? `alle organisaties met ${coreQuestionKey(q.core)}`
                    : 'alleen deze organisatie, met deze tekst'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
