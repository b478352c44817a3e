/**
 * Speech for the simulated customer, rendered offline with espeak-ng (Debian's `espeak-ng`,
 * Spanish and English voices). Optional: a server without the binary renders nothing and desks
 * show the customer's lines as text only.
 *
 * The text goes to the child's stdin, never on a command line or through a shell: a line is the
 * trainer's text, and one starting with `-` or holding shell syntax must stay words. Without
 * `-m` espeak-ng reads no markup, so `<` and `&` are read as text too.
 */
import { spawn } from 'node:child_process'

import type { Language } from '@shared/domain/customer'

export interface SpeechEngine {
  /** A complete WAV (sizes filled in) of `text` spoken in `language`. */
  render(text: string, language: Language): Promise<Uint8Array>
}

/** The engine cannot run here at all (no binary): nothing will render, so stop trying. */
export class SpeechUnavailableError extends Error {}

export interface EspeakOptions {
  binary?: string
  /** A line of 4,000 characters renders in well under a second here; a hang is killed. */
  timeoutMs?: number
  /** Refuses output beyond this (a 4,000-character line is about 12 MB at espeak's rate). */
  maxBytes?: number
}

const VOICES: Record<Language, string> = { es: 'es', en: 'en' }

/** Control characters (NUL included) mean nothing to a voice: read as spaces. */
// eslint-disable-next-line no-control-regex
const speakable = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, ' ')

export function espeakEngine(options: EspeakOptions = {}): SpeechEngine {
  const binary = options.binary ?? 'espeak-ng'
  const timeoutMs = options.timeoutMs ?? 20_000
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024
  return {
    render: (text, language) =>
      new Promise<Uint8Array>((resolve, reject) => {
        const child = spawn(binary, ['-v', VOICES[language], '--stdout'], {
          shell: false,
          stdio: ['pipe', 'pipe', 'pipe'],
          timeout: timeoutMs,
          killSignal: 'SIGKILL'
        })
        const chunks: Buffer[] = []
        let size = 0
        let stderr = ''
        child.stdout.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBytes) child.kill('SIGKILL')
          else chunks.push(chunk)
        })
        child.stderr.on('data', (chunk: Buffer) => {
          if (stderr.length < 2000) stderr += chunk.toString('utf8')
        })
        child.on('error', (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'ENOENT'
              ? new SpeechUnavailableError(`${binary} is not installed`)
              : error
          )
        })
        child.on('close', (code, signal) => {
          if (code !== 0) {
            const why = signal ? `killed (${signal})` : `exit ${String(code)}`
            reject(new Error(`${binary} failed: ${why} ${stderr.trim()}`.trim()))
            return
          }
          try {
            resolve(completeWav(Buffer.concat(chunks)))
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        })
        // A child that died at once closes stdin under us: its own error or exit reports it.
        child.stdin.on('error', () => undefined)
        child.stdin.end(speakable(text), 'utf8')
      })
  }
}

/**
 * espeak-ng writes a streaming WAV to stdout, its sizes set to "unknown" (0x7ffff000-ish):
 * browsers decode that unevenly, so the RIFF and data sizes are filled in from the bytes.
 */
export function completeWav(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    throw new Error('the speech engine wrote no WAV')
  }
  view.setUint32(4, bytes.length - 8, true)
  let at = 12
  while (at + 8 <= bytes.length) {
    if (tag(at) === 'data') {
      view.setUint32(at + 4, bytes.length - at - 8, true)
      return bytes
    }
    at += 8 + view.getUint32(at + 4, true)
  }
  throw new Error('the speech engine wrote a WAV without data')
}
