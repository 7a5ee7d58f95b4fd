import { generateDemo } from './generate.ts'
import { emitRows, copyLine } from './rows.ts'
const n = Number(process.argv[2] ?? 200000)
const ids = { organisationId: '01a20655-b8da-701e-ac12-4753900c3754', surveyId: '01a20655-b8da-701e-ac12-4753900c3755', surveyVersion: 1, questionIds: Object.fromEntries(['rapportcijfer','duidelijkheid','snelheid','deskundigheid','serieus_genomen','gemak','waarom','verbeteren'].map((c,i)=>[c,`01a20655-b8da-701e-ac12-47539000000${i}`])), productIds: Array.from({length:14},(_,i)=>`01a20655-b8da-701e-ac12-4753900001${String(i).padStart(2,'0')}`), channelIds: Array.from({length:7},(_,i)=>`01a20655-b8da-701e-ac12-4753900002${String(i).padStart(2,'0')}`) }
const c0 = process.cpuUsage(); const t0 = performance.now()
let gen = 0, bytes = 0
const mode = process.argv[3] ?? 'format'
let parts: string[] = []
for (const slice of generateDemo({ responses: n, seed: 42, now: new Date('2026-11-20T10:00:00Z') }, 500)) {
  gen += slice.length
  if (mode === 'format') { for (const r of slice) emitRows(r, ids, (t, v) => { parts.push(copyLine(v)) }); if (parts.length > 100000) { bytes += parts.join('').length; parts = [] } }
}
const cpu = process.cpuUsage(c0)
console.log({ n: gen, wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), bytes })
