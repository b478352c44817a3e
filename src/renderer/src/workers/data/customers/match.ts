/**
 * Matching on ring, in order: CTI ids, then the caller number against the cache, then, only
 * when the cache has nothing and the server is reachable, the server's online lookup with a
 * short timeout. Whatever the server finds joins the cache, so the next ring is local.
 */
import type { CustomerMatch } from '@shared/contract/worker'
import type { Customer } from '@shared/domain/customer'

import type { LocalMatchArgs } from './queries'

/** Customers holding `e164` on the server, or null when the lookup failed or timed out. */
export type OnlineLookup = (e164: string) => Promise<Customer[] | null>

export interface CallerMatchDeps {
  matchLocal(args: LocalMatchArgs): CustomerMatch
  cacheCustomers(customers: readonly Customer[]): void
  /** Null when the server is known to be unreachable (or online lookup is off). */
  online: OnlineLookup | null
}

export async function matchCaller(
  deps: CallerMatchDeps,
  args: LocalMatchArgs
): Promise<CustomerMatch> {
  const local = deps.matchLocal(args)
  // Withheld, extensions and garbage never reach the server: there is nothing to look up.
  if (local.matchedBy !== 'none' || local.normalizedNumber === null) return local
  if (deps.online === null) return { ...local, online: 'skipped' }
  const found = await deps.online(local.normalizedNumber)
  if (found === null) return { ...local, online: 'failed' }
  if (found.length === 0) return { ...local, online: 'not_found' }
  deps.cacheCustomers(found)
  return { ...local, matchedBy: 'online', customers: found, online: 'found' }
}
