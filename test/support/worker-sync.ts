/// <reference types="node" />
/**
 * Runs the data worker's SyncEngine under Node: the `ws` package stands in for the browser
 * WebSocket, global fetch for the worker's fetch, real timers. Events are recorded for asserts.
 */
import WebSocket from 'ws'

import { systemTimers } from '../../src/renderer/src/workers/data/backoff'
import type { LocalStore } from '../../src/renderer/src/workers/data/local-store'
import type { SocketFactory } from '../../src/renderer/src/workers/data/realtime-channel'
import { SyncEngine, type EmitEvent } from '../../src/renderer/src/workers/data/sync-engine'
import type { FetchLike } from '../../src/renderer/src/workers/data/sync-http'
import type { SessionTokens, WorkerEventName, WorkerEvents } from '../../src/shared/contract/worker'

/** The Node socket factory: same handlers, `ws` underneath. */
export const openNodeSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url)
  let isClosedByUs = false
  socket.on('open', () => {
    handlers.onOpen()
  })
  socket.on('message', (data, isBinary) => {
    handlers.onMessage(!isBinary && Buffer.isBuffer(data) ? data.toString('utf8') : data)
  })
  socket.on('error', () => undefined)
  socket.on('close', (code) => {
    if (!isClosedByUs) handlers.onClose(code)
  })
  return {
    close: () => {
      isClosedByUs = true
      socket.terminate()
    }
  }
}

export interface RecordedEvent<K extends WorkerEventName = WorkerEventName> {
  name: K
  payload: WorkerEvents[K]
}

export interface EngineHarness {
  engine: SyncEngine
  events: RecordedEvent[]
  /** Payloads of every event named `name`, oldest first. */
  eventsNamed<K extends WorkerEventName>(name: K): WorkerEvents[K][]
}

/** A SyncEngine for `store` against a real server at `serverUrl`. */
export function startEngine(options: {
  store: LocalStore
  serverUrl: string
  tokens: SessionTokens
  fetch?: FetchLike
  pullLimit?: number
}): EngineHarness {
  const events: RecordedEvent[] = []
  const emit: EmitEvent = (name, payload) => {
    events.push({ name, payload })
  }
  const engine = new SyncEngine({
    store: options.store,
    serverUrl: options.serverUrl,
    tokens: options.tokens,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    createSocket: openNodeSocket,
    timers: systemTimers,
    random: Math.random,
    emit,
    ...(options.pullLimit === undefined ? {} : { pullLimit: options.pullLimit })
  })
  engine.start()
  return {
    engine,
    events,
    eventsNamed<K extends WorkerEventName>(name: K): WorkerEvents[K][] {
      const found: WorkerEvents[K][] = []
      for (const event of events) if (isNamed(event, name)) found.push(event.payload)
      return found
    }
  }
}

function isNamed<K extends WorkerEventName>(
  event: RecordedEvent,
  name: K
): event is RecordedEvent<K> {
  return event.name === name
}
