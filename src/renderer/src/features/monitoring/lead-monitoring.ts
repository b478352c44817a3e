/**
 * The lead's side of monitoring, behind {@link MonitoringActions}: asks the server for the
 * session (`monitoring:start`), then calls the agent's app with the grant (built in) or dials the
 * PBX's feature code; switches mode with the server first (audit, policy) and then on the call;
 * stops with a BYE and `monitoring:end`. It writes the lead's session into the `monitoring` slice.
 */
import type { MonitorStartReply } from '@shared/monitoring/monitoring-api'
import type { MonitorMode } from '@shared/monitoring/monitoring'
import type { LeadMonitorSession } from './store'
import type { MonitoringActions, MonitorTarget } from './monitoring-context'
import type { MonitoringStore } from './agent-monitoring'
import type { MonitoringServer } from './monitoring-server'
import {
  ModeRefused,
  type LeadCall,
  type LeadCallEvents,
  type LeadCallOutcome,
  type LeadPhone
} from '@renderer/telephony/monitoring/lead-monitor-call'

export interface LeadMonitoringOptions {
  store: MonitoringStore
  server: MonitoringServer
  /** The lead's phone now, or null while it is not registered. */
  phone: () => LeadPhone | null
  now?: () => Date
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

export class LeadMonitoring implements MonitoringActions {
  readonly #options: LeadMonitoringOptions
  #call: LeadCall | null = null
  /** Each start gets a number: answers for an older session are ignored. */
  #generation = 0
  #reported = false

  constructor(options: LeadMonitoringOptions) {
    this.#options = options
  }

  async start(target: MonitorTarget, mode: MonitorMode): Promise<void> {
    const previous = this.#session()
    if (previous && previous.phase !== 'ended') await this.stop()
    const generation = ++this.#generation
    this.#reported = false
    this.#write({
      sessionId: null,
      agentId: target.agentId,
      agentName: target.agentName,
      callId: target.callId,
      method: 'builtin',
      mode,
      modes: [mode],
      phase: 'requesting',
      liveSince: null,
      callHeld: false,
      endReason: null,
      refusal: null,
      error: null
    })
    const reply = await this.#options.server.start({
      agentId: target.agentId,
      callId: target.callId,
      mode
    })
    if (generation !== this.#generation) return
    if (!reply.ok) {
      this.#patch(
        reply.reason === 'unreachable'
          ? { phase: 'ended', error: reply.message }
          : { phase: 'ended', refusal: reply.reason }
      )
      return
    }
    const { start } = reply
    this.#patch({
      sessionId: start.sessionId,
      method: start.method,
      mode: start.mode,
      modes: start.modes,
      phase: 'connecting'
    })
    await this.#dial(start, generation)
  }

  async switchMode(mode: MonitorMode): Promise<void> {
    const session = this.#session()
    const call = this.#call
    if (!session?.sessionId || !call || session.phase !== 'live' || session.mode === mode) return
    const generation = this.#generation
    const previous = session.mode
    this.#patch({ phase: 'switching', refusal: null, error: null })
    // The audit and the switch travel together (a lead expects the switch at once); the agent's
    // app checks the mode against the grant by itself, and a mode the server then refuses is
    // switched back.
    const [reply, switched] = await Promise.all([
      this.#options.server.mode({ sessionId: session.sessionId, mode }),
      call.switchMode(mode).then(
        () => null,
        (error: unknown) => error
      )
    ])
    if (generation !== this.#generation || this.#session()?.phase !== 'switching') return
    if (switched !== null) {
      this.#patch(
        switched instanceof ModeRefused && switched.refusal
          ? { phase: 'live', refusal: switched.refusal }
          : { phase: 'live', error: errorText(switched) }
      )
      return
    }
    if (!reply.ok) {
      await call.switchMode(previous).catch(() => undefined)
      if (generation !== this.#generation) return
      this.#patch(
        reply.reason === 'unreachable'
          ? { phase: 'live', mode: previous, error: reply.message }
          : { phase: 'live', mode: previous, refusal: reply.reason }
      )
      return
    }
    this.#patch({ phase: 'live', mode })
  }

  async stop(): Promise<void> {
    const session = this.#session()
    if (!session || session.phase === 'ended') return
    this.#generation++
    const call = this.#call
    this.#call = null
    this.#patch({ phase: 'ended', endReason: 'stopped' })
    await call?.stop().catch(() => undefined)
    await this.#report('stopped')
  }

  dismiss(): void {
    if (this.#session()?.phase === 'ended') this.#options.store.getState().leadMonitorChanged(null)
  }

  async #dial(start: MonitorStartReply, generation: number): Promise<void> {
    const phone = this.#options.phone()
    if (!phone) {
      this.#patch({ phase: 'ended', error: 'the phone is not registered' })
      await this.#report('failed')
      return
    }
    const events: LeadCallEvents = {
      onLive: () => {
        if (generation !== this.#generation) return
        this.#patch({ phase: 'live', liveSince: this.#now() })
      },
      onCallHeld: (held) => {
        if (generation === this.#generation) this.#patch({ callHeld: held })
      },
      onEnded: (outcome) => {
        if (generation === this.#generation) void this.#ended(outcome)
      }
    }
    try {
      const call =
        start.method === 'builtin'
          ? await phone.monitorCall(start, events)
          : await phone.pbxCall(start, events)
      if (generation === this.#generation) this.#call = call
      else await call.stop()
    } catch (error) {
      if (generation !== this.#generation) return
      this.#patch({ phase: 'ended', error: errorText(error) })
      await this.#report('failed')
    }
  }

  async #ended(outcome: LeadCallOutcome): Promise<void> {
    this.#call = null
    const endReason = outcome.refusal ? null : (outcome.endReason ?? 'failed')
    this.#patch({ phase: 'ended', endReason, refusal: outcome.refusal, error: outcome.error })
    // The agent's desk reports its own ends; this covers a desk that vanished (idempotent).
    if (endReason) await this.#report(endReason)
  }

  async #report(reason: Parameters<MonitoringServer['end']>[1]): Promise<void> {
    const sessionId = this.#session()?.sessionId
    if (!sessionId || this.#reported) return
    this.#reported = true
    await this.#options.server.end(sessionId, reason).catch(() => undefined)
  }

  #session(): LeadMonitorSession | null {
    return this.#options.store.getState().monitoring.lead
  }

  #write(session: LeadMonitorSession): void {
    this.#options.store.getState().leadMonitorChanged(session)
  }

  #patch(patch: Partial<LeadMonitorSession>): void {
    const session = this.#session()
    if (session) this.#write({ ...session, ...patch })
  }

  #now(): string {
    return (this.#options.now?.() ?? new Date()).toISOString()
  }
}
