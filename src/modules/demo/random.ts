/**
 * A small, fast, seeded random number generator for the demo data. Why not Math.random or
 * crypto: the demo must be reproducible per seed, and the 1M-response load draws ~40M numbers, so
 * the generator is a plain 32-bit xoshiro128** (Blackman & Vigna) seeded through splitmix32.
 * A `stream` number gives independent sequences for the same seed (one per load, for --append).
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0
  let z = next
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return [next, (z ^ (z >>> 16)) >>> 0]
}

/** Deterministic random source: same (seed, stream) → same sequence, on every platform. */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spareNormal: number | null = null

  constructor(seed: number, stream = 0) {
    // Both halves of a seed up to 2^53 count, so 1 and 2^32 + 1 give different sequences.
    const high = Math.floor(Math.trunc(seed) / 4294967296) | 0
    let s = (Math.trunc(seed) | 0) ^ Math.imul(high, 0x632be5ab) ^ Math.imul(stream + 1, 0x27d4eb2d)
    const words: number[] = []
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(s)
      s = next
      words.push(out)
    }
    ;[this.a, this.b, this.c, this.d] = words as [number, number, number, number]
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1
  }

  /** The next unsigned 32-bit integer (xoshiro128**). */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0
    const t = this.b << 9
    this.c ^= this.a
    this.d ^= this.b
    this.b ^= this.c
    this.a ^= this.d
    this.c ^= t
    this.d = rotl(this.d, 11)
    return result
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T
  }

  /** An index drawn from cumulative weights (last element = total). */
  weighted(cumulative: Float64Array | readonly number[]): number {
    const total = cumulative[cumulative.length - 1] as number
    const x = this.float() * total
    for (let i = 0; i < cumulative.length; i++) if (x < (cumulative[i] as number)) return i
    return cumulative.length - 1
  }

  /** Standard normal (Box–Muller, the spare value is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal
      this.spareNormal = null
      return v
    }
    let u = 0
    while (u === 0) u = this.float()
    const v = this.float()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spareNormal = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean
  }

  /** Poisson count (Knuth's method; the demo only uses small means). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean)
    let k = 0
    let p = this.float()
    while (p > limit && k < 50) {
      k++
      p *= this.float()
    }
    return k
  }

  /** `bytes` random bytes as lowercase hex. */
  hex(bytes: number): string {
    let out = ''
    for (let i = 0; i < bytes; i++) out += HEX[this.u32() & 0xff]
    return out
  }

  /**
   * A UUIDv7 whose time part is `ms` and whose random part comes from this generator, so demo ids
   * are reproducible per seed and still time-ordered like the application's own ids.
   */
  uuid7(ms: number): string {
    const t = Math.max(0, Math.floor(ms))
    const high = Math.floor(t / 0x1000000) // upper 24 bits of the 48-bit timestamp
    const low = t % 0x1000000
    const r1 = this.u32()
    const r2 = this.u32()
    const r3 = this.u32()
    const timeHex = hex(high, 6) + hex(low, 6)
    return (
      `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-7${hex(r1 & 0xfff, 3)}-` +
      `${hex(0x8000 | ((r1 >>> 12) & 0x3fff), 4)}-${hex(r2, 8)}${hex(r3 & 0xffff, 4)}`
    )
  }
}

function hex(value: number, digits: number): string {
  return (value >>> 0).toString(16).padStart(digits, '0')
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
