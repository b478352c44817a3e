/// <reference lib="dom" />
/**
 * What a page ACTUALLY PLAYS, measured per frequency, so a test can tell each party's tone apart
 * in a mix (a monitored call mixes the agent, the customer and the lead in the agent's app).
 *
 * An init script records every media element the page gives a stream (and reads those in the DOM) and, for
 * WebAudio output, taps each AudioContext's destination: whatever the page connects to
 * `context.destination` is also connected to a MediaStream the probe can read. A measurement
 * analyses the streams of the elements that are playing and not muted (their `srcObject`) plus
 * the taps of running contexts, and reports, for each asked frequency, the level in dB of the
 * loudest analyser bin within ±{@link HZ_TOLERANCE} of it, averaged over the listening window.
 * The app ships no test hook: this is the test's own instrumentation.
 */
import type { BrowserContext, Page } from '@playwright/test'

/** One FFT bin at 48 kHz / 8192 is ≈ 6 Hz; Opus and resampling smear a little more. */
export const HZ_TOLERANCE = 20

declare global {
  interface Window {
    /** Media elements created by the page, whether or not they were put in the DOM. */
    __e2eMediaElements?: Set<HTMLMediaElement>
    /** For each AudioContext of the page, a stream of everything sent to its destination. */
    __e2eAudioTaps?: Map<BaseAudioContext, MediaStream>
    /** Set while the probe builds its own analysis graph, so it taps nothing of its own. */
    __e2eProbing?: boolean
  }
}

type Connect = (
  this: AudioNode,
  destination: AudioNode | AudioParam,
  output?: number,
  input?: number
) => AudioNode | undefined
type Disconnect = (this: AudioNode, ...args: unknown[]) => void

/** The init script: runs in the page before the app, so it sees every element and context. */
function probe(): void {
  // Every element the page gives a stream to play, whether or not it is in the DOM.
  const elements = new Set<HTMLMediaElement>()
  window.__e2eMediaElements = elements
  const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject')
  const nativeSet: unknown = Reflect.get(srcObject ?? {}, 'set')
  const setSource = nativeSet as ((this: HTMLMediaElement, value: unknown) => void) | undefined
  if (srcObject && setSource) {
    Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
      ...srcObject,
      set(this: HTMLMediaElement, value: MediaProvider | null) {
        elements.add(this)
        setSource.call(this, value)
      }
    })
  }

  const taps = new Map<BaseAudioContext, MediaStream>()
  window.__e2eAudioTaps = taps
  const tapNodes = new WeakMap<BaseAudioContext, MediaStreamAudioDestinationNode>()
  const NativeContext = window.AudioContext
  window.AudioContext = class extends NativeContext {
    constructor(options?: AudioContextOptions) {
      super(options)
      if (window.__e2eProbing) return
      const tap = this.createMediaStreamDestination()
      tapNodes.set(this, tap)
      taps.set(this, tap.stream)
    }
  }
  const nativeConnect: unknown = Object.getOwnPropertyDescriptor(
    AudioNode.prototype,
    'connect'
  )?.value
  const nativeDisconnect: unknown = Object.getOwnPropertyDescriptor(
    AudioNode.prototype,
    'disconnect'
  )?.value
  const connect = nativeConnect as Connect
  const disconnect = nativeDisconnect as Disconnect
  // Method shorthand only: a bundler with keepNames (tsx, for the bench) wraps named function
  // expressions in a helper the page does not have.
  Object.defineProperty(AudioNode.prototype, 'connect', {
    value(this: AudioNode, destination: AudioNode | AudioParam, output?: number, input?: number) {
      const result = connect.call(this, destination, output, input)
      if (destination instanceof AudioDestinationNode) {
        const tap = tapNodes.get(destination.context)
        if (tap) connect.call(this, tap, output)
      }
      return result
    }
  })
  Object.defineProperty(AudioNode.prototype, 'disconnect', {
    value(this: AudioNode, ...args: unknown[]) {
      disconnect.apply(this, args)
      const [destination] = args
      if (destination instanceof AudioDestinationNode) {
        const tap = tapNodes.get(destination.context)
        try {
          if (tap) disconnect.call(this, tap)
        } catch {
          // Not connected to the tap (connected before the probe saw it): nothing to undo.
        }
      }
    }
  })
}

