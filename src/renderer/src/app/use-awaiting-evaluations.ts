/**
 * How many released evaluations wait for this user's answer (accept or disagree): the count on
 * the navigation's "Calidad". Read straight from the worker here, not through the evaluations
 * feature, so the main bundle does not carry that feature's views.
 */
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'

export function useAwaitingEvaluations(enabled: boolean): number {
  return useWorkerQuery<number>(
    0,
    ['evaluation'],
    async () => {
      if (!enabled) return 0
      const result = await dataClient()?.send('evaluation:awaiting', {})
      return result?.ok ? result.data.count : null
    },
    [enabled]
  )
}
