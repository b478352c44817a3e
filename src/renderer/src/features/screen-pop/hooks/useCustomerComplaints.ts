import { useEffect, useState } from 'react'

import type { LocalComplaint } from '@shared/contract/worker'
import { countsAgainstSla, lifecycleStatuses } from '@shared/domain/complaint-lifecycle'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'

const LIMIT = 50

/** Open, in progress or awaiting the customer: the cases still counting against their SLA. */
function isOpen(c: LocalComplaint): boolean {
  const status = lifecycleStatuses.find((s) => s === c.status)
  return status !== undefined && countsAgainstSla(status)
}

/**
 * The open complaints of `customerId` from the local store. It re-reads whenever the
 * complaints list changes (a save, a pull), which is when any of them may have changed.
 */
export function useOpenComplaints(customerId: string): LocalComplaint[] {
  const [complaints, setComplaints] = useState<LocalComplaint[]>([])
  const listVersion = useAppStore((s) => s.complaints.items)
  useEffect(() => {
    let current = true
    const client = dataClient()
    if (!client) return
    void client.send('complaint:list', { customerId, limit: LIMIT }).then((result) => {
      if (current && result.ok) setComplaints(result.data.complaints.filter(isOpen))
    })
    return () => {
      current = false
    }
  }, [customerId, listVersion])
  return complaints
}
