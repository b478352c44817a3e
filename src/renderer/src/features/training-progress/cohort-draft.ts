/**
 * A cohort being written: its name and who is in it, checked here with the server's own schema
 * so the trainer hears about an empty name before a round trip, and the body sent is exactly
 * what the route accepts (trimmed name, each trainee once).
 */
import {
  cohortBodySchema,
  MAX_COHORT_SIZE,
  type Cohort,
  type CohortBody,
  type Trainee
} from '@shared/practice/progress-api'

export interface CohortDraft {
  /** The cohort edited, or null for a new one. */
  id: string | null
  name: string
  traineeIds: readonly string[]
}

export type DraftProblem = 'name' | 'tooMany'

export const newDraft = (): CohortDraft => ({ id: null, name: '', traineeIds: [] })

export const draftOf = (cohort: Cohort): CohortDraft => ({
  id: cohort.id,
  name: cohort.name,
  traineeIds: cohort.trainees.map((t) => t.id)
})

export function cohortBodyOf(
  draft: CohortDraft
): { ok: true; body: CohortBody } | { ok: false; problem: DraftProblem } {
  const traineeIds = [...new Set(draft.traineeIds)]
  if (traineeIds.length > MAX_COHORT_SIZE) return { ok: false, problem: 'tooMany' }
  const parsed = cohortBodySchema.safeParse({ name: draft.name.trim(), traineeIds })
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, problem: 'name' }
}

/** In or out of the cohort, keeping the order the trainer picked them in. */
export function toggleTrainee(draft: CohortDraft, traineeId: string): CohortDraft {
  const traineeIds = draft.traineeIds.includes(traineeId)
    ? draft.traineeIds.filter((id) => id !== traineeId)
    : [...draft.traineeIds, traineeId]
  return { ...draft, traineeIds }
}

/** Accents and case set aside: "jose" finds "José", as a trainer types in a hurry. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()

/** The candidates whose name or team holds every word of `query`, by name. */
export function matchTrainees(candidates: readonly Trainee[], query: string): Trainee[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  return candidates
    .filter((c) => {
      const haystack = fold(`${c.displayName} ${c.team ?? ''}`)
      return words.every((w) => haystack.includes(w))
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
}
