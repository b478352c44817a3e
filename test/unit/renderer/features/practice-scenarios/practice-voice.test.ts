/**
 * The practice customer's voice: new lines at the end of the transcript are said once, in order,
 * each fetched by its key; going back says nothing and does not make the lines said again; a line
 * without audio is spoken by the desktop's voice when there is one, else skipped; stopping
 * silences what plays and drops what is queued.
 */
import { describe, expect, it } from 'vitest'

import {
  linesToSpeak,
  PracticeVoice,
  type Playback,
  type VoiceDeps
} from '@renderer/features/practice-scenarios/practice-voice'

describe('which lines are new', () => {
  it('says the lines after those already heard', () => {
    expect(linesToSpeak([], ['a', 'b'])).toEqual({ speak: ['a', 'b'], heard: ['a', 'b'] })
    expect(linesToSpeak(['a', 'b'], ['a', 'b', 'c'])).toEqual({
      speak: ['c'],
      heard: ['a', 'b', 'c']
    })
    expect(linesToSpeak(['a', 'b'], ['a', 'b'])).toEqual({ speak: [], heard: ['a', 'b'] })
  })

  it('says nothing going back, and nothing again stepping forward to the same lines', () => {
    const back = linesToSpeak(['a', 'b', 'c'], ['a'])
    expect(back).toEqual({ speak: [], heard: ['a', 'b', 'c'] })
    expect(linesToSpeak(back.heard, ['a', 'b', 'c']).speak).toEqual([])
    expect(linesToSpeak(back.heard, ['a', 'b', 'c', 'd']).speak).toEqual(['d'])
  })

  it('says another step taken after going back', () => {
    expect(linesToSpeak(['a', 'b', 'c'], ['a', 'x'])).toEqual({ speak: ['x'], heard: ['a', 'x'] })
  })

  it('says a line repeated at a new step (the customer insists)', () => {
    expect(linesToSpeak(['a', 'obj'], ['a', 'obj', 'obj']).speak).toEqual(['obj'])
  })
})

/** A fake output: each play is a line until the test ends it; keys are `language:text`. */
function fakeVoice(missing: readonly string[] = []) {
  const played: string[] = []
  const stopped: string[] = []
  const ends: (() => void)[] = []
  let closed = 0
  const deps: VoiceDeps = {
    keyOf: (language, text) => Promise.resolve(`${language}:${text}`),
    fetchWav: (key) =>
      Promise.resolve(missing.includes(key) ? null : new TextEncoder().encode(key).buffer),
    play: (wav) => {
      const key = new TextDecoder().decode(wav)
      played.push(key)
      let end: () => void = () => undefined
      const done = new Promise<void>((resolve) => {
        end = resolve
      })
      ends.push(end)
      const playback: Playback = {
        done,
        stop: () => {
          stopped.push(key)
          end()
        }
      }
      return Promise.resolve(playback)
    },
    close: () => {
      closed += 1
    }
  }
  const settle = () => new Promise((r) => setTimeout(r, 0))
  const endLine = async () => {
    ends.shift()?.()
    await settle()
  }
  return { deps, played, stopped, settle, endLine, closed: () => closed }
}

describe('the voice', () => {
  it('plays the lines one after another, in order, skipping one without audio', async () => {
    const fake = fakeVoice(['es:b'])
    const voice = new PracticeVoice(fake.deps)
    voice.say(['a', 'b', 'c'], 'es')
    await fake.settle()
    expect(fake.played).toEqual(['es:a'])
    await fake.endLine()
    expect(fake.played).toEqual(['es:a', 'es:c'])
    voice.say(['d'], 'es')
    await fake.endLine()
    expect(fake.played).toEqual(['es:a', 'es:c', 'es:d'])
  })

  it('stops the line playing, drops the queue and releases the output', async () => {
    const fake = fakeVoice()
    const voice = new PracticeVoice(fake.deps)
    voice.say(['a', 'b'], 'en')
    await fake.settle()
    voice.stop()
    await fake.settle()
    expect(fake.stopped).toEqual(['en:a'])
    expect(fake.played).toEqual(['en:a'])
    expect(fake.closed()).toBe(1)
    voice.say(['c'], 'en')
    await fake.settle()
    expect(fake.played).toEqual(['en:a'])
  })

  it("speaks a line without audio in the desktop's voice when it has one, in order", async () => {
    const fake = fakeVoice(['es:b'])
    const spoken: string[] = []
    let endSpoken: () => void = () => undefined
    const voice = new PracticeVoice({
      ...fake.deps,
      speak: (language, text) => {
        spoken.push(`${language}:${text}`)
        return {
          done: new Promise<void>((resolve) => {
            endSpoken = resolve
          }),
          stop: () => undefined
        }
      }
    })
    voice.say(['a', 'b', 'c'], 'es')
    await fake.settle()
    await fake.endLine()
    expect(spoken).toEqual(['es:b'])
    // The next line waits for the spoken one to end.
    expect(fake.played).toEqual(['es:a'])
    endSpoken()
    await fake.settle()
    expect(fake.played).toEqual(['es:a', 'es:c'])
  })
})
