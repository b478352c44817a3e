/**
 * The lead's side of monitoring: a call that is no phone line (no call record, no wrap-up). Built
 * in, it is an INVITE to the agent's address with the grant; the lead's microphone is sent only
 * in whisper and barge; a mode switch is an INFO the agent's app must accept. With the PBX method
 * it is a plain call to the PBX's feature code, switched with the PBX's DTMF keys.
 */
import { SessionState, type Bye, type Core, type Info, type Inviter } from 'sip.js'

import {
  refusalFromPhrase,
  type MonitorEndReason,
  type MonitorMode,
  type MonitorRefusal
} from '@shared/monitoring/monitoring'
import type { MonitorStartReply } from '@shared/monitoring/monitoring-api'
import { CallState, type CallSession, type DtmfMethod } from '../call-session'
import { RemoteAudio, webHandler } from '../sip-media'
import {
  endReasonFromHeader,
  monitorInfoBody,
  parseMonitorInfo,
  switchTones
} from './monitor-signals'

/** How a lead's monitoring call ended, as far as its own signalling tells. */
export interface LeadCallOutcome {
  /** From the agent's BYE (its Reason), or `stopped` when the lead hung up. */
  endReason: MonitorEndReason | null
  /** From the agent's app's final response, when it refused. */
  refusal: MonitorRefusal | null
  /** Any other failure, as a status line or message. */
  error: string | null
}

export interface LeadCallEvents {
  /** Answered: audio flows. */
  onLive(): void
  /** The monitored call was held by the agent, or came back. */
  onCallHeld(held: boolean): void
  onEnded(outcome: LeadCallOutcome): void
}

/** A lead's monitoring call, built in or through the PBX. */
export interface LeadCall {
  /** Switches mode; rejects with the refusal's message when the far end refused it. */
  switchMode(mode: MonitorMode): Promise<void>
  /** Hangs up (the monitored call is not touched). */
  stop(): Promise<void>
}

type BuiltinStart = Extract<MonitorStartReply, { method: 'builtin' }>
type PbxStart = Extract<MonitorStartReply, { method: 'pbx' }>

/** What the lead's SIP line offers monitoring: calls that are no phone line. */
export interface LeadPhone {
  /** Calls the agent's app at `start.target` with the grant (built-in method). */
  monitorCall(start: BuiltinStart, events: LeadCallEvents): Promise<LeadCall>
  /** Dials the PBX's feature code (PBX method). */
  pbxCall(start: PbxStart, events: LeadCallEvents): Promise<LeadCall>
}

/** A mode switch the agent's app refused: its refusal, when it named one. */
export class ModeRefused extends Error {
  readonly refusal: MonitorRefusal | null

  constructor(statusLine: string, refusal: MonitorRefusal | null) {
    super(statusLine)
    this.refusal = refusal
  }
}

/** The lead's microphone goes out only when the lead is meant to be heard. */
export const leadSpeaks = (mode: MonitorMode): boolean => mode !== 'listen'

const statusLine = (response: Core.IncomingResponse) =>
  `${String(response.message.statusCode)} ${response.message.reasonPhrase ?? ''}`

export class BuiltinLeadCall implements LeadCall {
  readonly #inviter: Inviter
  readonly #events: LeadCallEvents
  readonly #audio = new RemoteAudio()
  #mode: MonitorMode
  #outcome: LeadCallOutcome = { endReason: null, refusal: null, error: null }

  private constructor(inviter: Inviter, mode: MonitorMode, events: LeadCallEvents) {
    this.#inviter = inviter
    this.#mode = mode
    this.#events = events
  }

  /** Sends the INVITE (made with the grant header by the user agent) and follows the call. */
  static async start(
    inviter: Inviter,
    mode: MonitorMode,
    events: LeadCallEvents
  ): Promise<BuiltinLeadCall> {
    const call = new BuiltinLeadCall(inviter, mode, events)
    await call.#invite()
    return call
  }

