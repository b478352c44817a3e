/**
 * The fuzz suite's randomness: one small seeded generator (mulberry32), so a failing run can be
 * replayed exactly. `FUZZ_SEED=<n>` overrides the fixed default; failures print the seed.
 */
import { createPrng } from '@server/seed/prng'

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

/** The demo seed's generator (mulberry32), with the seed kept and a pick from any list. */
export function mulberry32(seed: number): Rng {
  const prng = createPrng(seed)
  return {
    seed,
    next: () => prng.next(),
    int: (min, max) => prng.int(min, max),
    pick<T>(items: readonly T[]): T {
      const item = items[prng.int(0, items.length - 1)]
      if (item === undefined) throw new Error('pick() from an empty list')
      return item
    },
    uuid: () => prng.uuid()
  }
}
