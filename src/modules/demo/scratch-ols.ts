import { Matrix, solve } from 'ml-matrix'
import { generateDemo } from './generate.ts'
for (const seed of [1234, 1, 2, 3, 99]) {
  const rows: number[][] = [], y: number[] = []
  for (const s of generateDemo({ responses: 20000, seed, now: new Date('2026-11-20T10:00:00Z') })) for (const r of s) { if (r.experience.answers.some((a) => a === null)) continue; rows.push([1, ...(r.experience.answers as number[])]); y.push(r.experience.grade) }
  const X = new Matrix(rows); const Xt = X.transpose()
  console.log(seed, rows.length, solve(Xt.mmul(X), Xt.mmul(Matrix.columnVector(y))).getColumn(0).map((v) => v.toFixed(3)).join(' '))
}
