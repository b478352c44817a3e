/**
 * The agent's side of a monitoring call: the lead's INVITE, answered by the app at once (no ring,
 * no phone line, no call record) once the grant is admitted. Its sender carries the mixer's lead
 * ear; the lead's voice goes into the mixer; INFO switches mode (only to a mode of the grant) and
 * tells the lead when the monitored call is held; a BYE with our `Reason` ends it.
 */
import { Invitation, SessionState, type Bye, type Info } from 'sip.js'

import {
  MONITOR_GRANT_HEADER,
  type MonitorEndReason,
  type MonitorMode
} from '@shared/monitoring/monitoring'
import { claimSender, liveCallMedia, onMicrophoneSwap, webHandler } from '../sip-media'
import { warmMicrophone } from '../warm-microphone'
import { MonitorMixer } from './monitor-mixer'
import { decideAgentInfo, monitorInfoBody, reasonHeader } from './monitor-signals'
import { WebAudioMixGraph } from './web-audio-graph'

const AUDIO_ONLY = { constraints: { audio: true, video: false } }

export interface AgentLegEvents {
  /** The lead switched mode (already applied to the audio). */
  onMode(mode: MonitorMode): void
  /** The leg is over: the lead hung up (BYE), or it ended on this side or failed. */
  onEnded(by: 'lead' | 'agent'): void
}

/** A live monitoring leg, as the agent's controller drives it. */
export interface AgentLeg {
  /** The monitored call went on hold (or came back): the lead is told and hears neither. */
  setHeld(held: boolean): Promise<void>
  /** Hangs up with `reason` in the BYE (idempotent). */
  end(reason: MonitorEndReason): Promise<void>
}

export interface MonitorGrantTerms {
  /** The monitored call (the desk's call id). */
  callId: string
  mode: MonitorMode
  modes: readonly MonitorMode[]
}

/** A monitoring INVITE before the agent's app decided (the controller's view of it). */
export interface MonitorInvite {
  /** The grant as signalled, or null when the header is empty. */
  readonly token: string | null
  /** Who called, as signalled (hostile text). */
  readonly from: string
  refuse(status: { statusCode: number; reasonPhrase: string }): Promise<void>
  answer(terms: MonitorGrantTerms, events: AgentLegEvents): Promise<AgentLeg>
}

function audioTrackOf(tracks: (MediaStreamTrack | null)[]): MediaStreamTrack | null {
  return tracks.find((t) => t?.kind === 'audio') ?? null
}

export class SipMonitorInvite implements MonitorInvite {
  readonly #invitation: Invitation

  constructor(invitation: Invitation) {
    this.#invitation = invitation
  }

  get token(): string | null {
    const value = this.#invitation.request.getHeader(MONITOR_GRANT_HEADER)?.trim()
    return value ? value : null
  }

  get from(): string {
    return this.#invitation.remoteIdentity.uri.toString().slice(0, 256)
  }

  async refuse(status: { statusCode: number; reasonPhrase: string }): Promise<void> {
    await this.#invitation.reject(status)
  }

  async answer(terms: MonitorGrantTerms, events: AgentLegEvents): Promise<AgentLeg> {
    const leg = new SipAgentLeg(this.#invitation, terms, events)
    await leg.start()
    return leg
  }
}

class SipAgentLeg implements AgentLeg {
  readonly #invitation: Invitation
  readonly #terms: MonitorGrantTerms
  readonly #events: AgentLegEvents
  #mixer: MonitorMixer<MediaStreamTrack> | null = null
  #cleanups: (() => void)[] = []
  #endedBy: 'lead' | 'agent' | null = null

  constructor(invitation: Invitation, terms: MonitorGrantTerms, events: AgentLegEvents) {
    this.#invitation = invitation
    this.#terms = terms
    this.#events = events
  }

  async start(): Promise<void> {
    const invitation = this.#invitation
    invitation.delegate = {
      onInfo: (info) => {
        this.#onInfo(info).catch(() => undefined)
      },
      onBye: (bye: Bye) => {
        this.#endedBy ??= 'lead'
        void bye.accept().catch(() => undefined)
      }
    }
    invitation.stateChange.addListener((state) => {
      if (state === SessionState.Terminated) this.#finish()
    })
    const microphone = await warmMicrophone.trackForCall()
    const customer = liveCallMedia(this.#terms.callId)?.peerConnection ?? null
    const sender = customer?.getSenders().find((s) => s.track?.kind === 'audio') ?? null
    // Only while it sends the mix is the customer's sender the mixer's: a microphone swap in
    // listen or whisper reaches it as usual.
    let release: (() => void) | null = null
    this.#cleanups.push(() => release?.())
    const mixer = new MonitorMixer<MediaStreamTrack>({
      graph: new WebAudioMixGraph(),
      mode: this.#terms.mode,
      customerSender: sender,
      microphone,
      customerVoice: audioTrackOf(customer?.getReceivers().map((r) => r.track) ?? []),
      onCustomerMix: (hasMix) => {
        release?.()
        release = hasMix && sender ? claimSender(sender) : null
      }
    })
    microphone.stop()
    this.#mixer = mixer
    this.#cleanups.push(
      onMicrophoneSwap((track) => {
        mixer.setMicrophone(track)
      })
    )
    // SIP.js sends a warm-microphone clone on the answer; the lead gets the mix instead.
    try {
      await invitation.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY })
    } catch (error) {
      this.#release()
      throw error
    }
    const pc = webHandler(invitation)?.peerConnection
    const own = pc?.getSenders().find((s) => s.track?.kind === 'audio' || s.track === null)
    const raw = own?.track ?? null
    await own?.replaceTrack(mixer.leadTrack)
    raw?.stop()
    mixer.setLeadVoice(audioTrackOf(pc?.getReceivers().map((r) => r.track) ?? []))
    await mixer.setMode(this.#terms.mode)
  }

  async setHeld(held: boolean): Promise<void> {
    const mixer = this.#mixer
    if (!mixer || mixer.held === held) return
    await mixer.setHeld(held)
    if (this.#invitation.state !== SessionState.Established) return
    const body = monitorInfoBody({ type: 'call', state: held ? 'held' : 'active' })
    await this.#invitation.info({ requestOptions: { body } })
  }

  async end(reason: MonitorEndReason): Promise<void> {
    this.#endedBy ??= 'agent'
    const invitation = this.#invitation
    if (invitation.state === SessionState.Established) {
      await invitation.bye({ requestOptions: { extraHeaders: [reasonHeader(reason)] } })
    } else if (invitation.state === SessionState.Initial) {
      await invitation.reject()
    }
  }

  async #onInfo(info: Info): Promise<void> {
    const { request } = info
    const decision = decideAgentInfo(
      request.getHeader('content-type') ?? '',
      request.body,
      this.#terms.modes
    )
    if (decision.answer !== 200) {
      await info.reject({ statusCode: decision.answer, reasonPhrase: decision.reasonPhrase })
      return
    }
    if (decision.mode && this.#mixer) await this.#mixer.setMode(decision.mode)
    await info.accept()
    if (decision.mode) this.#events.onMode(decision.mode)
  }

  #finish(): void {
    this.#release()
    this.#events.onEnded(this.#endedBy ?? 'agent')
  }

  /** Gives the customer call its own track back and stops the mix. */
  #release(): void {
    for (const cleanup of this.#cleanups) cleanup()
    this.#cleanups = []
    void this.#mixer?.close()
    this.#mixer = null
  }
}
