import { useEffect, useState } from 'react'

import type { LocalInteraction } from '@shared/contract/worker'
import { dataClient } from '@renderer/data/data-client'

/** As many as fit the card without scrolling on a laptop screen. */
const LIMIT = 5

/**
 * The customer's latest calls from the local store (the agent's and the team's, as synced),
 * re-read whenever interactions change: a call just ended, or a pull brought a colleague's.
 */
export function useRecentInteractions(customerId: string): LocalInteraction[] {
  const [interactions, setInteractions] = useState<LocalInteraction[]>([])
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const client = dataClient()
    if (!client) return
    return client.listen('data:changed', ({ entities }) => {
      if (entities.includes('interaction')) setVersion((v) => v + 1)
    })
  }, [])
  useEffect(() => {
    let current = true
    const client = dataClient()
    if (!client) return
    void client.send('interaction:list', { customerId, limit: LIMIT }).then((result) => {
      if (current && result.ok) setInteractions(result.data.interactions)
    })
    return () => {
      current = false
    }
  }, [customerId, version])
  return interactions
}
