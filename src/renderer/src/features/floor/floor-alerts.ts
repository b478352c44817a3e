/**
 * The floor's alerts, computed from an agent's live entry: pure, so the thresholds and onsets are
 * unit-tested and the table, the toolbar count and the OS notifications all agree. An alert's
 * onset (`since`) is when it began, on the lead's clock: a notification is raised once per onset.
 */
import {
  floorAlertKinds,
  type FloorAlertKind,
  type FloorAlerts
} from '@shared/domain/configuration'
import type { FloorEntry } from '@shared/presence/presence'

export interface FloorAlert {
  kind: FloorAlertKind
  /** When it began (ms, the lead's clock); null when the entry does not say (phone problems). */
  since: number | null
}

export interface AlertContext {
  /** The lead's clock (ms); while the floor is out of date, the moment it stopped being live. */
  now: number
  thresholds: FloorAlerts
  /** Pause reason code → its limit in minutes (null: no limit). */
  pauseLimits: ReadonlyMap<string, number | null>
}

/**
 * A desk's own clock may be off: its `sentAt` and the server's `heardAt` for the same frame give
 * the offset (the network's delay is lost in it, well under the seconds shown).
 */
export function skewOf(entry: FloorEntry): number {
  const skew = Date.parse(entry.heardAt) - Date.parse(entry.presence.sentAt)
  return Number.isFinite(skew) ? skew : 0
}

/** A time the desk reported, on the lead's (the server's) clock, in ms. */
export function deskTime(entry: FloorEntry, iso: string): number {
  return Date.parse(iso) + skewOf(entry)
}

const PHONE_DOWN_LINES: ReadonlySet<string> = new Set(['unregistered', 'stopped'])

/** The phone cannot take calls: the line is down or the watchdog names a problem. */
export function phoneOutOfService(entry: FloorEntry): boolean {
  const { phone } = entry.presence
  return PHONE_DOWN_LINES.has(phone.line) || phone.problems.length > 0
}

const order = (a: FloorAlert, b: FloorAlert) =>
  floorAlertKinds.indexOf(a.kind) - floorAlertKinds.indexOf(b.kind)

/**
 * The alerts of one agent right now, in the order of `floorAlertKinds` (most urgent first). No
 * entry or an offline desk has none; a lost desk only "connection lost", since the rest of what
 * it last said is no longer known to be true.
 */
export function alertsFor(entry: FloorEntry | null, context: AlertContext): FloorAlert[] {
  if (!entry || entry.status === 'offline') return []
  if (entry.status === 'lost') {
    return [{ kind: 'connectionLost', since: Date.parse(entry.heardAt) }]
  }
  const { now, thresholds, pauseLimits } = context
  const p = entry.presence
  const at = (iso: string) => deskTime(entry, iso)
  const alerts: FloorAlert[] = []
  const past = (onset: number) => now >= onset

  const call = p.call
  if (
    call &&
    !call.practice &&
    call.answeredAt &&
    (call.phase === 'active' || call.phase === 'held')
  ) {
    const onset = at(call.answeredAt) + thresholds.longCallMinutes * 60_000
    if (past(onset)) alerts.push({ kind: 'longCall', since: onset })
  }
  if (p.state === 'wrap_up' && p.wrapUpSince) {
    const onset = at(p.wrapUpSince) + thresholds.longWrapUpSeconds * 1000
    if (past(onset)) alerts.push({ kind: 'longWrapUp', since: onset })
  }
  if (p.state === 'not_ready' && p.pauseReason) {
    const limit = pauseLimits.get(p.pauseReason)
    if (limit != null) {
      const onset = at(p.since) + limit * 60_000
      if (past(onset)) alerts.push({ kind: 'pauseOverLimit', since: onset })
    }
  }
  if (phoneOutOfService(entry)) alerts.push({ kind: 'phoneOutOfService', since: null })
  if (p.lastMissedCallAt) {
    const missed = at(p.lastMissedCallAt)
    if (now - missed < thresholds.missedCallWindowMinutes * 60_000) {
      alerts.push({ kind: 'missedCall', since: missed })
    }
  }
  if (p.handRaisedAt) alerts.push({ kind: 'handRaised', since: at(p.handRaisedAt) })
  return alerts.sort(order)
}

/** One agent's alerts, for the notifier. */
export interface AgentAlerts {
  agentId: string
  name: string
  alerts: readonly FloorAlert[]
}

export interface AlertNotice {
  agentId: string
  name: string
  kind: FloorAlertKind
  /** Stable per onset: a notification's tag, so the OS shows one even if asked twice. */
  key: string
}

const keyOf = (agentId: string, alert: FloorAlert) =>
  `${agentId}|${alert.kind}|${alert.since === null ? '' : String(alert.since)}`

/**
 * Remembers which alerts are already known, so each onset is told once: an alert present at the
 * previous look is not new, whether or not it was told then (a lead who watched it appear on
 * screen needs no notification when they switch away). An alert that ends and begins again (a new
 * call running long, a hand raised again) is a new onset.
 */
export function createOnsetTracker() {
  let known = new Set<string>()
  return {
    /** The alerts that began since the last look and should be told now. */
    update(
      agents: readonly AgentAlerts[],
      options: { hidden: boolean; notify: FloorAlerts['notify'] }
    ): AlertNotice[] {
      const current = new Set<string>()
      const told: AlertNotice[] = []
      for (const agent of agents) {
        for (const alert of agent.alerts) {
          const key = keyOf(agent.agentId, alert)
          current.add(key)
          if (known.has(key) || !options.hidden || !options.notify[alert.kind]) continue
          told.push({ agentId: agent.agentId, name: agent.name, kind: alert.kind, key })
        }
      }
      known = current
      return told
    }
  }
}
export type OnsetTracker = ReturnType<typeof createOnsetTracker>
