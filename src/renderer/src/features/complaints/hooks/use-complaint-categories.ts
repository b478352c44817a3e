import { useEffect, useState } from 'react'

import type { ComplaintCategoryConfig } from '../../../../../shared/domain/configuration'
import { dataClient } from '../../../data/data-client'

/**
 * The complaint categories configured on the server, as last pulled (active ones, in order).
 * Empty before the first pull; the form then offers the built-in categories, which the
 * server's default configuration also has.
 */
export function useComplaintCategories(): ComplaintCategoryConfig[] {
  const [categories, setCategories] = useState<ComplaintCategoryConfig[]>([])
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const client = dataClient()
    if (!client) return
    return client.listen('data:changed', ({ entities }) => {
      if (entities.includes('complaint_category')) setVersion((v) => v + 1)
    })
  }, [])
  useEffect(() => {
    let current = true
    void dataClient()
      ?.send('config:get', {})
      .then((result) => {
        if (!current || !result.ok) return
        setCategories(
          result.data.complaintCategories
            .filter((c) => c.active)
            .sort((a, b) => a.sortOrder - b.sortOrder)
        )
      })
    return () => {
      current = false
    }
  }, [version])
  return categories
}
