/// <reference types="node" />
/**
 * The data worker's Session under Node, as the worker opens it after a login: the real local
 * store on disk, its sync engine and snapshot schedule. Only the platform differs: `ws` for the
 * WebSocket, global fetch, real timers (see worker-sync.ts).
 */
import { randomUUID } from 'node:crypto'

import { systemTimers } from '@renderer/workers/data/runtime/system-timers'
import type { SocketFactory } from '@renderer/workers/data/sync/realtime-channel'
import { Session } from '@renderer/workers/data/session/session'
import type { EmitEvent } from '@renderer/workers/data/sync/engine'
import type { FetchLike } from '@renderer/workers/data/sync/http'
import type { SessionTokens } from '@shared/contract/worker'
import type { Role } from '@shared/domain/user'

import { NodeDurableFiles } from './worker-node-files'
import { openNodeSocket } from './worker-sync'
import { loadSql } from './worker-store'

export interface NodeSessionOptions {
  /** The store's folder; opening the same folder again is a restart of the app. */
  dir: string
  serverUrl: string
  user: { id: string; role: Role }
  tokens: SessionTokens
  emit: EmitEvent
  fetch?: FetchLike
  createSocket?: SocketFactory
}

/** Opens the user's session as the worker does on login or on an app start with a session. */
export async function openNodeSession(options: NodeSessionOptions): Promise<Session> {
  return Session.open({
    sql: await loadSql(),
    files: new NodeDurableFiles(options.dir),
    storeName: `atiende-${options.user.id}`,
    userId: options.user.id,
    role: options.user.role,
    serverUrl: options.serverUrl,
    tokens: options.tokens,
    newId: () => randomUUID(),
    now: () => new Date(),
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    createSocket: options.createSocket ?? openNodeSocket,
    timers: systemTimers,
    random: Math.random,
    emit: options.emit
  })
}
