/**
 * The media side of a SIP call: how its offer/answer is built (warm microphone, prompt ICE), and
 * the live call's audio: the remote party through an audio element on the chosen speaker, mute
 * and hold on the tracks, a new microphone swapped in mid-call. SIP.js negotiates; this only
 * provides and routes the tracks.
 */
import { Web, type Core, type Session } from 'sip.js'

import {
  candidatesSuffice,
  ICE_QUIET_MS,
  iceServerKinds,
  type IceServerKinds
} from './ice-gathering'
import { warmMicrophone, type WarmMicrophone } from './warm-microphone'

/** The web SDH of a session once it exists, or null before the first offer/answer. */
export function webHandler(session: Session): Web.SessionDescriptionHandler | null {
  const sdh = session.sessionDescriptionHandler
  return sdh instanceof Web.SessionDescriptionHandler ? sdh : null
}

/**
 * SIP.js's handler, but it sends the description as soon as the candidates that matter are in
 * (see ice-gathering.ts) instead of waiting for Chromium to declare gathering complete.
 */
class PromptIceSessionDescriptionHandler extends Web.SessionDescriptionHandler {
  readonly #servers: IceServerKinds
  #candidates: { type: RTCIceCandidateType | null; protocol: RTCIceProtocol | null }[] = []
  #lastCandidateAt = 0
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    logger: Core.Logger,
    mediaStreamFactory: Web.MediaStreamFactory,
    configuration: Web.SessionDescriptionHandlerConfiguration,
    servers: IceServerKinds
  ) {
    super(logger, mediaStreamFactory, configuration)
    this.#servers = servers
    // A listener next to SIP.js's own `onicecandidate`, which it keeps for its delegate.
    this.peerConnection?.addEventListener('icecandidate', (event) => {
      if (!event.candidate) return
      this.#candidates.push({ type: event.candidate.type, protocol: event.candidate.protocol })
      this.#lastCandidateAt = performance.now()
      this.#settleSoon()
    })
  }

  protected override waitForIceGatheringComplete(restart = false, timeout = 0): Promise<void> {
    if (restart) this.#candidates = []
    const waiting = super.waitForIceGatheringComplete(restart, timeout)
    this.#settleSoon()
    return waiting
  }

  override close(): void {
    clearTimeout(this.#timer)
    super.close()
  }

  /** Ends the wait once enough candidates are in and none came for {@link ICE_QUIET_MS}. */
  #settleSoon(): void {
    clearTimeout(this.#timer)
    if (!candidatesSuffice(this.#candidates, this.#servers)) return
    const quiet = Math.max(0, ICE_QUIET_MS - (performance.now() - this.#lastCandidateAt))
    this.#timer = setTimeout(() => {
      this.iceGatheringComplete()
    }, quiet)
  }
}

/** Each call's local stream: a clone of the warm microphone (nothing when no audio is asked). */
export function warmMediaStreamFactory(microphone: WarmMicrophone): Web.MediaStreamFactory {
  return async (constraints) => {
    if (!constraints.audio) return new MediaStream()
    return new MediaStream([await microphone.trackForCall()])
  }
}

const DAY_MS = 86_400_000
let certificate: RTCCertificate | null = null

/**
 * Every peer connection otherwise generates its own DTLS certificate while the call is being
 * set up; one generated ahead serves every call (it is valid for 30 days; renewed before).
 */
export async function prepareDtlsCertificate(): Promise<void> {
  if (certificate && certificate.expires > Date.now() + DAY_MS) return
  const algorithm: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' }
  certificate = await RTCPeerConnection.generateCertificate(algorithm)
}

function readyCertificates(): RTCCertificate[] | undefined {
  if (!certificate || certificate.expires < Date.now() + DAY_MS) {
    void prepareDtlsCertificate().catch(() => undefined)
    return undefined
  }
  return [certificate]
}

let phoneIceServers: readonly RTCIceServer[] = []

/** The ICE servers of the phone's current user agent (for the pre-call network check). */
export function iceServersInUse(): readonly RTCIceServer[] {
  return phoneIceServers
}

/**
 * The user agent's SDH factory: warm microphone, prompt ICE, a ready DTLS certificate, and never SIP.js's default public
 * STUN server (no ICE server unless configured).
 */
export function createSessionDescriptionHandlerFactory(
  iceServers: readonly RTCIceServer[] = [],
  microphone: WarmMicrophone = warmMicrophone
): Web.SessionDescriptionHandlerFactory {
  phoneIceServers = iceServers
  const mediaStreamFactory = warmMediaStreamFactory(microphone)
  void prepareDtlsCertificate().catch(() => undefined)
  return (session: Session, options?: Web.SessionDescriptionHandlerFactoryOptions) => {
    const configured = options?.peerConnectionConfiguration ?? {}
    const certificates = readyCertificates()
    const peerConnectionConfiguration: RTCConfiguration = {
      ...(certificates ? { certificates } : {}),
      bundlePolicy: 'balanced',
      iceCandidatePoolSize: 0,
      iceTransportPolicy: 'all',
      rtcpMuxPolicy: 'require',
      ...configured,
      iceServers: configured.iceServers ?? []
    }
    return new PromptIceSessionDescriptionHandler(
      session.userAgent.getLogger('sip.SessionDescriptionHandler'),
      mediaStreamFactory,
      { iceGatheringTimeout: options?.iceGatheringTimeout ?? 500, peerConnectionConfiguration },
      iceServerKinds(peerConnectionConfiguration.iceServers ?? [])
    )
  }
}

/** A call whose media is up: what device switches and the quality indicator need. */
export interface LiveCallMedia {
  id: string
  peerConnection: RTCPeerConnection
  remoteAudio: HTMLAudioElement
}

const liveCalls = new Map<string, LiveCallMedia>()
let speakerId: string | null = null
/** Audio elements that are no call's remote audio but play on the call speaker (monitoring). */
const extraOutputs = new Set<HTMLAudioElement>()
/** Senders whose track someone else manages (a monitoring mix): swapMicrophone leaves them. */
const claimedSenders = new WeakSet<RTCRtpSender>()
const microphoneListeners = new Set<(track: MediaStreamTrack) => void>()

/** The media of a live call by its session id (the call's `info.id`), if it is up. */
export function liveCallMedia(id: string): LiveCallMedia | null {
  return liveCalls.get(id) ?? null
}

/** Every call with media up (a held call and the one in progress, say). */
export function allLiveCallMedia(): LiveCallMedia[] {
  return [...liveCalls.values()]
}

/**
 * Whether the call speaker is the system's default output: sound the page cannot route (the
 * operating system's speech) is then heard where the call is.
 */
export function callSpeakerIsDefault(): boolean {
  return speakerId === null || speakerId === '' || speakerId === 'default'
}

/** Routes an audio element to an output device (null: the system default). */
export async function routeAudio(element: HTMLAudioElement, deviceId: string | null) {
  await element.setSinkId(deviceId ?? '')
}

/** Moves every live call's remote audio to `deviceId` (null: default) and remembers it. */
export async function routeCallsToSpeaker(deviceId: string | null): Promise<void> {
  speakerId = deviceId
  const elements = [...allLiveCallMedia().map((call) => call.remoteAudio), ...extraOutputs]
  await Promise.all(elements.map((element) => routeAudio(element, deviceId)))
}

/**
 * Plays `element` on the call speaker, now and after every device change, until the returned
 * function is called (the lead's voice at a monitored agent's desk is no call's remote audio).
 */
export function playOnCallSpeaker(element: HTMLAudioElement): () => void {
  extraOutputs.add(element)
  if (speakerId) void routeAudio(element, speakerId).catch(() => undefined)
  return () => extraOutputs.delete(element)
}

/**
 * Leaves `sender`'s track to the caller until the returned function is called: a monitoring mix
 * sends its own track there, and takes the new microphone through {@link onMicrophoneSwap}.
 */
export function claimSender(sender: RTCRtpSender): () => void {
  claimedSenders.add(sender)
  return () => claimedSenders.delete(sender)
}

/** Tells `listener` about each microphone swapped into the calls; returns an unsubscribe. */
export function onMicrophoneSwap(listener: (track: MediaStreamTrack) => void): () => void {
  microphoneListeners.add(listener)
  return () => microphoneListeners.delete(listener)
}

/**
 * Puts a new microphone track into every live call without renegotiation (replaceTrack keeps
 * the call up); each call gets its own clone and keeps its mute/hold state. A claimed sender (a
 * monitoring mix) is left alone: its owner hears of the track through {@link onMicrophoneSwap}.
 */
export async function swapMicrophone(track: MediaStreamTrack): Promise<void> {
  for (const listener of microphoneListeners) listener(track)
  await Promise.all(
    allLiveCallMedia().flatMap((call) =>
      call.peerConnection
        .getSenders()
        .filter((sender) => !claimedSenders.has(sender))
        .filter((sender) => sender.track?.kind === 'audio' || sender.track === null)
        .map(async (sender) => {
          const old = sender.track
          const fresh = track.clone()
          fresh.enabled = old?.enabled ?? true
          await sender.replaceTrack(fresh)
          old?.stop()
        })
    )
  )
}

/** Plays the remote stream; an audio element (not WebAudio) so `setSinkId` can pick a device. */
export class RemoteAudio {
  readonly #element: HTMLAudioElement
  #id: string | null = null

  constructor() {
    this.#element = document.createElement('audio')
    this.#element.autoplay = true
  }

  attach(session: Session): void {
    const sdh = webHandler(session)
    if (!sdh) return
    this.#element.srcObject = sdh.remoteMediaStream
    const peerConnection = sdh.peerConnection
    if (peerConnection) {
      this.#id = session.id
      liveCalls.set(session.id, { id: session.id, peerConnection, remoteAudio: this.#element })
    }
    if (speakerId) void routeAudio(this.#element, speakerId).catch(() => undefined)
    // Autoplay can be refused without a user gesture; the answer or dial click usually is one.
    this.#element.play().catch(() => undefined)
  }

  detach(): void {
    if (this.#id) liveCalls.delete(this.#id)
    this.#id = null
    this.#element.pause()
    this.#element.srcObject = null
  }
}

/** Applies mute and hold to the tracks: send only when neither; receive unless held. */
export function applyTrackFlags(session: Session, flags: { muted: boolean; held: boolean }): void {
  const sdh = webHandler(session)
  if (!sdh) return
  sdh.enableReceiverTracks(!flags.held)
  sdh.enableSenderTracks(!flags.held && !flags.muted)
}
