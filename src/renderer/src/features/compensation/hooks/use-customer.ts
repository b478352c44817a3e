import type { Customer } from '@shared/domain/customer'
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'

/** One customer from the local cache (null while loading or when not cached). */
export function useCustomer(id: string | null): Customer | null {
  return useWorkerQuery<Customer | null>(
    null,
    ['customer'],
    async () => {
      if (id === null) return null
      const result = await dataClient()?.send('customer:get', { id })
      return result?.ok ? result.data.customer : null
    },
    [id]
  )
}
