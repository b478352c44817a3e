/** Customer search for the search box: runs in the data worker, over the local cache only. */
import type { Customer } from '@shared/domain/customer'
import { dataClient } from '../../data/data-client'
import { defaultCountry } from '@renderer/settings/caller-id-settings'

export const SEARCH_LIMIT = 20

export async function searchCustomers(query: string): Promise<Customer[]> {
  const client = dataClient()
  if (!client || query.trim() === '') return []
  const result = await client.send('customer:search', {
    query,
    limit: SEARCH_LIMIT,
    defaultCountry: defaultCountry()
  })
  return result.ok ? result.data.customers : []
}
