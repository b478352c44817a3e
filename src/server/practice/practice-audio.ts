/**
 * Renders the simulated customer's lines to WAV (issue 20) when a scenario version is published
 * and, at start, for every published scenario (the seeded samples, and versions published before
 * the server could speak). In the background: a publish answers at once, and a desk asking for a
 * line not rendered yet gets 404 and shows the text alone.
 *
 * Renders run one at a time, in the order asked (one chain): espeak-ng is quick per line, and the
 * server's cores belong to its requests. `idle()` is the chain's end, for tests and shutdown.
 */
import { createHash } from 'node:crypto'

import { languages } from '@shared/domain/customer'
import { practiceAudioKey, scenarioLines, type Scenario, type Sha256 } from '@shared/practice'
import type { Db } from '../db/db'
import { SpeechUnavailableError, type SpeechEngine } from './espeak'
import { hasPracticeAudio, storePracticeAudio } from './practice-audio-store'

export interface PracticeAudioLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

const sha256: Sha256 = (bytes) => Promise.resolve(createHash('sha256').update(bytes).digest())

export interface RenderResult {
  rendered: number
  present: number
  failed: number
}

export class PracticeAudioRenderer {
  readonly #db: Db
  readonly #engine: SpeechEngine | null
  readonly #log: PracticeAudioLog
  #chain: Promise<void> = Promise.resolve()
  /** Set once the engine proved missing: logged once, then every render is skipped. */
  #unavailable = false

  /** `engine` null: speech switched off (nothing renders, nothing is logged). */
  constructor(db: Db, engine: SpeechEngine | null, log: PracticeAudioLog) {
    this.#db = db
    this.#engine = engine
    this.#log = log
  }

  /** Queues the scenarios' lines, both languages; resolves when they are done (never rejects). */
  render(scenarios: readonly Scenario[]): Promise<RenderResult> {
    const done = this.#chain.then(() => this.#renderNow(scenarios))
    const settled = done.catch((error: unknown) => {
      this.#log.warn({ err: error }, 'practice audio could not be rendered')
      return { rendered: 0, present: 0, failed: 1 }
    })
    this.#chain = settled.then(() => undefined)
    return settled
  }

  /** Resolves when every render asked so far has finished. */
  idle(): Promise<void> {
    return this.#chain
  }

  async #renderNow(scenarios: readonly Scenario[]): Promise<RenderResult> {
    const result: RenderResult = { rendered: 0, present: 0, failed: 0 }
    const engine = this.#engine
    if (!engine || this.#unavailable) return result
    for (const scenario of scenarios) {
      for (const language of languages) {
        for (const line of scenarioLines(scenario, language)) {
          const key = await practiceAudioKey(language, line, sha256)
          if (await hasPracticeAudio(this.#db, key)) {
            result.present += 1
            continue
          }
          let wav: Uint8Array
          try {
            wav = await engine.render(line, language)
          } catch (error) {
            if (error instanceof SpeechUnavailableError) {
              this.#unavailable = true
              this.#log.info(
                { reason: error.message },
                'espeak-ng is not installed: practice customers speak as text only'
              )
              return result
            }
            // One line failing (a timeout) leaves the others: that line stays text only.
            result.failed += 1
            this.#log.warn({ err: error, scenario: scenario.id }, 'a practice line did not render')
            continue
          }
          await storePracticeAudio(this.#db, key, language, wav)
          result.rendered += 1
        }
      }
    }
    if (result.rendered > 0 || result.failed > 0) {
      this.#log.info(
        { scenarios: scenarios.map((s) => s.id), ...result },
        'practice customer lines rendered'
      )
    }
    return result
  }
}
