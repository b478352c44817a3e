import type { ConfigurationSnapshot, SyncEntity } from '@shared/contract/worker'
import { dataClient } from './data-client'
import { useWorkerQuery } from './use-worker-query'

/**
 * A slice of the configuration pulled from the server (read-only here), re-read whenever a pull
 * changes `entity`. Empty before the first pull. `select` must be stable (a module-level
 * function): a new one reads the configuration again.
 */
export function useConfiguration<T>(
  entity: SyncEntity,
  select: (configuration: ConfigurationSnapshot) => T[]
): T[] {
  return useWorkerQuery<T[]>(
    [],
    [entity],
    async () => {
      const result = await dataClient()?.send('config:get', {})
      return result?.ok ? select(result.data) : null
    },
    [select]
  )
}
