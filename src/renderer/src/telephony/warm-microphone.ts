/**
 * The microphone, opened once while the phone can take calls and shared by every call.
 *
 * Opening a capture device costs 50–300 ms on real hardware (and the first getUserMedia of a
 * page ≈100 ms even with Chromium's fake device); doing it per call puts that before every
 * INVITE and every answer. Each call gets a clone of the warm track instead: SIP.js stops a
 * call's tracks when the call ends, and stopping a clone leaves the warm source open.
 *
 * If the source ends (device unplugged, permission revoked) it is opened again on the chosen
 * device or, failing that, the default one, and listeners get the new track to swap into live
 * calls.
 */

/** What the microphone needs of a capture track (MediaStreamTrack; a fake one in unit tests). */
export interface CaptureTrack<T> {
  readonly readyState: MediaStreamTrackState
  clone(): T
  stop(): void
  addEventListener(type: 'ended', listener: () => void): void
}

/** Opens a capture device (null: the system default) and resolves with its audio track. */
export type OpenMicrophone<T> = (deviceId: string | null) => Promise<T>

export type TrackListener<T> = (track: T) => void

/** Capture constraints for a device id (null: the system default). */
export function microphoneConstraints(deviceId: string | null): MediaStreamConstraints {
  return { audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false }
}

async function openWithGetUserMedia(deviceId: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia(microphoneConstraints(deviceId))
  const track = stream.getAudioTracks()[0]
  if (!track) throw new Error('the microphone gave no audio track')
  return track
}

export class WarmMicrophone<T extends CaptureTrack<T> = MediaStreamTrack> {
  readonly #openMicrophone: OpenMicrophone<T>
  readonly #listeners = new Set<TrackListener<T>>()
  #source: T | null = null
  #opening: Promise<T> | null = null
  #deviceId: string | null = null
  /** True between {@link warm} and {@link release}: an ended source is reopened only then. */
  #wanted = false
  #lastError: string | null = null

  constructor(openMicrophone: OpenMicrophone<T>) {
    this.#openMicrophone = openMicrophone
  }

  /** The open source track, if any (for level meters); never hand it to a call. */
  get source(): T | null {
    return this.#source
  }

  get deviceId(): string | null {
    return this.#deviceId
  }

  /** Why the microphone could not be opened the last time it was tried, if it could not. */
  get lastError(): string | null {
    return this.#lastError
  }

  /** Opens the microphone now and keeps it open until {@link release}. */
  async warm(): Promise<void> {
    this.#wanted = true
    await this.#open()
  }

  /** Closes the microphone (logout, phone stopped); live calls keep their clones. */
  release(): void {
    this.#wanted = false
    this.#opening = null
    this.#source?.stop()
    this.#source = null
  }

  /** A new track for one call, cloned from the warm source (opened now if it is not). */
  async trackForCall(): Promise<T> {
    return (await this.#open()).clone()
  }

  /** Switches to another input device (null: default) and tells listeners about the new track. */
  async useDevice(deviceId: string | null): Promise<void> {
    if (deviceId === this.#deviceId && this.#source?.readyState === 'live') return
    this.#deviceId = deviceId
    const open = this.#source !== null || this.#wanted
    this.#stopSource()
    if (open) this.#announce(await this.#open())
  }

  /** Subscribes to source changes (a new device, or a reopened one); returns an unsubscribe. */
  onTrackChange(listener: TrackListener<T>): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #open(): Promise<T> {
    if (this.#source?.readyState === 'live') return Promise.resolve(this.#source)
    this.#opening ??= this.#acquire().finally(() => {
      this.#opening = null
    })
    return this.#opening
  }

  async #acquire(): Promise<T> {
    let track: T
    try {
      track = await this.#openMicrophone(this.#deviceId)
    } catch (error) {
      if (this.#deviceId === null) {
        this.#lastError = error instanceof Error ? error.name : String(error)
        throw error
      }
      // The chosen device is gone or refused: the default one keeps the agent reachable.
      this.#deviceId = null
      track = await this.#openMicrophone(null)
    }
    this.#lastError = null
    this.#source = track
    track.addEventListener('ended', () => {
      this.#onEnded(track)
    })
    return track
  }

  #onEnded(track: T): void {
    if (this.#source !== track) return
    this.#source = null
    if (!this.#wanted) return
    this.#open().then(
      (fresh) => {
        this.#announce(fresh)
      },
      () => undefined
    )
  }

  #stopSource(): void {
    const source = this.#source
    this.#source = null
    source?.stop()
  }

  #announce(track: T): void {
    for (const listener of this.#listeners) listener(track)
  }
}

/** The workstation's one microphone. */
export const warmMicrophone = new WarmMicrophone(openWithGetUserMedia)
