/**
 * The simulated customer's voice (issue 20): each line a scenario can say is rendered to audio
 * once, on the server, and stored under a key made of its content, so the desk finds a line's
 * audio from the text it shows alone (no scenario id or version in the key: two scenarios, or two
 * versions, sharing a line share its audio, and a published line's audio never changes).
 *
 * The key is the hex SHA-256 of `${language}\n${text}`; the server hashes with node:crypto and
 * the desk with Web Crypto, so the hash is passed in and both sides run this same code.
 */
import { z } from 'zod'

import type { Language } from '../domain/customer'
import { pickText, type LocalizedText } from '../scripts/localized-text'
import type { Scenario } from './scenario-schema'

/** A SHA-256 over bytes, resolved with the 32-byte digest (Web Crypto's or node:crypto's). */
export type Sha256 = (bytes: Uint8Array) => Promise<ArrayBuffer | Uint8Array>

/** 64 lower-case hex digits: what `practiceAudioKey` makes and the audio route accepts. */
export const practiceAudioKeySchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'a practice audio key is 64 lower-case hex digits')

export const practiceAudioParamsSchema = z.strictObject({ key: practiceAudioKeySchema })

export const PRACTICE_AUDIO_PATH = '/api/practice-scenarios/audio'

/** The route of one line's audio. */
export const practiceAudioPath = (key: string): string => `${PRACTICE_AUDIO_PATH}/${key}`

function hex(digest: ArrayBuffer | Uint8Array): string {
  const bytes = digest instanceof Uint8Array ? digest : new Uint8Array(digest)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The content address of one line as the customer says it in `language`. */
export async function practiceAudioKey(
  language: Language,
  text: string,
  sha256: Sha256
): Promise<string> {
  return hex(await sha256(new TextEncoder().encode(`${language}\n${text}`)))
}

/**
 * Every line the scenario's customer can say in `language`, each once, in the scenario's order:
 * the turns' lines, objections and how they settle, answers to offers, the reactions to mistakes
 * and the answers to a compensation. The texts are picked as `customerTurn` picks them
 * (`pickText`, with its fallback to the other language), so the keys match what the desk shows.
 */
export function scenarioLines(scenario: Scenario, language: Language): string[] {
  const { turns, reactions, compensation } = scenario.customer
  const groups: (readonly LocalizedText[] | undefined)[] = [
    ...turns.flatMap((t) => [t.says, t.objection?.says, t.objection?.settled, t.offer?.says]),
    reactions.wrongAnswer,
    reactions.wrongBranch,
    reactions.skippedMandatory,
    compensation?.accepts,
    compensation?.tooLow,
    compensation?.tooHigh
  ]
  const lines = groups.flatMap((g) => (g ?? []).map((t) => pickText(t, language)))
  return [...new Set(lines)].filter((line) => line !== '')
}
