/**
 * What reading the wire costs per record: the server parsing a pushed complaint, and the data
 * worker parsing a pulled complaint and customer. The text rule cleans free text inside these
 * schemas, so this is where it costs; compare a run of this file on the code before and after.
 */
import { randomUUID } from 'node:crypto'

import { changeSchema, mutationSchema } from '@shared/sync/protocol'
import { emit, round } from './stats'

const description = 'El cliente dice que le cobraron dos veces la factura de marzo. '.repeat(6)

function complaintArgs() {
  return {
    id: randomUUID(),
    customerId: randomUUID(),
    callId: `call-${randomUUID()}`,
    category: 'billing',
    description,
    createdAt: '2026-12-01T10:00:00.000Z',
    expected: 'Un solo cargo',
    received: 'Dos cargos iguales',
    requestedRemedy: 'Devolución del segundo cargo',
    productName: 'Fibra 300 Mb'
  }
}

const customer = {
  id: randomUUID(),
  externalRef: 'CUST-1',
  firstName: 'José',
  lastName: 'Núñez García',
  documentId: '12345678Z',
  phones: [{ e164: '+34612345678', kind: 'mobile' }],
  emails: ['jose@example.com'],
  preferredLanguage: 'es',
  tier: 'high_yield',
  recencyDays: 3,
  frequency12m: 8,
  monetary12m: 1200,
  lifetimeValue: 9000,
  products: [{ code: 'FIB-300', name: 'Fibra 300 Mb', since: '2024-01-01' }],
  doNotCall: false,
  notes: 'Prefiere que le llamen por la tarde.\nCliente desde 2019.',
  updatedAt: '2026-12-01T10:00:00.000Z'
}

function timePerItem(items: readonly unknown[], parse: (v: unknown) => boolean, rounds: number) {
  let ok = 0
  const t0 = performance.now()
  for (let r = 0; r < rounds; r++) for (const item of items) if (parse(item)) ok++
  const micros = ((performance.now() - t0) * 1000) / (rounds * items.length)
  if (ok !== rounds * items.length) throw new Error('a sample did not parse')
  return round(micros, 2)
}

export function benchSchemaParse(rounds = 50): void {
  const pushed = Array.from({ length: 200 }, () => ({
    id: randomUUID(),
    name: 'complaint.create',
    args: complaintArgs()
  }))
  const pulled = Array.from({ length: 1000 }, (_, i) =>
    i % 2 === 0
      ? { seq: i, entity: 'customer', data: { ...customer, id: randomUUID() } }
      : {
          seq: i,
          entity: 'complaint',
          data: {
            ...complaintArgs(),
            caseNumber: `QR-${i}`,
            status: 'open',
            agentId: randomUUID(),
            teamId: randomUUID(),
            receivedAt: '2026-12-01T10:00:01.000Z'
          }
        }
  )
  const push = (v: unknown) => mutationSchema.safeParse(v).success
  const pull = (v: unknown) => changeSchema.safeParse(v).success
  // Warm-up, so the JIT has seen both before the measured rounds.
  timePerItem(pushed, push, 5)
  timePerItem(pulled, pull, 5)
  emit({
    bench: 'schema-parse',
    pushMicrosPerComplaint: timePerItem(pushed, push, rounds),
    pullMicrosPerChange: timePerItem(pulled, pull, rounds)
  })
}

if (process.argv[1]?.endsWith('schema-parse.ts')) benchSchemaParse()
