/**
 * Features that must have their say before a call's wrap-up ends (a script's mandatory legal
 * line, for one) register a guard here, so the phone need not know about each of them.
 */
export type WrapUpGuard = () => string | null

const guards = new Set<WrapUpGuard>()

/** Adds a guard; returns the function that removes it. */
export function registerWrapUpGuard(guard: WrapUpGuard): () => void {
  guards.add(guard)
  return () => guards.delete(guard)
}

/** The first reason a guard gives to keep the agent in wrap-up, or null when all agree. */
export function wrapUpBlocker(): string | null {
  for (const guard of guards) {
    const reason = guard()
    if (reason) return reason
  }
  return null
}
