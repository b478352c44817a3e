/**
 * Fakes for the monitoring controllers' tests: the server (the data worker's `monitoring:*`
 * answers, scripted), an incoming monitoring INVITE and its leg (no SIP.js session runs in unit
 * tests), and a lead's call.
 */
import type { MonitorOutcome } from '@shared/contract/worker/monitoring'
import type { MonitorStartReply } from '@shared/monitoring/monitoring-api'
import type {
  MonitorEndReason,
  MonitorGrantClaims,
  MonitorMode,
  MonitorRefusal
} from '@shared/monitoring/monitoring'
import type { MonitoringServer } from '@renderer/features/monitoring/monitoring-server'
import type {
  AgentLeg,
  AgentLegEvents,
  MonitorGrantTerms,
  MonitorInvite
} from '@renderer/telephony/monitoring/agent-monitor-leg'
import type { LeadCall, LeadCallEvents } from '@renderer/telephony/monitoring/lead-monitor-call'

export const AGENT = '11111111-1111-4111-8111-111111111111'
export const LEAD = '22222222-2222-4222-8222-222222222222'
export const SESSION = '33333333-3333-4333-8333-333333333333'

export function claims(call: string, patch: Partial<MonitorGrantClaims> = {}): MonitorGrantClaims {
  return {
    iss: 'atiende',
    jti: SESSION,
    sub: AGENT,
    lead: LEAD,
    leadName: 'Carla Méndez',
    call,
    mode: 'listen',
    modes: ['listen', 'whisper', 'barge'],
    iat: 0,
    exp: 30,
    ...patch
  }
}

export class FakeServer implements MonitoringServer {
  readonly asked: string[] = []
  readonly ended: [string, MonitorEndReason][] = []
  admitReply: MonitorOutcome<{ claims: MonitorGrantClaims }> = {
    ok: false,
    reason: 'invalid_grant'
  }
  startReply: MonitorOutcome<{ start: MonitorStartReply }> = {
    ok: false,
    reason: 'not_permitted'
  }
  modeReply: MonitorOutcome<object> = { ok: true }
  admittedWith: { token: string; callIds: string[] } | null = null

  start(args: { agentId: string; callId: string; mode: MonitorMode }) {
    this.asked.push(`start ${args.callId} ${args.mode}`)
    return Promise.resolve(this.startReply)
  }

  admit(args: { token: string; callIds: string[]; from: string }) {
    this.asked.push('admit')
    this.admittedWith = { token: args.token, callIds: args.callIds }
    return Promise.resolve(this.admitReply)
  }

  mode(args: { sessionId: string; mode: MonitorMode }) {
    this.asked.push(`mode ${args.mode}`)
    return Promise.resolve(this.modeReply)
  }

  end(sessionId: string, reason: MonitorEndReason): Promise<void> {
    this.ended.push([sessionId, reason])
    return Promise.resolve()
  }
}

export const refused = (reason: MonitorRefusal): MonitorOutcome<never> => ({ ok: false, reason })

export class FakeLeg implements AgentLeg {
  readonly did: string[] = []
  readonly events: AgentLegEvents
  readonly terms: MonitorGrantTerms

  constructor(terms: MonitorGrantTerms, events: AgentLegEvents) {
    this.terms = terms
    this.events = events
  }

  setHeld(held: boolean): Promise<void> {
    this.did.push(held ? 'info held' : 'info active')
    return Promise.resolve()
  }

  end(reason: MonitorEndReason): Promise<void> {
    this.did.push(`bye ${reason}`)
    this.events.onEnded('agent')
    return Promise.resolve()
  }

  /** The lead hangs up. */
  leadHangsUp(): void {
    this.events.onEnded('lead')
  }
}

export class FakeInvite implements MonitorInvite {
  readonly token: string | null
  readonly from = 'sip:1002@atiende.local'
  refusedWith: { statusCode: number; reasonPhrase: string } | null = null
  leg: FakeLeg | null = null

  constructor(token: string | null = 'header.payload.signature') {
    this.token = token
  }

  refuse(status: { statusCode: number; reasonPhrase: string }): Promise<void> {
    this.refusedWith = status
    return Promise.resolve()
  }

  answer(terms: MonitorGrantTerms, events: AgentLegEvents): Promise<AgentLeg> {
    this.leg = new FakeLeg(terms, events)
    return Promise.resolve(this.leg)
  }
}

export class FakeLeadCall implements LeadCall {
  readonly did: string[] = []
  readonly events: LeadCallEvents
  refuseNext: Error | null = null

  constructor(events: LeadCallEvents) {
    this.events = events
  }

  switchMode(mode: MonitorMode): Promise<void> {
    this.did.push(`switch ${mode}`)
    const error = this.refuseNext
    this.refuseNext = null
    return error ? Promise.reject(error) : Promise.resolve()
  }

  stop(): Promise<void> {
    this.did.push('bye')
    return Promise.resolve()
  }
}
