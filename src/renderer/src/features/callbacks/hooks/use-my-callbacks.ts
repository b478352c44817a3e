import { useEffect, useState } from 'react'

import type { LocalCallback } from '@shared/contract/worker'
import { dataClient } from '@renderer/data/data-client'

const LIMIT = 200

/** The open callbacks assigned to this user, soonest first, kept current as sync brings changes. */
export function useMyCallbacks(): LocalCallback[] {
  const [callbacks, setCallbacks] = useState<LocalCallback[]>([])
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const client = dataClient()
    if (!client) return
    return client.listen('data:changed', ({ entities }) => {
      if (entities.includes('callback')) setVersion((v) => v + 1)
    })
  }, [])
  useEffect(() => {
    let current = true
    void dataClient()
      ?.send('callback:mine', { limit: LIMIT })
      .then((result) => {
        if (current && result.ok) setCallbacks(result.data.callbacks)
      })
    return () => {
      current = false
    }
  }, [version])
  return callbacks
}
