/**
 * Features that must have their say before a call's wrap-up ends (a script's mandatory legal
 * line, for one) register a guard here, so the phone need not know about each of them.
 */
export type WrapUpGuard = () => string | null

/** Where features register their guards; the call controller asks them before finishing. */
export interface WrapUpGuardRegistry {
  /** Adds a guard; returns the function that removes it. */
  register(guard: WrapUpGuard): () => void
}

export class WrapUpGuards implements WrapUpGuardRegistry {
  readonly #guards = new Set<WrapUpGuard>()

  register(guard: WrapUpGuard): () => void {
    this.#guards.add(guard)
    return () => this.#guards.delete(guard)
  }

  /** The first reason a guard gives to keep the agent in wrap-up, or null when all agree. */
  blocker(): string | null {
    for (const guard of this.#guards) {
      const reason = guard()
      if (reason) return reason
    }
    return null
  }
}
