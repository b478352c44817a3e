import { useEffect, useState } from 'react'

import { warmMicrophone } from '@renderer/telephony/warm-microphone'

const READS_PER_SECOND = 10

/** Root mean square of time-domain samples (−1…1), the level a meter shows. */
export function rmsLevel(samples: Float32Array): number {
  let sum = 0
  for (const s of samples) sum += s * s
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length)
}

/**
 * The microphone's level (0…1) while `active`, from an AnalyserNode on a clone of the warm
 * microphone (the same device calls use); the clone is stopped when the test ends.
 */
export function useMicrophoneLevel(active: boolean): { level: number; error: string | null } {
  const [level, setLevel] = useState(0)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!active) return
    let stopped = false
    let cleanup = (): void => undefined
    warmMicrophone.trackForCall().then(
      (track) => {
        if (stopped) {
          track.stop()
          return
        }
        const context = new AudioContext()
        const analyser = context.createAnalyser()
        analyser.fftSize = 2048
        context.createMediaStreamSource(new MediaStream([track])).connect(analyser)
        const samples = new Float32Array(analyser.fftSize)
        void context.resume().catch(() => undefined)
        const timer = setInterval(() => {
          analyser.getFloatTimeDomainData(samples)
          // Speech peaks near 0.3 RMS; scale so normal speech fills most of the meter.
          setLevel(Math.min(1, rmsLevel(samples) * 3))
        }, 1000 / READS_PER_SECOND)
        setError(null)
        cleanup = () => {
          clearInterval(timer)
          track.stop()
          void context.close()
        }
      },
      (reason: unknown) => {
        if (!stopped) setError(reason instanceof Error ? reason.name : String(reason))
      }
    )
    return () => {
      stopped = true
      cleanup()
      setLevel(0)
    }
  }, [active])
  return { level, error }
}
