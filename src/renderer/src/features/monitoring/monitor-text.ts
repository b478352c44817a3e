/**
 * What the lead's monitoring controls say and do, as pure functions of the session (so the unit
 * tests read them without a DOM): the status line per phase, why a session ended or was refused,
 * and what a click on a mode does.
 */
import type { TFunction } from 'i18next'

import type { MonitorMode } from '@shared/monitoring/monitoring'
import { sanitizeDisplayText } from '@shared/domain/text'
import { elapsed } from '@renderer/ui/elapsed'

import type { LeadMonitorSession } from './store'

/** A name from the directory or a desk, as text on one line. */
export function displayName(name: string): string {
  return sanitizeDisplayText(name, 80)
}

/** "Ana" of "Ana Ortiz": the short reasons speak of the agent as a colleague would. */
export function firstName(name: string): string {
  const shown = displayName(name)
  return shown.split(/\s+/)[0] ?? shown
}

/** The session is under way (not over): it holds the lead's audio. */
export function isActive(session: LeadMonitorSession | null): session is LeadMonitorSession {
  return session !== null && session.phase !== 'ended'
}

/** A click on `mode` for the agent open: start, switch the live session, or nothing (pressed). */
export function modeAction(
  session: LeadMonitorSession | null,
  agentId: string,
  mode: MonitorMode
): 'start' | 'switch' | 'none' {
  if (!isActive(session) || session.agentId !== agentId) return 'start'
  if (session.phase !== 'live') return 'none'
  return session.mode === mode ? 'none' : 'switch'
}

/** The status line while the session is under way: "Escuchando a Ana Ortiz · 0:12". */
export function activeStatus(session: LeadMonitorSession, nowMs: number, t: TFunction): string {
  if (session.phase === 'requesting' || session.phase === 'connecting') {
    return t('monitoring.status.connecting')
  }
  if (session.callHeld) return t('monitoring.status.held')
  const name = displayName(session.agentName)
  const since = session.liveSince === null ? null : Date.parse(session.liveSince)
  const line = t(`monitoring.status.${session.mode}`, { name })
  return since === null || Number.isNaN(since) ? line : `${line} · ${elapsed(since, nowMs)}`
}

/** Why an ended session ended, calmly, for the lead (null when it simply was stopped). */
export function endedStatus(session: LeadMonitorSession, t: TFunction): string {
  const name = firstName(session.agentName)
  if (session.refusal !== null) return t(`monitoring.refusal.${session.refusal}`, { name })
  if (session.error !== null) {
    return t('monitoring.failed', { error: sanitizeDisplayText(session.error, 160) })
  }
  return t(`monitoring.ended.${session.endReason ?? 'stopped'}`, {
    name,
    fullName: displayName(session.agentName)
  })
}
