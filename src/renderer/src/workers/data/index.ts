/**
 * The data worker's entry: composition only. It loads sql.js, serves `DataWorkerHandlers`
 * through the typed dispatcher and posts events. The page constructs it with
 * `new Worker(new URL('../workers/data/index.ts', import.meta.url), { type: 'module' })`.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js'
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url'

import { appError } from '@shared/contract/errors'
import { fail } from '@shared/contract/result'
import type { WorkerOutboundMessage } from '@shared/contract/worker'

import { systemTimers } from './runtime/system-timers'
import { openBrowserSocket } from './sync/browser-socket'
import { DesktopDurableFiles } from './store/desktop-files'
import { createRoutes, dispatch, isRequestName } from './dispatcher'
import { inboundMessageSchema } from './inbound-message'
import { setLogSink } from './runtime/logger'
import { OpfsDurableFiles } from './store/opfs-files'
import { SessionHost } from './session/session-host'
import { acquireStoreLock } from './store/store-lock'

const post = (message: WorkerOutboundMessage): void => {
  postMessage(message)
}

setLogSink(({ level, scope, message }) => {
  post({ kind: 'event', name: 'worker:log', payload: { level, scope, message } })
})

let sql: Promise<SqlJsStatic> | null = null
const desktopFiles = new DesktopDurableFiles(post)

const host = new SessionHost({
  loadSql: () => (sql ??= initSqlJs({ locateFile: () => wasmUrl })),
  filesFor: async (storage) => (storage === 'desktop' ? desktopFiles : OpfsDurableFiles.open()),
  acquireLock: acquireStoreLock,
  fetch: (url, init) => fetch(url, init),
  createSocket: openBrowserSocket,
  timers: systemTimers,
  random: Math.random,
  emit: (name, payload) => {
    post({ kind: 'event', name, payload })
  },
  newId: () => crypto.randomUUID(),
  now: () => new Date()
})
const routes = createRoutes(host)

addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = inboundMessageSchema.safeParse(event.data)
  if (!parsed.success) return
  const message = parsed.data
  if (message.kind === 'durable-reply') {
    desktopFiles.handleReply(
      message.id,
      message.result.ok ? message.result : fail(toKnownError(message.result.error))
    )
    return
  }
  const reply = isRequestName(message.name)
    ? dispatch(routes, message.name, message.args)
    : Promise.resolve(fail(appError('invalid_argument', `unknown request ${message.name}`)))
  void reply.then((result) => {
    post({ kind: 'reply', id: message.id, result })
  })
})

function toKnownError(error: { code: string; message: string }) {
  return appError('storage_failure', `${error.code}: ${error.message}`)
}
