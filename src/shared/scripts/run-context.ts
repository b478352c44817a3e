/**
 * What a run reads from outside the script: the customer (null for an unknown caller), the
 * language the agent speaks in, and the time. The clock is injected as a value on every call,
 * so a run is deterministic and tests need no fake timers.
 */
import type { Customer, Language } from '../domain/customer'
import type { CustomerField } from './condition-schema'

export interface RunContext {
  customer: Customer | null
  language: Language
  /** The time of this event: timestamps the step and decides time-of-day conditions. */
  now: Date
  /** IANA zone for time-of-day conditions (the contact center's); UTC when absent. */
  timeZone?: string
}

/** A customer field's value, or undefined when there is no customer. */
export function customerValue(
  customer: Customer | null,
  field: CustomerField
): string | number | boolean | undefined {
  if (!customer) return undefined
  switch (field) {
    case 'fullName':
      return `${customer.firstName} ${customer.lastName}`.trim()
    case 'productCount':
      return customer.products.length
    default:
      return customer[field]
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * Minutes since local midnight in `timeZone`, or null for a zone the runtime does not know
 * (the caller turns that into an error result instead of guessing).
 */
export function minutesOfDay(now: Date, timeZone = 'UTC'): number | null {
  let format = formatters.get(timeZone)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23'
      })
    } catch {
      return null
    }
    formatters.set(timeZone, format)
  }
  const parts = format.formatToParts(now)
  const hour = Number(parts.find((p) => p.type === 'hour')?.value)
  const minute = Number(parts.find((p) => p.type === 'minute')?.value)
  return hour * 60 + minute
}

/** "HH:MM" to minutes since midnight (the schema guarantees the format). */
export function parseHhmm(value: string): number {
  const [h = '0', m = '0'] = value.split(':')
  return Number(h) * 60 + Number(m)
}
