import { useEffect, useState } from 'react'

import type { Customer } from '@shared/domain/customer'
import { searchCustomers } from '../commands'

/** Results arrive while typing; a short pause coalesces fast keystrokes into one query. */
export const SEARCH_DEBOUNCE_MS = 60

/** Results for `query`; an answer for an older query never replaces a newer one. */
export function useSearchResults(query: string): Customer[] {
  const [results, setResults] = useState<Customer[]>([])
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      void searchCustomers(query).then((found) => {
        if (current) setResults(found)
      })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])
  return query.trim() === '' ? [] : results
}
