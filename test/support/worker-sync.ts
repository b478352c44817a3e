/// <reference types="node" />
/**
 * Runs the data worker's SyncEngine under Node: the `ws` package stands in for the browser
 * WebSocket, global fetch for the worker's fetch, real timers. Events are recorded for asserts.
 * A sync client is a store on real files with its engine, as one workstation has them.
 */
import { afterEach } from 'vitest'
import WebSocket from 'ws'

import { systemTimers } from '@renderer/workers/data/runtime/system-timers'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import type { SocketFactory } from '@renderer/workers/data/sync/realtime-channel'
import { SyncEngine, type EmitEvent } from '@renderer/workers/data/sync/engine'
import type { FetchLike } from '@renderer/workers/data/sync/http'
import type { SessionTokens, WorkerEventName, WorkerEvents } from '@shared/contract/worker'

import { makeStoreDir, removeStoreDir } from './worker-node-files'
import { openTestStore } from './worker-store'

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
    send: (data) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(data)
    },
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

/** A workstation's store in its folder, with its sync engine running. */
export interface SyncClient {
  store: LocalStore
  harness: EngineHarness
  dir: string
  /** Stops the engine and closes the store (no final snapshot, as a killed worker); once. */
  close(): Promise<void>
}

export interface SyncClientOptions {
  serverUrl: string
  tokens: SessionTokens
  fetch?: FetchLike
  /** The store's folder, kept on close (opening it again is a restart); a fresh one by default. */
  dir?: string
}

/** Opens a store (in a fresh temp folder unless `dir` is given) and starts its engine. */
export async function openSyncClient(options: SyncClientOptions): Promise<SyncClient> {
  const dir = options.dir ?? (await makeStoreDir())
  const store = await openTestStore(dir)
  const harness = startEngine({
    store,
    serverUrl: options.serverUrl,
    tokens: options.tokens,
    ...(options.fetch ? { fetch: options.fetch } : {})
  })
  let closing: Promise<void> | null = null
  return {
    store,
    harness,
    dir,
    close() {
      closing ??= (async () => {
        await harness.engine.stop()
        await store.close()
        if (options.dir === undefined) await removeStoreDir(dir)
      })()
      return closing
    }
  }
}

/**
 * Sync clients against `server` for the tests of a describe block: each is closed after its
 * test, the last opened first. `openStore` gives a store without an engine, closed alike.
 */
export function useSyncClients(server: { readonly url: string }) {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  return {
    async open(options: Omit<SyncClientOptions, 'serverUrl'>): Promise<SyncClient> {
      const client = await openSyncClient({ serverUrl: server.url, ...options })
      cleanups.push(() => client.close())
      return client
    },
    async openStore(): Promise<{ store: LocalStore; dir: string }> {
      const dir = await makeStoreDir()
      const store = await openTestStore(dir)
      cleanups.push(async () => {
        await store.close()
        await removeStoreDir(dir)
      })
      return { store, dir }
    }
  }
}
