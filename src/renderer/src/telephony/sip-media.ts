/**
 * The media side of a SIP call: plays the remote party through an audio element and switches
 * local and remote tracks for mute and hold. SIP.js negotiates; this only routes the tracks.
 */
import { Web, type Session } from 'sip.js'

/** The web SDH of a session once it exists, or null before the first offer/answer. */
export function webHandler(session: Session): Web.SessionDescriptionHandler | null {
  const sdh = session.sessionDescriptionHandler
  return sdh instanceof Web.SessionDescriptionHandler ? sdh : null
}

/** Plays the remote stream; an audio element (not WebAudio) so `setSinkId` can pick a device. */
export class RemoteAudio {
  readonly #element: HTMLAudioElement

  constructor() {
    this.#element = document.createElement('audio')
    this.#element.autoplay = true
  }

  attach(session: Session): void {
    const sdh = webHandler(session)
    if (!sdh) return
    this.#element.srcObject = sdh.remoteMediaStream
    // Autoplay can be refused without a user gesture; the answer or dial click usually is one.
    this.#element.play().catch(() => undefined)
  }

  detach(): void {
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
