/**
 * The floor's rows: the agents the lead may see (from the configuration) joined with their live
 * entries, with what each row is sorted and filtered by. Pure: the table renders what this says.
 */
import type { FloorEntry } from '@shared/presence/presence'
import type { AgentStateName } from '@shared/domain/agent-state'

import { alertsFor, deskTime, type AlertContext, type FloorAlert } from './floor-alerts'

/** An agent of the lead's team (an admin's: any team), from the configuration. */
export interface RosterAgent {
  id: string
  name: string
  teamId: string | null
  teamName: string | null
  /** The last durable state recorded (what an agent without a live desk last did). */
  latest: { state: AgentStateName; pauseReason: string | null; since: string } | null
}

/** What the state filter chips and the state sort group rows by. */
export const floorStates = ['on_call', 'wrap_up', 'ready', 'not_ready', 'lost', 'offline'] as const
export type FloorStateKey = (typeof floorStates)[number]

export interface FloorRow {
  agent: RosterAgent
  /** The live or lost entry; null when the desk is offline (then `agent.latest` is shown). */
  entry: FloorEntry | null
  state: FloorStateKey
  /** When the current state began (ms, the lead's clock); for a lost desk, when last heard. */
  since: number | null
  alerts: FloorAlert[]
}

export function buildRows(
  roster: readonly RosterAgent[],
  entries: Readonly<Record<string, FloorEntry>>,
  context: AlertContext
): FloorRow[] {
  return roster.map((agent) => {
    const found = entries[agent.id]
    const entry = found && found.status !== 'offline' ? found : null
    if (!entry) {
      const since = agent.latest ? Date.parse(agent.latest.since) : null
      return { agent, entry: null, state: 'offline', since, alerts: [] }
    }
    const lost = entry.status === 'lost'
    return {
      agent,
      entry,
      state: lost ? 'lost' : entry.presence.state,
      since: lost ? Date.parse(entry.heardAt) : deskTime(entry, entry.presence.since),
      alerts: alertsFor(entry, context)
    }
  })
}

export type SortKey = 'name' | 'state' | 'time' | 'alerts'
export interface FloorSort {
  key: SortKey
  direction: 'ascending' | 'descending'
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
const byName = (a: FloorRow, b: FloorRow) => collator.compare(a.agent.name, b.agent.name)
/** Longest in state first when ascending: the question a lead asks is "who has been so long". */
const byTime = (a: FloorRow, b: FloorRow) =>
  (a.since ?? Number.POSITIVE_INFINITY) - (b.since ?? Number.POSITIVE_INFINITY)
const byState = (a: FloorRow, b: FloorRow) =>
  floorStates.indexOf(a.state) - floorStates.indexOf(b.state)
const byAlerts = (a: FloorRow, b: FloorRow) => a.alerts.length - b.alerts.length
/** What decides among equals, whichever way the column is sorted: state, longest in it, name. */
const tie = (a: FloorRow, b: FloorRow) => byState(a, b) || byTime(a, b) || byName(a, b)

const comparators: Record<SortKey, (a: FloorRow, b: FloorRow) => number> = {
  name: byName,
  state: byState,
  time: byTime,
  // Descending: most alerts first.
  alerts: byAlerts
}

export function sortRows(rows: readonly FloorRow[], sort: FloorSort): FloorRow[] {
  const compare = comparators[sort.key]
  const sign = sort.direction === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => sign * compare(a, b) || tie(a, b))
}

export interface FloorFilter {
  /** Empty: every state. */
  states: ReadonlySet<FloorStateKey>
  text: string
  onlyAlerts: boolean
}

/** Lower case without accents: "ramirez" finds "Ramírez". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

export function filterRows(rows: readonly FloorRow[], filter: FloorFilter): FloorRow[] {
  const text = fold(filter.text.trim())
  return rows.filter(
    (row) =>
      (filter.states.size === 0 || filter.states.has(row.state)) &&
      (!filter.onlyAlerts || row.alerts.length > 0) &&
      (text === '' || fold(row.agent.name).includes(text))
  )
}

export function countByState(rows: readonly FloorRow[]): Record<FloorStateKey, number> {
  const counts = Object.fromEntries(floorStates.map((s) => [s, 0])) as Record<FloorStateKey, number>
  for (const row of rows) counts[row.state] += 1
  return counts
}
