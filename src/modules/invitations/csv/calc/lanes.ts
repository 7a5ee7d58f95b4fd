/**
 * Splits a batch of contact rows into lanes that may be recorded at the same time without changing any
 * decision. Pure: no I/O.
 *
 * A row's decision (record-contact-moment.ts) depends on earlier rows only through the same person
 * (suppression) or the same case reference (dedupe per case); sampling is per row and opt-outs do not
 * change during an upload. So rows that share a normalised e-mail address, phone number or case
 * reference go into one lane, in file order (union-find over those keys); rows in different lanes are
 * independent. Both addresses of a row count as keys (the channel is chosen later), which can only
 * put more rows together, never fewer. Recording batches one after another, and each lane in order,
 * gives the same decisions as recording the whole file line by line.
 */

/** The keys of one row that make it depend on others. */
export interface LaneKeys {
  email: string | null
  phone: string | null
  caseReference: string | null
}

/** Lanes as lists of row indexes, each in ascending (file) order; lanes ordered by their first row. */
export function lanesOf(rows: readonly LaneKeys[]): number[][] {
  const parent = rows.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] as number
    // Path compression keeps later finds short.
    let j = i
    while (parent[j] !== root) {
      const next = parent[j] as number
      parent[j] = root
      j = next
    }
    return root
  }
  const owner = new Map<string, number>()
  rows.forEach((row, i) => {
    const keys = [
      row.email && `e:${row.email}`,
      row.phone && `p:${row.phone}`,
      row.caseReference && `z:${row.caseReference}`,
    ]
    for (const key of keys) {
      if (!key) continue
      const first = owner.get(key)
      if (first === undefined) owner.set(key, i)
      else {
        const a = find(first)
        const b = find(i)
        // The smaller index stays root, so a lane is named by its first row.
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
      }
    }
  })
  const lanes = new Map<number, number[]>()
  rows.forEach((_, i) => {
    const root = find(i)
    const lane = lanes.get(root)
    if (lane) lane.push(i)
    else lanes.set(root, [i])
  })
  return [...lanes.values()].sort((x, y) => (x[0] as number) - (y[0] as number))
}
