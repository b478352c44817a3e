/// <reference types="node" />
/**
 * Fakes for the sync engine's unit tests, used only for failure shapes a real server does not
 * produce on demand (503 storms, lost sockets, exact timer delays). The integration test runs
 * the same engine against the real server.
 */
import type { Timers } from '@shared/retry/backoff'
import type { SocketHandlers } from '@renderer/workers/data/sync/realtime-channel'

/** Timers that only fire when the test says so. */
export class ManualTimers implements Timers {
  private nextId = 1
  readonly scheduled = new Map<number, { run: () => void; ms: number }>()
  current = Date.parse('2025-06-30T09:00:00.000Z')

  now(): number {
    return this.current
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++
    this.scheduled.set(id, { run, ms })
    return id
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.scheduled.delete(handle)
  }

  /** Delays of the timers still pending, in scheduling order. */
  pendingDelays(): number[] {
    return [...this.scheduled.values()].map((t) => t.ms)
  }

  /** Fires every pending timer once. */
  fireAll(): void {
    const due = [...this.scheduled.entries()]
    this.scheduled.clear()
    for (const [, timer] of due) timer.run()
  }
}

/** Remembers each socket the channel opens so a test can open or drop it. */
interface FakeSocket {
  url: string
  handlers: SocketHandlers
  isClosed: boolean
  /** Text frames sent on it, in order. */
  sent: string[]
}

export class FakeSockets {
  readonly opened: FakeSocket[] = []

  readonly factory = (url: string, handlers: SocketHandlers) => {
    const entry: FakeSocket = { url, handlers, isClosed: false, sent: [] }
    this.opened.push(entry)
    return {
      send: (data: string) => {
        entry.sent.push(data)
      },
      close: () => {
        entry.isClosed = true
      }
    }
  }

  get last(): FakeSocket {
    const socket = this.opened.at(-1)
    if (!socket) throw new Error('no socket opened yet')
    return socket
  }
}

export interface RecordedRequest {
  url: string
  method: string
  authorization: string | null
  body: unknown
}

type Responder = (request: RecordedRequest) => Response | Promise<Response>

/** A scripted fetch: each call is recorded and answered by `respond`. */
export function scriptedFetch(respond: Responder) {
  const requests: RecordedRequest[] = []
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers)
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : null
    const request = {
      url,
      method: init.method ?? 'GET',
      authorization: headers.get('authorization'),
      body
    }
    requests.push(request)
    return respond(request)
  }
  return { fetch, requests }
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' }
  })
}

export const emptyPull = { changes: [], cursor: 0, hasMore: false }

export function isBulkPull(r: RecordedRequest): boolean {
  return new URL(r.url).pathname === '/api/sync/bulk'
}

/** A bulk pull answer: one JSON value per line (changes, then the `{ cursor }` trailer). */
export function ndjson(lines: readonly unknown[]): Response {
  return new Response(lines.map((l) => `${JSON.stringify(l)}\n`).join(''), {
    status: 200,
    headers: { 'content-type': 'application/x-ndjson' }
  })
}
