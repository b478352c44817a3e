import type { LocalCompensation, TimelineEntry } from '@shared/contract/worker'
import type { CompensationStatus } from '@shared/domain/compensation-record'
import type { CompensationLimits, DirectoryUser } from '@shared/domain/configuration'
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'

const LIMIT = 100

/** A complaint's compensations, or (complaintId null) every one in `status`: live. */
export function useCompensations(
  complaintId: string | null,
  status: CompensationStatus | null
): LocalCompensation[] {
  return useWorkerQuery<LocalCompensation[]>(
    [],
    ['compensation'],
    async () => {
      const result = await dataClient()?.send('compensation:list', {
        complaintId,
        status,
        limit: LIMIT
      })
      return result?.ok ? result.data.compensations : null
    },
    [complaintId, status]
  )
}

/** A complaint's timeline, oldest first: live. */
export function useComplaintTimeline(complaintId: string): TimelineEntry[] {
  return useWorkerQuery<TimelineEntry[]>(
    [],
    ['complaint', 'complaint_event', 'compensation'],
    async () => {
      const result = await dataClient()?.send('complaint:timeline', { complaintId })
      return result?.ok ? result.data.entries : null
    },
    [complaintId]
  )
}

export interface CompensationDirectory {
  users: DirectoryUser[]
  limits: CompensationLimits | null
}

/** The users this client knows (for names) and the compensation limits, as last pulled. */
export function useCompensationDirectory(): CompensationDirectory {
  return useWorkerQuery<CompensationDirectory>(
    { users: [], limits: null },
    ['user', 'compensation_limits'],
    async () => {
      const result = await dataClient()?.send('config:get', {})
      return result?.ok
        ? { users: result.data.users, limits: result.data.compensationLimits }
        : null
    },
    []
  )
}
