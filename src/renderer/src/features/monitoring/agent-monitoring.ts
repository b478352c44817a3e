/**
 * The agent's side of monitoring: a lead's INVITE with a grant comes here from the SIP line,
 * never to the call controller (no ring, no call waiting, no screen pop, no record). The grant is
 * admitted by the data worker (checked, then redeemed once with the server) and the app answers
 * at once; then the monitored call is followed: held or swapped away → the lead is told and hears
 * neither; ended or transferred → the monitoring call ends with that reason.
 */
import type { InteractionMonitors } from '@shared/domain/interaction'
import {
  refusalStatus,
  type MonitorEndReason,
  type MonitorGrantClaims,
  type MonitorMode,
  type MonitorRefusal
} from '@shared/monitoring/monitoring'
import type { MonitoringPolicy } from '@shared/monitoring/monitoring-policy'
import type { AppState } from '@renderer/stores/app-store'
import type { AgentLeg, MonitorInvite } from '@renderer/telephony/monitoring/agent-monitor-leg'
import { deskCallIds, monitoredCallState } from './desk-calls'
import type { MonitoringServer } from './monitoring-server'

/** The bound store, as far as monitoring uses it. */
export interface MonitoringStore {
  getState(): AppState
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void
}

export interface AgentMonitoringOptions {
  store: MonitoringStore
  server: MonitoringServer
  /** The centre's policy as synced (whether the agent is told in listen mode). */
  policy: () => Promise<MonitoringPolicy>
  now?: () => Date
}

interface Monitored {
  claims: MonitorGrantClaims
  leg: AgentLeg
  held: boolean
  ending: boolean
  unfollow: () => void
}

export class AgentMonitoring {
  readonly #options: AgentMonitoringOptions
  /** True from an invite's arrival until it is refused or its session ends: one at a time. */
  #busy = false
  #current: Monitored | null = null
  #agentSeesListen = true
  readonly #transferring = new Set<string>()
  readonly #byCall = new Map<string, InteractionMonitors>()

  constructor(options: AgentMonitoringOptions) {
    this.#options = options
  }

  /** A monitoring INVITE reached this desk. */
  async invite(invite: MonitorInvite): Promise<void> {
    if (this.#busy) {
      await this.#refuse(invite, 'already_monitored')
      return
    }
    const token = invite.token
    if (!token) {
      await this.#refuse(invite, 'invalid_grant')
      return
    }
    this.#busy = true
    try {
      const { store, server } = this.#options
      const callIds = deskCallIds(store.getState())
      const [admitted, policy] = await Promise.all([
        server.admit({ token, callIds, from: invite.from }),
        this.#options.policy()
      ])
      this.#agentSeesListen = policy.agentSeesListen
      if (!admitted.ok) {
        const reason = admitted.reason === 'unreachable' ? 'server_unreachable' : admitted.reason
        await this.#refuse(invite, reason)
        this.#busy = false
        return
      }
      await this.#answer(invite, admitted.claims)
    } catch {
      this.#busy = false
      await invite.refuse({ statusCode: 500, reasonPhrase: 'Monitoring Failed' }).catch(() => {
        /* the lead's app sees the call fail either way */
      })
    }
  }

  /** The call controller started (or gave up) transferring `callId`. */
  transferUnderway(callId: string, underway: boolean): void {
    if (underway) this.#transferring.add(callId)
    else this.#transferring.delete(callId)
  }

  /** The agent signs out or the app closes: the lead is told before the line goes. */
  async agentLeft(): Promise<void> {
    await this.#end('agent_left')
  }

  /**
   * Who monitored `callId`, for its interaction record (ongoing sessions included: the record is
   * made as the call ends, before the monitoring call is down); forgotten once taken.
   */
  takeMonitoredBy(callId: string): InteractionMonitors {
    const entries = this.#byCall.get(callId) ?? []
    this.#byCall.delete(callId)
    return entries.map((entry) => ({ ...entry, modes: [...entry.modes] }))
  }

  async #refuse(invite: MonitorInvite, reason: MonitorRefusal): Promise<void> {
    await invite.refuse(refusalStatus(reason))
  }

  async #answer(invite: MonitorInvite, claims: MonitorGrantClaims): Promise<void> {
    const { store, server } = this.#options
    const state = monitoredCallState(store.getState(), claims.call)
    if (state === 'ended') {
      // The call ended while the grant was being redeemed.
      await this.#refuse(invite, 'call_changed')
      await server.end(claims.jti, 'call_ended')
      this.#busy = false
      return
    }
    // The leg may end while it is being answered (the lead gave up): kept for after.
    const early: { by: 'lead' | 'agent' | null } = { by: null }
    const leg = await invite.answer(
      { callId: claims.call, mode: claims.mode, modes: claims.modes },
      {
        onMode: (mode) => {
          this.#modeChanged(mode)
        },
        onEnded: (by) => {
          if (this.#current) this.#legEnded(by)
          else early.by = by
        }
      }
    )
    const monitored: Monitored = {
      claims,
      leg,
      held: false,
      ending: false,
      unfollow: store.subscribe((s) => {
        this.#follow(s)
      })
    }
    this.#current = monitored
    this.#byCall.set(claims.call, [
      ...(this.#byCall.get(claims.call) ?? []),
      {
        sessionId: claims.jti,
        leadId: claims.lead,
        leadName: claims.leadName,
        modes: [claims.mode]
      }
    ])
    this.#publish(claims.mode)
    if (early.by) this.#legEnded(early.by)
    else this.#follow(store.getState())
  }

  #follow(s: AppState): void {
    const current = this.#current
    if (!current || current.ending) return
    const state = monitoredCallState(s, current.claims.call)
    if (state === 'ended') {
      const transferred = this.#transferring.delete(current.claims.call)
      void this.#end(transferred ? 'transferred' : 'call_ended')
      return
    }
    const held = state === 'held'
    if (held === current.held) return
    current.held = held
    current.leg.setHeld(held).catch(() => undefined)
  }

  #modeChanged(mode: MonitorMode): void {
    const current = this.#current
    if (!current) return
    const entries = this.#byCall.get(current.claims.call)
    const entry = entries?.find((e) => e.sessionId === current.claims.jti)
    if (entry && !entry.modes.includes(mode)) entry.modes.push(mode)
    this.#publish(mode)
  }

  #publish(mode: MonitorMode): void {
    const current = this.#current
    if (!current) return
    const { claims } = current
    const previous = this.#options.store.getState().monitoring.monitoredBy
    const since =
      previous?.sessionId === claims.jti
        ? previous.since
        : (this.#options.now?.() ?? new Date()).toISOString()
    this.#options.store.getState().monitoredByChanged({
      sessionId: claims.jti,
      leadId: claims.lead,
      leadName: claims.leadName,
      mode,
      since,
      // Whisper and barge are heard: the agent is always told. Listen per the centre's policy.
      shown: mode !== 'listen' || this.#agentSeesListen
    })
  }

  async #end(reason: MonitorEndReason): Promise<void> {
    const current = this.#current
    if (!current || current.ending) return
    current.ending = true
    await current.leg.end(reason).catch(() => undefined)
    await this.#options.server.end(current.claims.jti, reason).catch(() => undefined)
  }

  #legEnded(by: 'lead' | 'agent'): void {
    const current = this.#current
    if (!current) return
    this.#current = null
    this.#busy = false
    current.unfollow()
    this.#options.store.getState().monitoredByChanged(null)
    // Ended on this side without a reason of ours: the leg failed.
    if (by === 'agent' && !current.ending) {
      void this.#options.server.end(current.claims.jti, 'failed').catch(() => undefined)
    }
  }
}
