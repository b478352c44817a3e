/**
 * The desk's live presence, read from the page's store: what the lead's floor shows of this
 * agent. Pure, so what a lead sees is tested without a browser.
 */
import type { DeskPresence, PresenceCall, PresenceScript } from '@shared/presence/presence'
import type { AppState } from '@renderer/stores/app-store'
import { fullName } from '@shared/domain/customer'
import { effectiveAgentState, lineKind } from '../agent-state'
import { isPracticeCall } from '@renderer/telephony/call-session'

/** What the store does not hold: when the state began and the last call missed here. */
export interface PresenceMemory {
  since: string
  lastMissedCallAt: string | null
}

const callPhases = ['ringing', 'dialing', 'connecting', 'active', 'held'] as const
type CallPhase = (typeof callPhases)[number]

function isCallPhase(phase: string): phase is CallPhase {
  return callPhases.some((p) => p === phase)
}

function callOf(s: AppState): PresenceCall | null {
  const { call, phase } = s.phone
  if (!call || !isCallPhase(phase)) return null
  const pop = s.screenPop.callId === call.id ? s.screenPop : null
  const customer = pop?.customer ?? null
  const colleague = pop?.colleague ?? null
  return {
    id: call.id,
    direction: call.direction,
    practice: isPracticeCall(call),
    number: call.remoteNumber,
    party: colleague ? 'colleague' : customer ? 'customer' : 'unknown',
    customerId: customer?.id ?? null,
    name: colleague?.displayName ?? (customer ? fullName(customer) : call.remoteDisplayName),
    valueTier: customer?.tier ?? null,
    phase,
    startedAt: call.startedAt,
    answeredAt: s.phone.answeredAt,
    otherLines: s.phone.lines.length
  }
}

function shortened(text: string, max: number): string | null {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line === '') return null
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

function scriptOf(s: AppState): PresenceScript | null {
  const { state, view } = s.scriptRun
  if (!state || !view || state.status !== 'open') return null
  return {
    scriptId: state.scriptId,
    version: state.scriptVersion,
    nodeId: view.step.nodeId,
    // Many steps have no title; the start of what the agent says tells a lead as much.
    stepTitle: view.step.title ?? shortened(view.step.text, 80),
    jumps: view.jumps.map((j) => ({ id: j.id, label: j.label }))
  }
}

/** The state as the floor shows it, with the pause reason it carries. */
export function floorStateOf(s: AppState): { state: DeskPresence['state']; pause: string | null } {
  const state = effectiveAgentState(s.agent.availability, s.phone.phase)
  const a = s.agent.availability
  return { state, pause: a.kind === 'not_ready' ? a.reason : null }
}

export function deskPresenceOf(s: AppState, memory: PresenceMemory, now: Date): DeskPresence {
  const { state, pause } = floorStateOf(s)
  const saved = s.wrapUp.saved
  return {
    state,
    pauseReason: state === 'not_ready' ? pause : null,
    since: memory.since,
    // A pause chosen during a call follows it: the lead sees it coming.
    pauseAfterCall: state === 'on_call' || state === 'wrap_up' ? pause : null,
    call: callOf(s),
    script: scriptOf(s),
    wrapUpSince: s.phone.phase === 'wrap_up' ? (s.phone.endedAt ?? memory.since) : null,
    phone: { line: lineKind(s.phone.line), problems: [...s.agent.phoneProblems] },
    lastDisposition: saved ? { code: saved.code, at: saved.recordedAt } : null,
    lastMissedCallAt: memory.lastMissedCallAt,
    handRaisedAt: s.presence.handRaisedAt,
    sentAt: now.toISOString()
  }
}
