import { useEffect, useState } from 'react'

import type { ConfigurationSnapshot, SyncEntity } from '../../../shared/contract/worker'
import { dataClient } from './data-client'

/**
 * A slice of the configuration pulled from the server (read-only here), re-read whenever a pull
 * changes `entity`. Empty before the first pull. `select` must be stable (a module-level
 * function): a new one reads the configuration again.
 */
export function useConfiguration<T>(
  entity: SyncEntity,
  select: (configuration: ConfigurationSnapshot) => T[]
): T[] {
  const [items, setItems] = useState<T[]>([])
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const client = dataClient()
    if (!client) return
    return client.listen('data:changed', ({ entities }) => {
      if (entities.includes(entity)) setVersion((v) => v + 1)
    })
  }, [entity])
  useEffect(() => {
    let current = true
    void dataClient()
      ?.send('config:get', {})
      .then((result) => {
        if (current && result.ok) setItems(select(result.data))
      })
    return () => {
      current = false
    }
  }, [version, select])
  return items
}
