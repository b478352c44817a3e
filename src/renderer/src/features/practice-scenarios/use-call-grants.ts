import type { TimedPracticeEvent } from '@shared/practice'
import { useWorkerQuery } from '@renderer/data/use-worker-query'
import { callRecords } from './practice-scoring'

const NONE: readonly TimedPracticeEvent[] = []

/**
 * The compensations the trainee granted or requested on this practice call's complaints, as the
 * customer hears them ("I can credit you 50"): live from the local store, so the customer answers
 * a grant as soon as it is made. A rejected request was never promised to the customer.
 */
export function useCallGrants(callId: string | null): readonly TimedPracticeEvent[] {
  return useWorkerQuery<readonly TimedPracticeEvent[]>(
    NONE,
    ['complaint', 'compensation'],
    async () => {
      if (callId === null) return NONE
      const records = await callRecords(callId)
      if (!records) return null
      return records.compensations
        .filter((c) => c.status !== 'rejected')
        .map((c) => ({ at: c.requestedAt, event: { type: 'compensation', amount: c.amount } }))
    },
    [callId]
  )
}
