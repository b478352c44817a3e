/**
 * Keeps the evaluator's draft saved: a calm autosave a few seconds after the last change, a save
 * on demand, one more when the view closes with changes, and the release. Saves go one at a time
 * in order, so the first save's new id is the one every later save (and the release) carries.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

import type { LocalEvaluation } from '@shared/contract/worker'
import type { EvaluationSaveInput } from '@shared/evaluations/evaluation'
import { dataClient } from '@renderer/data/data-client'

import { releaseEvaluation, saveEvaluation, type CommandResult } from '../commands'
import type { SaveState } from '../components/ScoringActions'

/** Long enough not to save mid-thought, short enough that a closed laptop loses little. */
export const AUTOSAVE_MS = 4000

type Outcome = CommandResult<LocalEvaluation>

const withId = (input: EvaluationSaveInput, id: string | null): EvaluationSaveInput =>
  id === null ? input : { ...input, id }

export interface DraftSaver {
  save: SaveState
  /** The draft exists (saved at least once, here or before). */
  stored: boolean
  /** Saves now (the button). */
  persist: () => Promise<Outcome>
  /** Saves what is on screen, then releases it (or submits a calibration one). */
  release: () => Promise<Outcome>
}

/**
 * `input` is what would be saved now (null while there is no form); `edits` counts the
 * evaluator's changes: each one restarts the autosave's wait.
 */
export function useDraftSaver(
  draft: LocalEvaluation | null,
  input: EvaluationSaveInput | null,
  edits: number
): DraftSaver {
  const [outcome, setOutcome] = useState<SaveState>(
    draft ? { phase: 'saved', at: draft.updatedAt } : { phase: 'new' }
  )
  /** The edits the last save carried: any beyond them are unsaved. */
  const [savedThrough, setSavedThrough] = useState(0)
  const [stored, setStored] = useState(draft !== null)
  const id = useRef<string | null>(draft?.id ?? null)
  const latest = useRef({ input, edits, savedThrough: 0 })
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  useEffect(() => {
    latest.current = { ...latest.current, input, edits }
  }, [input, edits])

  const enqueue = useCallback(
    (send: (input: EvaluationSaveInput) => Promise<Outcome>): Promise<Outcome> => {
      const run = async (): Promise<Outcome> => {
        const { input: current, edits: through, savedThrough: before } = latest.current
        if (current === null) return { ok: false, message: null }
        latest.current.savedThrough = through
        setSavedThrough(through)
        setOutcome({ phase: 'saving' })
        const result = await send(withId(current, id.current))
        if (result.ok) {
          id.current = result.data.id
          setStored(true)
          setOutcome({ phase: 'saved', at: result.data.updatedAt })
        } else {
          // Not saved after all: the edits it carried wait for the next save.
          latest.current.savedThrough = before
          setSavedThrough(before)
          setOutcome({ phase: 'error', message: result.message })
        }
        return result
      }
      const next = queue.current.then(run)
      queue.current = next.catch(() => undefined)
      return next
    },
    []
  )
  const persist = useCallback(() => enqueue((i) => saveEvaluation(dataClient(), i)), [enqueue])
  const release = useCallback(() => enqueue((i) => releaseEvaluation(dataClient(), i)), [enqueue])

  useEffect(() => {
    if (edits === 0) return
    const timer = setTimeout(() => {
      void persist()
    }, AUTOSAVE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [edits, persist])

  // Closing the view (or the floor's detail) with changes still waiting saves them.
  useEffect(
    () => () => {
      if (latest.current.edits > latest.current.savedThrough) void persist()
    },
    [persist]
  )

  const unsaved = edits > savedThrough && outcome.phase !== 'saving' && outcome.phase !== 'error'
  return { save: unsaved ? { phase: 'dirty' } : outcome, stored, persist, release }
}
