/**
 * What the server knows about the call being scored (online only): read when the scoring view
 * opens and again on request (a live call's record, run and disposition arrive after it ends).
 * Offline it is simply unavailable: the scoring goes on without it, with the last facts read.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

import type { CallContext } from '@shared/evaluations/evaluation-api'
import { dataClient } from '@renderer/data/data-client'

export type CallContextState =
  | { status: 'loading'; context: CallContext | null }
  | { status: 'ready'; context: CallContext }
  /** Offline, or the server could not answer: the last facts read stay shown, if any. */
  | { status: 'unavailable'; context: CallContext | null; message: string | null }

interface Answer {
  /** Which reading this answers (the call, the language, the how-many-th refresh). */
  key: string
  context: CallContext | null
  ok: boolean
  message: string | null
}

export interface CallContextReader {
  state: CallContextState
  /** Reads the facts again; resolves with what was read (or the last facts, when unavailable). */
  refresh: () => Promise<CallContext | null>
}

export function useCallContext(
  agentId: string,
  callId: string,
  language: 'es' | 'en'
): CallContextReader {
  const [nonce, setNonce] = useState(0)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const waiting = useRef(new Map<string, ((context: CallContext | null) => void)[]>())
  const lastRead = useRef<{ base: string; context: CallContext } | null>(null)
  const base = `${agentId}|${callId}|${language}`
  const key = `${base}|${String(nonce)}`
  useEffect(() => {
    let current = true
    const client = dataClient()
    const request = client
      ? client.send('evaluation:callContext', { agentId, callId, language })
      : Promise.resolve(null)
    void request.then((result) => {
      const kept = lastRead.current?.base === base ? lastRead.current.context : null
      const next: Answer =
        result?.ok === true
          ? { key, context: result.data.context, ok: true, message: null }
          : {
              key,
              context: kept,
              ok: false,
              message:
                result === null || result.error.code === 'unavailable' ? null : result.error.message
            }
      if (next.ok && next.context !== null) lastRead.current = { base, context: next.context }
      waiting.current.get(key)?.forEach((resolve) => {
        resolve(next.context)
      })
      waiting.current.delete(key)
      if (current) setAnswer(next)
    })
    return () => {
      current = false
    }
  }, [agentId, callId, language, base, key])

  const refresh = useCallback(() => {
    return new Promise<CallContext | null>((resolve) => {
      setNonce((n) => {
        const next = `${base}|${String(n + 1)}`
        waiting.current.set(next, [...(waiting.current.get(next) ?? []), resolve])
        return n + 1
      })
    })
  }, [base])

  const fresh = answer?.key === key ? answer : null
  const last = answer?.key.startsWith(`${base}|`) === true ? answer.context : null
  const state: CallContextState =
    fresh === null
      ? { status: 'loading', context: last }
      : fresh.ok && fresh.context !== null
        ? { status: 'ready', context: fresh.context }
        : { status: 'unavailable', context: fresh.context, message: fresh.message }
  return { state, refresh }
}
