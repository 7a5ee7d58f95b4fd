import { generateDemo } from './generate.ts'
import { DEMO_PRODUCTS, DEMO_CHANNELS } from './reference.ts'
const n = Number(process.argv[2] ?? 100000)
const t0 = performance.now()
let count = 0, sum = 0, sq = 0, why = 0, imp = 0, sig = 0, kl = 0, pii = 0, dk = 0
const grades = new Array(11).fill(0)
const perProduct: Record<string, [number, number]> = {}
const perChannel: Record<string, [number, number]> = {}
const ex: string[] = []
for (const batch of generateDemo({ responses: n, seed: 42, now: new Date("2026-11-20T10:00:00Z") }, Number(process.env.BS ?? 5000))) {
  for (const r of batch) {
    count++; const g = r.experience.grade; sum += g; sq += g * g; grades[g]++
    if (r.why) { why++; if (r.why.pii) pii++; if (ex.length < 25) ex.push(`[${g}] ${r.why.text}`) }
    if (r.improve) { imp++; if (r.improve.pii) pii++; if (ex.length < 40 && ex.length >= 25) ex.push(`[${g}] verbeteren: ${r.improve.text}`) }
    if (r.signal) { sig++; if (r.signal.kind === 'klacht') kl++ }
    dk += r.experience.answers.filter((a) => a === null).length
    const p = DEMO_PRODUCTS[r.case.product]!.code; (perProduct[p] ??= [0, 0]); perProduct[p][0]++; perProduct[p][1] += g
    const c = DEMO_CHANNELS[r.case.channel]!.code; (perChannel[c] ??= [0, 0]); perChannel[c][0]++; perChannel[c][1] += g
  }
}
const ms = performance.now() - t0
const mean = sum / count
console.log({ count, ms: Math.round(ms), mean: mean.toFixed(3), sd: Math.sqrt(sq / count - mean * mean).toFixed(3), why: why / count, imp: imp / count, signalPer: count / sig, klacht: kl / sig, pii: pii / (why + imp), dk: dk / count / 5 })
console.log('grades', grades.slice(1).map((x) => (x / count * 100).toFixed(1)).join(' '))
for (const [k, [c, s]] of Object.entries(perProduct)) console.log(k.padEnd(25), (c / count * 100).toFixed(1), (s / c).toFixed(2))
for (const [k, [c, s]] of Object.entries(perChannel)) console.log(k.padEnd(25), (c / count * 100).toFixed(1), (s / c).toFixed(2))
console.log(ex.join('\n'))
