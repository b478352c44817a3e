import { useEffect, useState } from 'react'

import type { LocalComplaint } from '../../../../../shared/contract/worker'
import { isOpenComplaint } from '../../../../../shared/domain/complaint-sla'
import { dataClient } from '../../../data/data-client'
import { useAppStore } from '../../../stores/app-store'

const LIMIT = 50

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
      if (current && result.ok) setComplaints(result.data.complaints.filter(isOpenComplaint))
    })
    return () => {
      current = false
    }
  }, [customerId, listVersion])
  return complaints
}
