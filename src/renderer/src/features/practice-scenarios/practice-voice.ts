/**
 * The simulated customer's voice on a solo practice call (issue 20): each new line of the
 * transcript is fetched as the WAV the server rendered (by its content key) and played in order.
 * A line without audio is spoken by the operating system's voice where the desk has one that
 * reaches the call (os-voice.ts), else skipped in silence: the panel shows it as text anyway.
 *
 * Pure bookkeeping here (which lines are new, the order of playing); the browser's decoding and
 * output are in `call-speaker-player.ts`, so tests drive this with fakes.
 */
import type { Language } from '@shared/domain/customer'

/**
 * What to say when the transcript becomes `now`, having said `heard`: the lines after the part
 * both share. Going back a step (`now` a prefix of `heard`) says nothing and forgets nothing, so
 * stepping forward again does not repeat those lines either; a different step after going back
 * is new and said.
 */
export function linesToSpeak(
  heard: readonly string[],
  now: readonly string[]
): { speak: string[]; heard: readonly string[] } {
  let shared = 0
  while (shared < heard.length && shared < now.length && heard[shared] === now[shared]) shared++
  if (shared === now.length) return { speak: [], heard }
  return { speak: now.slice(shared), heard: [...now] }
}

/** Playing one line; `stop` cuts it short and `done` then resolves. */
export interface Playback {
  done: Promise<void>
  stop(): void
}

export interface VoiceDeps {
  keyOf(language: Language, text: string): Promise<string>
  /** The line's WAV, or null when the server has none or is away. */
  fetchWav(key: string): Promise<ArrayBuffer | null>
  play(wav: ArrayBuffer): Promise<Playback>
  /** The desktop's own voice for a line without audio; null when it has none for the call. */
  speak?: (language: Language, text: string) => Playback | null
  /** Releases the output (the call ended). */
  close(): void
}

interface QueuedLine {
  language: Language
  text: string
  wav: Promise<ArrayBuffer | null>
}

/** One call's voice: lines queued in order, fetched ahead, played one after another. */
export class PracticeVoice {
  readonly #deps: VoiceDeps
  readonly #queue: QueuedLine[] = []
  #playing: Playback | null = null
  #draining = false
  #stopped = false

  constructor(deps: VoiceDeps) {
    this.#deps = deps
  }

  say(lines: readonly string[], language: Language): void {
    if (this.#stopped) return
    for (const line of lines) {
      // Fetched now, so the next line is ready when the previous one ends.
      const wav = this.#deps
        .keyOf(language, line)
        .then((key) => this.#deps.fetchWav(key))
        .catch(() => null)
      this.#queue.push({ language, text: line, wav })
    }
    if (!this.#draining) void this.#drain()
  }

  /** Silences the voice for good: what plays stops, what is queued is dropped. */
  stop(): void {
    if (this.#stopped) return
    this.#stopped = true
    this.#queue.length = 0
    this.#playing?.stop()
    this.#playing = null
    this.#deps.close()
  }

  #halted(): boolean {
    return this.#stopped
  }

  async #drain(): Promise<void> {
    this.#draining = true
    try {
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
        const wav = await next.wav
        if (this.#stopped) return
        try {
          const playback = wav
            ? await this.#deps.play(wav)
            : (this.#deps.speak?.(next.language, next.text) ?? null)
          if (playback === null) continue
          // stop() may have come while the line was decoding.
          if (this.#halted()) {
            playback.stop()
            return
          }
          this.#playing = playback
          await playback.done
        } catch {
          // A WAV the browser cannot decode is a line without audio: its text is there.
        }
        this.#playing = null
      }
    } finally {
      this.#draining = false
    }
  }
}
