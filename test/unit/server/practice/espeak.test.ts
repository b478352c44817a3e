/**
 * espeak-ng's streaming WAV made complete (its sizes filled in), and the engine refusing to
 * treat a missing binary as a failed line: it is "no speech here", reported once by the renderer.
 */
import { describe, expect, it } from 'vitest'

import { completeWav, espeakEngine, SpeechUnavailableError } from '@server/practice/espeak'

/** A WAV header as espeak-ng streams it: RIFF and data sizes "unknown". */
function streamingWav(samples: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples * 2)
  const view = new DataView(bytes.buffer)
  const put = (at: number, tag: string) => {
    for (let i = 0; i < 4; i++) bytes[at + i] = tag.charCodeAt(i)
  }
  put(0, 'RIFF')
  view.setUint32(4, 0x7ffff024, true)
  put(8, 'WAVE')
  put(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, 1, true)
  view.setUint32(24, 22050, true)
  view.setUint32(28, 44100, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  put(36, 'data')
  view.setUint32(40, 0x7ffff000, true)
  return bytes
}

describe('the rendered WAV', () => {
  it('gets its RIFF and data sizes from the bytes', () => {
    const wav = completeWav(streamingWav(100))
    const view = new DataView(wav.buffer)
    expect(view.getUint32(4, true)).toBe(wav.length - 8)
    expect(view.getUint32(40, true)).toBe(200)
  })

  it('refuses what is not a WAV with data', () => {
    expect(() => completeWav(new TextEncoder().encode('usage: espeak-ng …'))).toThrow(/no WAV/)
    expect(() => completeWav(streamingWav(0).subarray(0, 36))).toThrow(/without data/)
  })
})

describe('espeak-ng missing', () => {
  it('is "no speech here", not a failed line', async () => {
    const engine = espeakEngine({ binary: '/nonexistent/espeak-ng' })
    await expect(engine.render('Hola', 'es')).rejects.toBeInstanceOf(SpeechUnavailableError)
  })
})
