/**
 * The state an admin of versioned sources keeps (evaluation forms, practice scenarios): the
 * versions read from the server, a notice about the last act, and whether an act is running.
 * An act runs, says how it went and reads the list again; the words are the caller's.
 */
import { useCallback, useEffect, useState } from 'react'

import type { SourceOutcome } from './source-outcome'

export type AdminLoad<V> =
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; versions: V[] }

export type AdminNotice = { tone: 'ok' | 'error'; text: string } | null

export interface AdminWords {
  /** An act that could not reach the server. */
  offline: string
  /** An act the server refused, with its words. */
  failed: (message: string) => string
}

function asLoad<V>(result: SourceOutcome<V[]>): AdminLoad<V> {
  if (result.ok) return { state: 'ready', versions: result.data }
  if (result.reason === 'offline') return { state: 'offline' }
  return { state: 'failed', message: result.message }
}

export function useSourceAdmin<V>(list: () => Promise<SourceOutcome<V[]>>, words: AdminWords) {
  const [load, setLoad] = useState<AdminLoad<V>>({ state: 'loading' })
  const [notice, setNotice] = useState<AdminNotice>(null)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(async () => {
    setLoad(asLoad(await list()))
  }, [list])
  useEffect(() => {
    let current = true
    void list().then((result) => {
      if (current) setLoad(asLoad(result))
    })
    return () => {
      current = false
    }
  }, [list])

  /** Says how `result` went: `done` when it worked (nothing with null), else why not. */
  const explain = (result: SourceOutcome<unknown>, done: string | null) => {
    if (result.ok) {
      if (done !== null) setNotice({ tone: 'ok', text: done })
    } else if (result.reason === 'offline') setNotice({ tone: 'error', text: words.offline })
    else setNotice({ tone: 'error', text: words.failed(result.message) })
  }
  /** Runs an act on the server, says how it went, reads the list again; true when it worked. */
  const act = async (run: () => Promise<SourceOutcome<null>>, done: string): Promise<boolean> => {
    setBusy(true)
    const result = await run()
    setBusy(false)
    explain(result, done)
    await reload()
    return result.ok
  }
  return { load, reload, notice, setNotice, busy, setBusy, explain, act }
}
