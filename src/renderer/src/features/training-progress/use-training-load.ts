/**
 * One read from the training API as a panel's state, keyed by what it reads: a new key reads
 * again (and shows loading meanwhile), an answer for an older key is dropped, a null key reads
 * nothing (the tab not opened yet, no cohort chosen).
 */
import { useCallback, useEffect, useState } from 'react'

import type { TrainingOutcome } from './training-api'

export type TrainingLoad<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'forbidden' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; value: T }

export function asLoad<T>(outcome: TrainingOutcome<T>): TrainingLoad<T> {
  if (outcome.ok) return { state: 'ready', value: outcome.data }
  if (outcome.reason === 'failed') return { state: 'failed', message: outcome.message }
  return { state: outcome.reason }
}

export function useTrainingLoad<T>(
  key: string | null,
  read: (key: string) => Promise<TrainingOutcome<T>>
): [TrainingLoad<T>, () => void] {
  const [answer, setAnswer] = useState<{ key: string; round: number; load: TrainingLoad<T> }>()
  const [round, setRound] = useState(0)
  useEffect(() => {
    if (key === null) return
    let current = true
    void read(key).then((outcome) => {
      if (current) setAnswer({ key, round, load: asLoad(outcome) })
    })
    return () => {
      current = false
    }
  }, [key, read, round])
  const reload = useCallback(() => {
    setRound((r) => r + 1)
  }, [])
  if (key === null) return [{ state: 'idle' }, reload]
  // Until the answer for this key comes, the last one stays on screen after a reload (no
  // flash of "loading" over a table the trainer is reading), but never another key's.
  if (answer?.key !== key) return [{ state: 'loading' }, reload]
  return [answer.load, reload]
}