  async #invite(): Promise<void> {
    const inviter = this.#inviter
    inviter.delegate = {
      onInfo: (info) => {
        this.#onInfo(info)
      },
      onBye: (bye: Bye) => {
        this.#outcome.endReason ??= endReasonFromHeader(bye.request.getHeader('reason'))
        this.#outcome.endReason ??= 'call_ended'
        void bye.accept().catch(() => undefined)
      }
    }
    inviter.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.#audio.attach(inviter)
        this.#applyMicrophone()
        this.#events.onLive()
      } else if (state === SessionState.Terminated) {
        this.#audio.detach()
        // The rejection reaches the request delegate after the state change: wait for it.
        queueMicrotask(() => {
          this.#events.onEnded(this.#outcome)
        })
      }
    })
    await inviter.invite({
      requestDelegate: {
        onReject: (response) => {
          this.#outcome.refusal = refusalFromPhrase(response.message.reasonPhrase ?? '')
          if (!this.#outcome.refusal) this.#outcome.error = statusLine(response)
        }
      }
    })
  }

  async switchMode(mode: MonitorMode): Promise<void> {
    const inviter = this.#inviter
    if (inviter.state !== SessionState.Established) throw new Error('not connected')
    // The microphone follows the click, not the agent's answer: the agent's app routes the lead's
    // voice only in a mode it accepted, so sending early is safe and saves the INFO's round trip.
    const previous = this.#mode
    webHandler(inviter)?.enableSenderTracks(leadSpeaks(mode))
    await new Promise<void>((resolve, reject) => {
      inviter
        .info({
          requestOptions: { body: monitorInfoBody({ type: 'mode', mode }) },
          requestDelegate: {
            onAccept: () => {
              resolve()
            },
            onReject: (response) => {
              const phrase = response.message.reasonPhrase ?? ''
              webHandler(inviter)?.enableSenderTracks(leadSpeaks(previous))
              reject(new ModeRefused(statusLine(response), refusalFromPhrase(phrase)))
            }
          }
        })
        .catch(reject)
    })
    this.#mode = mode
    this.#applyMicrophone()
  }

  async stop(): Promise<void> {
    this.#outcome.endReason ??= 'stopped'
    const inviter = this.#inviter
    if (inviter.state === SessionState.Established) await inviter.bye()
    else if (
      inviter.state === SessionState.Establishing ||
      inviter.state === SessionState.Initial
    ) {
      await inviter.cancel()
    }
  }

  #applyMicrophone(): void {
    webHandler(this.#inviter)?.enableSenderTracks(leadSpeaks(this.#mode))
  }

  #onInfo(info: Info): void {
    const { request } = info
    const parsed = parseMonitorInfo(request.getHeader('content-type') ?? '', request.body)
    if (!parsed) {
      void info.reject({ statusCode: 415 }).catch(() => undefined)
      return
    }
    void info.accept().catch(() => undefined)
    if (parsed.type === 'call') this.#events.onCallHeld(parsed.state === 'held')
  }
}

/** The PBX monitors: the lead's app dials its feature code and presses its keys to switch. */
export class PbxLeadCall implements LeadCall {
  readonly #call: CallSession
  readonly #keys: PbxStart['switchKeys']
  readonly #dtmfMethod: DtmfMethod
  #stopped = false

  constructor(
    call: CallSession,
    start: Pick<PbxStart, 'switchKeys' | 'dtmfMethod'>,
    events: LeadCallEvents
  ) {
    this.#call = call
    this.#keys = start.switchKeys
    this.#dtmfMethod = start.dtmfMethod
    call.subscribe({
      onStateChange: (state) => {
        if (state === CallState.Active) events.onLive()
        if (state !== CallState.Ended) return
        const error =
          'endReason' in call && typeof call.endReason === 'string' ? call.endReason : null
        events.onEnded({
          endReason: this.#stopped ? 'stopped' : error ? null : 'call_ended',
          refusal: null,
          error: this.#stopped ? null : error
        })
      }
    })
  }

  async switchMode(mode: MonitorMode): Promise<void> {
    const tones = switchTones(this.#keys[mode])
    if (tones.length === 0) throw new ModeRefused('the PBX has no key for this mode', null)
    const call = this.#call
    if (!call.sendDtmf) throw new Error('this call cannot send DTMF')
    for (const tone of tones) await call.sendDtmf(tone, this.#dtmfMethod)
  }

  async stop(): Promise<void> {
    this.#stopped = true
    if (this.#call.state !== CallState.Ended) await this.#call.hangup()
  }
}
