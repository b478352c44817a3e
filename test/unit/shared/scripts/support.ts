/** Builders for script tests: a parsed script from inline YAML, a customer, a context. */
import type { Customer } from '@shared/domain/customer'
import type { RunContext } from '@shared/scripts/run-context'
import type { RunResult, RunSuccess } from '@shared/scripts/run-result'
import type { Script } from '@shared/scripts/schema'
import { parseScript } from '@shared/scripts/script-source'

export function scriptFrom(yaml: string): Script {
  const parsed = parseScript(yaml)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2))
  return parsed.script
}

export function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: '6f1c1d1e-9a9b-4c1c-8a7e-2f4b5c6d7e8f',
    externalRef: 'C-1',
    firstName: 'Lucía',
    lastName: 'Pérez',
    documentId: null,
    phones: [],
    emails: [],
    preferredLanguage: 'es',
    tier: 'standard',
    recencyDays: 10,
    frequency12m: 3,
    monetary12m: 300,
    lifetimeValue: 1200,
    products: [{ code: 'FIBER-300', name: 'Fibra 300', since: '2024-01-01' }],
    doNotCall: false,
    notes: '',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides
  }
}

/** A context at `time` (UTC) on a fixed day; each call gets its own instant. */
export function context(time = '10:00:00', overrides: Partial<RunContext> = {}): RunContext {
  return {
    customer: customer(),
    language: 'es',
    now: new Date(`2026-03-02T${time}.000Z`),
    ...overrides
  }
}

/** The success of a result, failing the test with the error otherwise. */
export function expectOk(result: RunResult): RunSuccess {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data
}
