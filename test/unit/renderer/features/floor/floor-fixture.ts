/**
 * A made-up floor for the floor's unit tests: `count` agents in every state the floor shows
 * (calls with customers and colleagues, held lines, wrap-ups, pauses over their limit, a lost
 * desk, a raised hand, a broken phone, offline agents). The e2e fills a real floor instead, with
 * seeded agents publishing over the realtime channel (test/e2e/support/floor-desks.ts).
 */
import type { FloorEntry, DeskPresence } from '@shared/presence/presence'

import type { RosterAgent } from '@renderer/features/floor/floor-rows'

const NAMES = [
  'Ana Ortiz',
  'Bruno Salas',
  'Diego Ramírez',
  'Fernando Gil',
  'Lucía Fernández de la Peña',
  'Marta Iglesias',
  'Nicolás Herrera',
  'Olga Prieto',
  'Pablo Vega',
  'Quique Morales',
  'Rosa Blanco',
  'Sergio Castillo',
  'Teresa Núñez',
  'Ulises Romero',
  'Valeria Soto',
  'Wendy Carrasco',
  'Ximena Ruiz',
  'Yago Domínguez',
  'Zoe Martín',
  'Álvaro Cano',
  'Beatriz Lozano',
  '<img src=x onerror=alert(1)> Hostil',
  'Carmen Delgado',
  'Daniel Ortega',
  'Eva Molina'
]
const CUSTOMERS = ['Juan Pérez', 'María López', 'Construcciones Rivera S.L.', 'Pedro Sánchez']
const TIERS = ['high_yield', 'high_potential', 'standard', 'below_zero'] as const
const STEPS = ['Verificar identidad', 'Oferta de retención', 'Resumen y cierre', 'Diagnóstico']

const uuid = (n: number, kind: number) =>
  `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`

export interface DemoFloor {
  roster: RosterAgent[]
  entries: FloorEntry[]
}

/** `count` agents; `teams` > 1 spreads them over teams (an admin's floor). */
export function demoFloor(count: number, now: number, teams = 1): DemoFloor {
  const iso = (ago: number) => new Date(now - ago).toISOString()
  const roster: RosterAgent[] = []
  const entries: FloorEntry[] = []
  for (let i = 0; i < count; i++) {
    const id = uuid(i + 1, 1)
    const team = i % teams
    const teamId = uuid(team + 1, 2)
    const name = NAMES[i % NAMES.length] ?? `Agente ${String(i + 1)}`
    roster.push({
      id,
      name: i < NAMES.length ? name : `${name} ${String(i + 1)}`,
      teamId,
      teamName: ['Norte', 'Sur', 'Centro'][team] ?? `Equipo ${String(team + 1)}`,
      latest: { state: 'logged_out', pauseReason: null, since: iso(3_600_000 + i * 60_000) }
    })
    const kind = i % 10
    // Two in ten are offline: no live entry, their last durable state shows.
    if (kind === 9 || i === count - 1) continue
    const p = presenceFor(kind, i, iso)
    entries.push({
      agentId: id,
      teamId,
      status: kind === 8 ? 'lost' : 'live',
      heardAt: iso(kind === 8 ? 41_000 : 2_000),
      presence: p
    })
  }
  return { roster, entries }
}

function presenceFor(kind: number, i: number, iso: (ago: number) => string): DeskPresence {
  const base: DeskPresence = {
    state: 'ready',
    pauseReason: null,
    since: iso(40_000 + i * 17_000),
    pauseAfterCall: null,
    call: null,
    script: null,
    wrapUpSince: null,
    phone: { line: 'registered', problems: [] },
    lastDisposition: i % 3 === 0 ? null : { code: 'resolved', at: iso(300_000) },
    lastMissedCallAt: null,
    handRaisedAt: null,
    sentAt: iso(2_000)
  }
  const callFor = (answeredAgo: number, colleague = false): DeskPresence['call'] => ({
    id: `demo-call-${String(i)}`,
    direction: i % 2 === 0 ? 'inbound' : 'outbound',
    practice: false,
    number: colleague ? '2004' : `+34 91 555 ${String(1000 + i * 37).slice(-4)}`,
    party: colleague ? 'colleague' : 'customer',
    customerId: null,
    name: colleague ? 'Bruno Salas' : (CUSTOMERS[i % CUSTOMERS.length] ?? null),
    valueTier: colleague ? null : (TIERS[i % TIERS.length] ?? null),
    phase: i % 4 === 3 ? 'held' : 'active',
    startedAt: iso(answeredAgo + 6_000),
    answeredAt: iso(answeredAgo),
    otherLines: i % 7 === 3 ? 1 : 0
  })
  const script: DeskPresence['script'] = {
    scriptId: 'retention',
    version: 3,
    nodeId: `n${String(i % STEPS.length)}`,
    stepTitle: STEPS[i % STEPS.length] ?? null,
    jumps: [
      { id: 'offer', label: 'Oferta de retención' },
      { id: 'close', label: 'Cierre' }
    ]
  }
  switch (kind) {
    case 0:
    case 3:
      return {
        ...base,
        state: 'on_call',
        since: iso(95_000 + i * 9_000),
        call: callFor(90_000 + i * 9_000),
        script
      }
    case 1:
      // A call running long (over the default 15 minutes).
      return { ...base, state: 'on_call', since: iso(1_130_000), call: callFor(1_125_000), script }
    case 2:
      return { ...base, state: 'on_call', since: iso(200_000), call: callFor(195_000, true) }
    case 4:
      return { ...base, state: 'wrap_up', since: iso(150_000), wrapUpSince: iso(150_000) }
    case 5:
      return { ...base, state: 'not_ready', pauseReason: 'break', since: iso(1_140_000) }
    case 6:
      return { ...base, handRaisedAt: iso(70_000), lastMissedCallAt: iso(120_000) }
    case 7:
      return {
        ...base,
        state: 'not_ready',
        pauseReason: 'phone_problem',
        since: iso(240_000),
        phone: { line: 'unregistered', problems: ['not_registered'] }
      }
    default:
      return base
  }
}
