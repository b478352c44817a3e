/**
 * The agent's side of a monitored call: the three voices (the agent's microphone, the customer,
 * the lead) meet here and reach the three ears per `routingFor(mode, held)` (audio-routing.ts).
 * A mode switch or a hold only changes gains; no call is renegotiated.
 *
 * - The lead's ear is the monitoring call's sender track (always the mix).
 * - The customer's ear is the customer call's own sender, which keeps its plain microphone clone
 *   unless the matrix lets the customer hear the lead (barge): then, and only then, the sender
 *   gets the mixed track (replaceTrack), and its own track is put back after. Mute and hold keep
 *   working: they set `enabled` on whatever track the sender has, and that flag travels with
 *   each swap.
 * - The agent's ear is the lead's voice only: the customer's voice keeps playing from the
 *   customer call's own audio element, as before monitoring (hold silences it there), so listen
 *   and whisper never touch the agent–customer audio.
 *
 * The graph is behind {@link MixGraph}: WebAudio in the app (web-audio-graph.ts), a fake in tests.
 */
import { routingFor, voices, type Voice } from '@shared/monitoring/audio-routing'
import type { MonitorMode } from '@shared/monitoring/monitoring'

/** What the mixer needs of a track (MediaStreamTrack; a fake one in unit tests). */
export interface MixTrack<T> {
  enabled: boolean
  clone(): T
  stop(): void
}

/** The audio graph: one input per voice, one mix per ear, a 0/1 gain per voice and ear. */
export interface MixGraph<T> {
  /** Feeds `voice` from `track` (null: silence), replacing what fed it. */
  setVoice(voice: Voice, track: T | null): void
  setGain(ear: Voice, voice: Voice, gain: 0 | 1): void
  /** The mix an ear gets that leaves through a call (the lead's or the customer's). */
  earTrack(ear: 'lead' | 'customer'): T
  /** Stops everything (the agent's own output included). */
  close(): void
}

/** The customer call's audio sender (an RTCRtpSender; a fake in unit tests). */
export interface CallSender<T> {
  readonly track: T | null
  replaceTrack(track: T | null): Promise<void>
}

/** The customer's voice never goes through the graph to the agent: see the header. */
const playedElsewhere = (ear: Voice, voice: Voice) => ear === 'agent' && voice === 'customer'

export class MonitorMixer<T extends MixTrack<T>> {
  readonly #graph: MixGraph<T>
  readonly #sender: CallSender<T> | null
  readonly #onCustomerMix: (hasMix: boolean) => void
  #mode: MonitorMode
  #held = false
  /** The customer call's own track while the mix stands in for it (barge). */
  #ownTrack: T | null = null
  #switched = false
  #microphone: T | null = null
  #closed = false
  /** Sender swaps in order, so a quick barge → listen never restores before it switched. */
  #queue: Promise<void> = Promise.resolve()

  constructor(options: {
    graph: MixGraph<T>
    mode: MonitorMode
    /** The customer call's sender; null when the call has no media (nothing to switch). */
    customerSender: CallSender<T> | null
    /** The agent's microphone (the mixer keeps a clone of its own). */
    microphone: T | null
    /** The customer's voice: the customer call's remote track. */
    customerVoice: T | null
    /**
     * The customer call's sender got the mix (true) or its own track back (false): while it has
     * the mix, a microphone swap must leave that sender to the mixer.
     */
    onCustomerMix?: (hasMix: boolean) => void
  }) {
    this.#graph = options.graph
    this.#sender = options.customerSender
    this.#onCustomerMix = options.onCustomerMix ?? (() => undefined)
    this.#mode = options.mode
    this.setMicrophone(options.microphone)
    this.#graph.setVoice('customer', options.customerVoice)
    this.#applyGains()
  }

  get mode(): MonitorMode {
    return this.#mode
  }

  get held(): boolean {
    return this.#held
  }

  /** The track to send to the lead on the monitoring call. */
  get leadTrack(): T {
    return this.#graph.earTrack('lead')
  }

  /** True while the customer call's sender has the mix (barge, call not held). */
  get customerHearsMix(): boolean {
    return this.#switched
  }

  setLeadVoice(track: T | null): void {
    this.#graph.setVoice('lead', track)
  }

  /** A new microphone (device swap): the mix takes it, and the call's own track follows it. */
  setMicrophone(track: T | null): void {
    this.#microphone?.stop()
    this.#microphone = track ? track.clone() : null
    this.#graph.setVoice('agent', this.#microphone)
    if (this.#switched && track) {
      const fresh = track.clone()
      fresh.enabled = this.#ownTrack?.enabled ?? true
      this.#ownTrack?.stop()
      this.#ownTrack = fresh
    }
  }

  setMode(mode: MonitorMode): Promise<void> {
    this.#mode = mode
    return this.#apply()
  }

  setHeld(held: boolean): Promise<void> {
    this.#held = held
    return this.#apply()
  }

  /** Puts the customer call's own track back and stops the graph. */
  async close(): Promise<void> {
    this.#closed = true
    await this.#enqueue(() => this.#restoreSender())
    this.#microphone?.stop()
    this.#microphone = null
    this.#graph.close()
  }

  #apply(): Promise<void> {
    if (this.#closed) return Promise.resolve()
    this.#applyGains()
    return this.#enqueue(() => this.#routeSender())
  }

  #applyGains(): void {
    const matrix = routingFor(this.#mode, this.#held)
    for (const ear of voices) {
      for (const voice of voices) {
        if (ear === voice || playedElsewhere(ear, voice)) continue
        this.#graph.setGain(ear, voice, matrix[ear][voice])
      }
    }
  }

  /**
   * A sender swap that fails (the customer call closed under it) changes nothing for the lead nor
   * the agent: the gains are applied already, so the failure is dropped rather than failing the
   * mode switch or the close.
   */
  #enqueue(step: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(step).catch(() => undefined)
    return this.#queue
  }

  async #routeSender(): Promise<void> {
    if (this.#closed) return
    const customerHearsLead = routingFor(this.#mode, this.#held).customer.lead === 1
    if (customerHearsLead) await this.#switchSender()
    else await this.#restoreSender()
  }

  async #switchSender(): Promise<void> {
    const sender = this.#sender
    if (!sender || this.#switched) return
    const own = sender.track
    const mix = this.#graph.earTrack('customer')
    mix.enabled = own?.enabled ?? true
    this.#onCustomerMix(true)
    await sender.replaceTrack(mix)
    this.#ownTrack = own
    this.#switched = true
  }

  async #restoreSender(): Promise<void> {
    const sender = this.#sender
    if (!sender || !this.#switched) return
    const mix = this.#graph.earTrack('customer')
    const own = this.#ownTrack
    if (own) own.enabled = mix.enabled
    await sender.replaceTrack(own)
    this.#ownTrack = null
    this.#switched = false
    this.#onCustomerMix(false)
  }
}
