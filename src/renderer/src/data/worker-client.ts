/**
 * Typed client for the data worker: `send(name, args)` resolves with the handler's Result,
 * `listen(event, cb)` subscribes to worker events. The page never touches sql.js directly.
 */
import { appError } from '@shared/contract/errors'
import { fail, type Result } from '@shared/contract/result'
import type {
  DurableReplyMessage,
  DurableMethod,
  WorkerArgs,
  WorkerEventName,
  WorkerEvents,
  WorkerOutboundMessage,
  WorkerReply,
  WorkerRequestMessage,
  WorkerRequestName
} from '@shared/contract/worker'
import { localizeUnsafeText } from './unsafe-text-message'

type Listener = (payload: unknown) => void

export interface DataClient {
  send<K extends WorkerRequestName>(name: K, args: WorkerArgs<K>): Promise<Result<WorkerReply<K>>>
  listen<E extends WorkerEventName>(event: E, cb: (payload: WorkerEvents[E]) => void): () => void
}

export interface DataClientOptions {
  /** Answers the worker's durable-file calls (Electron only: the preload does fdatasync). */
  onDurableCall?: (call: {
    id: number
    method: DurableMethod
    args: unknown
  }) => Promise<DurableReplyMessage>
}

/** Wraps a Worker (or anything with the same postMessage shape) in the typed protocol. */
export function createDataClient(worker: Worker, options: DataClientOptions = {}): DataClient {
  let nextId = 1
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const listeners = new Map<WorkerEventName, Set<Listener>>()

  worker.addEventListener('message', (event: MessageEvent<WorkerOutboundMessage>) => {
    const msg = event.data
    if (msg.kind === 'reply') {
      pending.get(msg.id)?.(msg.result)
      pending.delete(msg.id)
    } else if (msg.kind === 'event') {
      listeners.get(msg.name)?.forEach((cb) => {
        cb(msg.payload)
      })
    } else {
      const answer = options.onDurableCall
      if (answer) {
        void answer(msg).then((reply) => {
          worker.postMessage(reply)
        })
      }
    }
  })
  worker.addEventListener('error', (event) => {
    // A dead worker must not leave the UI waiting forever on its promises.
    const error = appError('unavailable', `data worker failed: ${event.message}`)
    for (const resolve of pending.values()) resolve(fail(error))
    pending.clear()
  })

  return {
    send(name, args) {
      const id = nextId++
      const message: WorkerRequestMessage = { kind: 'request', id, name, args }
      return new Promise((resolve) => {
        const answer = resolve as (result: Result<unknown>) => void
        pending.set(id, (result) => {
          answer(result.ok ? result : fail(localizeUnsafeText(name, result.error)))
        })
        worker.postMessage(message)
      })
    },
    listen(event, cb) {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      const listener = cb as Listener
      set.add(listener)
      return () => set.delete(listener)
    }
  }
}
