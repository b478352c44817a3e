/**
 * The fuzz suite's randomness: one small seeded generator (mulberry32), so a failing run can be
 * replayed exactly. `FUZZ_SEED=<n>` overrides the fixed default; failures print the seed.
 */

export interface Rng {
  readonly seed: number
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** A version 4 UUID drawn from this generator (not from the system's randomness). */
  uuid(): string
}

const DEFAULT_SEED = 20261124

/** The seed of this run: `FUZZ_SEED` when set to an integer, else the fixed default. */
export function fuzzSeed(): number {
  const raw = process.env['FUZZ_SEED']
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED
  const seed = Number(raw)
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${raw}`)
  return seed
}

/** mulberry32: 32 bits of state, good enough to spread test inputs, and tiny. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const hex = (n: number): string =>
    Array.from({ length: n }, () => int(0, 15).toString(16)).join('')
  return {
    seed,
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)]
      if (item === undefined) throw new Error('pick() from an empty list')
      return item
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'.charAt(int(0, 3))}${hex(3)}-${hex(12)}`
  }
}
