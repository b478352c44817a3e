import { useEffect, useState } from 'react'

import type { DispositionCode } from '../../../../shared/domain/configuration'
import { dataClient } from '../../data/data-client'

/** The active disposition codes configured on the server, as last pulled, in their order. */
export function useDispositionCodes(): DispositionCode[] {
  const [codes, setCodes] = useState<DispositionCode[]>([])
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const client = dataClient()
    if (!client) return
    return client.listen('data:changed', ({ entities }) => {
      if (entities.includes('disposition_code')) setVersion((v) => v + 1)
    })
  }, [])
  useEffect(() => {
    let current = true
    void dataClient()
      ?.send('config:get', {})
      .then((result) => {
        if (!current || !result.ok) return
        const active = result.data.dispositionCodes.filter((c) => c.active)
        setCodes(active.sort((a, b) => a.sortOrder - b.sortOrder))
      })
    return () => {
      current = false
    }
  }, [version])
  return codes
}
