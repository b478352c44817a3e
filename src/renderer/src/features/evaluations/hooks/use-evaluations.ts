/**
 * The evaluations and forms from the local store, re-read whenever sync or a local write changes
 * one: lists, one evaluation, the published forms, and the agent's badge count.
 */
import type { EvaluationListQuery, LocalEvaluation } from '@shared/contract/worker'
import type { PublishedForm } from '@shared/evaluations/evaluation'
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'

const EVALUATIONS = ['evaluation'] as const
const FORMS = ['evaluation_form'] as const

export const listQuery = (over: Partial<EvaluationListQuery>): EvaluationListQuery => ({
  agentId: null,
  callId: null,
  evaluatedByMe: false,
  states: null,
  includeCalibration: false,
  kind: null,
  limit: 200,
  ...over
})

/** Loaded or not: a list that is still empty because nothing was read yet says so. */
export interface Loaded<T> {
  loaded: boolean
  value: T
}

export function useEvaluationList(query: EvaluationListQuery): Loaded<LocalEvaluation[]> {
  const key = JSON.stringify(query)
  return useWorkerQuery<Loaded<LocalEvaluation[]>>(
    { loaded: false, value: [] },
    EVALUATIONS,
    async () => {
      const result = await dataClient()?.send('evaluation:list', query)
      return result?.ok ? { loaded: true, value: result.data.evaluations } : null
    },
    [key]
  )
}

export function useEvaluation(id: string | null): LocalEvaluation | null {
  return useWorkerQuery<LocalEvaluation | null>(
    null,
    EVALUATIONS,
    async () => {
      if (id === null) return null
      const result = await dataClient()?.send('evaluation:get', { id })
      return result?.ok ? result.data.evaluation : null
    },
    [id]
  )
}

/** The published forms a new evaluation may use (the latest of each, not retired). */
export function usePublishedForms(): Loaded<PublishedForm[]> {
  return useWorkerQuery<Loaded<PublishedForm[]>>(
    { loaded: false, value: [] },
    FORMS,
    async () => {
      const result = await dataClient()?.send('evaluation:forms', { latestOnly: true })
      return result?.ok ? { loaded: true, value: result.data.forms } : null
    },
    []
  )
}

/**
 * The version an evaluation names; null until read, when this desk does not hold it, or when
 * nothing is asked (`formId` null).
 */
export function useFormVersion(
  formId: string | null,
  version: number
): Loaded<PublishedForm | null> {
  return useWorkerQuery<Loaded<PublishedForm | null>>(
    { loaded: false, value: null },
    FORMS,
    async () => {
      if (formId === null) return { loaded: true, value: null }
      const result = await dataClient()?.send('evaluation:form', { formId, version })
      return result?.ok ? { loaded: true, value: result.data.form } : null
    },
    [formId, version]
  )
}

/**
 * How many released evaluations wait for this agent's answer: the navigation's badge (0 for
 * everyone else, and before the first read).
 */
export function useAwaitingEvaluations(): number {
  return useWorkerQuery<number>(
    0,
    EVALUATIONS,
    async () => {
      const result = await dataClient()?.send('evaluation:awaiting', {})
      return result?.ok ? result.data.count : null
    },
    []
  )
}
