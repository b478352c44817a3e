import { useEffect, useState } from 'react'

import type { SyncEntity } from '@shared/contract/worker'
import { dataClient } from './data-client'

/**
 * Runs `load` against the local store and again whenever the worker reports a change to one of
 * `entities` (a pull after a realtime poke, or a local write): the view is live without polling.
 */
export function useWorkerQuery<T>(
  initial: T,
  entities: readonly SyncEntity[],
  load: () => Promise<T | null>,
  deps: readonly unknown[]
): T {
  const [value, setValue] = useState<T>(initial)
  const [version, setVersion] = useState(0)
  const watched = entities.join(',')
  useEffect(() => {
    const client = dataClient()
    if (!client) return
    const wanted = watched.split(',')
    return client.listen('data:changed', ({ entities: changed }) => {
      if (changed.some((e) => wanted.includes(e))) setVersion((v) => v + 1)
    })
  }, [watched])
  useEffect(() => {
    let current = true
    void load().then((loaded) => {
      if (current && loaded !== null) setValue(loaded)
    })
    return () => {
      current = false
    }
    // `load` is rebuilt every render; `deps` say when its inputs change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, ...deps])
  return value
}
