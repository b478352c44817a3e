import { useEffect, useState } from 'react'

import type { PauseReason } from '../../../../shared/domain/configuration'
import { dataClient } from '../../data/data-client'

/**
 * The pause reasons configured on the server, as last pulled. Empty before the first pull; the
 * control then offers the built-in reasons, which the server's default configuration also has.
 */
export function usePauseReasons(): PauseReason[] {
  const [reasons, setReasons] = useState<PauseReason[]>([])
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const client = dataClient()
    if (!client) return
    return client.listen('data:changed', ({ entities }) => {
      if (entities.includes('pause_reason')) setVersion((v) => v + 1)
    })
  }, [])
  useEffect(() => {
    let current = true
    void dataClient()
      ?.send('config:get', {})
      .then((result) => {
        if (current && result.ok) setReasons(result.data.pauseReasons)
      })
    return () => {
      current = false
    }
  }, [version])
  return reasons
}
