/**
 * The customer cache in the worker: matching on ring, quick-create, lookups and search.
 */
import type { Customer, Language } from '../../domain/customer'

export interface CustomerMatch {
  /**
   * How the caller was identified: by a CTI header, by number in the local cache, by the
   * server's online lookup (the cache missed), or not at all.
   */
  matchedBy: 'cti' | 'phone' | 'online' | 'none'
  normalizedNumber: string | null
  customers: Customer[]
  /** What the caller number was: a number, withheld (no lookup at all), an extension, garbage. */
  caller?: CallerKind
  /**
   * The online lookup: `not_needed` (the cache answered, or nothing to look up), `skipped` (the
   * server is known to be unreachable or online lookup is off), `found`, `not_found`, `failed`
   * (timeout, network, refused).
   */
  online?: OnlineLookupOutcome
}

export type CallerKind = 'number' | 'withheld' | 'extension' | 'invalid'
export type OnlineLookupOutcome = 'not_needed' | 'skipped' | 'found' | 'not_found' | 'failed'

/** What the agent types into the screen pop's quick-create form. */
export interface NewCustomerInput {
  firstName: string
  lastName: string
  /** E.164, or null when the caller withheld the number. */
  phoneE164: string | null
  email: string | null
  preferredLanguage: Language
}

/** The customer requests. */
export interface CustomerRequests {
  /**
   * Matching on ring, in order: the CTI ids (header values, in the configured header order,
   * matched by id or external reference), then the caller number normalized to E.164 against
   * the cache, then (only on a cache miss, when `online` is not false and the server is
   * reachable) the server's lookup with a short timeout; its results join the cache.
   */
  'customer:match': (args: {
    callerNumber: string
    ctiCustomerId: string | null
    ctiIds?: string[] | undefined
    defaultCountry: string
    online?: boolean | undefined
  }) => CustomerMatch
  /** Quick-create: journaled and queued as a `customer.create` mutation like a complaint. */
  'customer:create': (args: NewCustomerInput) => { customer: Customer }
  'customer:get': (args: { id: string }) => { customer: Customer | null }
  /**
   * Search while typing: name prefixes (accent and case-insensitive), phone fragments (as E.164
   * prefixes, national ones read with `defaultCountry`), e-mail prefixes, document id.
   */
  'customer:search': (args: {
    query: string
    limit: number
    defaultCountry?: string | undefined
  }) => {
    customers: Customer[]
  }
}