/** Installs the probe on `context`: call before the app loads. */
export async function recordPlayedAudio(context: BrowserContext): Promise<void> {
  await context.addInitScript(probe)
}

export interface PlayedLevels {
  /** The level in dB at each asked frequency (about -100 or lower: nothing there). */
  db: Record<number, number>
  /** How many streams were playing (elements and WebAudio outputs). */
  sources: number
  /** The loudest bin at any frequency, in dB: whether anything at all is heard (a voice). */
  peakDb: number
}

/** Listens for `ms` to what the page plays and reports the level at each of `frequencies`. */
export function playedLevels(
  page: Page,
  frequencies: readonly number[],
  ms = 700
): Promise<PlayedLevels> {
  return page.evaluate(
    async ({ frequencies, ms, tolerance }) => {
      const inDom = Array.from(document.querySelectorAll<HTMLMediaElement>('audio, video'))
      const elements = new Set([...(window.__e2eMediaElements ?? []), ...inDom])
      const streams: MediaStream[] = []
      for (const element of elements) {
        const stream = element.srcObject
        if (element.paused || element.muted || element.volume === 0) continue
        if (!(stream instanceof MediaStream)) continue
        streams.push(stream)
      }
      for (const [context, stream] of window.__e2eAudioTaps ?? []) {
        if (context.state === 'running') streams.push(stream)
      }
      const tracks = streams
        .flatMap((s) => s.getAudioTracks())
        .filter((t) => t.readyState === 'live')
      const silent = Object.fromEntries(frequencies.map((hz) => [hz, -Infinity]))
      if (tracks.length === 0) return { db: silent, sources: 0, peakDb: -Infinity }
      window.__e2eProbing = true
      const context = new AudioContext()
      window.__e2eProbing = false
      try {
        await context.resume()
        const analyser = context.createAnalyser()
        analyser.fftSize = 8192
        // Each read is one window; the average below is the probe's own smoothing.
        analyser.smoothingTimeConstant = 0
        for (const track of tracks) {
          context.createMediaStreamSource(new MediaStream([track])).connect(analyser)
        }
        const binHz = context.sampleRate / analyser.fftSize
        const bins = new Float32Array(analyser.frequencyBinCount)
        const power = new Float64Array(analyser.frequencyBinCount)
        let reads = 0
        // The graph needs a moment to fill the FFT window with the streams' audio.
        await new Promise((r) => setTimeout(r, 200))
        const deadline = performance.now() + ms
        while (performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100))
          analyser.getFloatFrequencyData(bins)
          bins.forEach((db, i) => {
            power[i] = (power[i] ?? 0) + 10 ** (db / 10)
          })
          reads++
        }
        const db: Record<number, number> = {}
        for (const hz of frequencies) {
          let best = -Infinity
          const from = Math.max(0, Math.floor((hz - tolerance) / binHz))
          const to = Math.min(power.length - 1, Math.ceil((hz + tolerance) / binHz))
          for (let i = from; i <= to; i++) {
            const level = 10 * Math.log10((power[i] ?? 0) / Math.max(1, reads))
            if (level > best) best = level
          }
          db[hz] = Math.round(best * 10) / 10
        }
        let peak = -Infinity
        for (const p of power) {
          if (p > 0) peak = Math.max(peak, 10 * Math.log10(p / Math.max(1, reads)))
        }
        return { db, sources: tracks.length, peakDb: Math.round(peak * 10) / 10 }
      } finally {
        await context.close()
      }
    },
    { frequencies: [...frequencies], ms, tolerance: HZ_TOLERANCE }
  )
}
