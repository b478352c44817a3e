/**
 * Login, session restore after a reload, and logout. The refresh token is kept through the
 * desktop API (OS keychain in Electron, per-origin storage in the browser edition) so a reload
 * or a restart keeps the agent logged in; offline, the last session opens on local data. The app
 * creates the session with the softphone it follows (see `session-context.ts`).
 */
import { z } from 'zod'

import type { SessionTokens } from '@shared/contract/worker'
import { sessionUserSchema, type SessionUser } from '@shared/domain/user'
import { setAccessToken } from '@renderer/data/access-token'
import * as authApi from '@renderer/data/auth-api'
import { dataClient, startDataWorker, stopDataWorker } from '@renderer/data/data-client'
import { serverUrl } from '@renderer/data/server-url'
import { getDesktop, isElectron } from '@renderer/platform/desktop'
import { useAppStore } from '@renderer/stores/app-store'
import { recordSignOff } from '../agent-state'
import { refreshComplaints } from '../complaints'
import type { CallController, SipLine } from '../softphone'

const SESSION_KEY = 'session'
const storedSessionSchema = z.object({ user: sessionUserSchema, refreshToken: z.string() })

async function persistSession(user: SessionUser, refreshToken: string): Promise<void> {
  await getDesktop().setSecret({ key: SESSION_KEY, value: JSON.stringify({ user, refreshToken }) })
}

async function readStoredSession(): Promise<z.infer<typeof storedSessionSchema> | null> {
  const result = await getDesktop().getSecret({ key: SESSION_KEY })
  if (!result.ok || result.data.value === null) return null
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(result.data.value))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export interface SessionOptions {
  /** The SIP line follows the session: started at login, given each fresh token, stopped at logout. */
  line: Pick<SipLine, 'start' | 'tokenRefreshed' | 'stop'>
  calls: Pick<CallController, 'dropPendingWrapUps'>
}

/** Plain functions, not methods: components take them out of the session to call them. */
export interface Session {
  login: (username: string, password: string) => Promise<void>
  /** After a reload: refresh the stored session, or open it offline if the server is away. */
  restore: () => Promise<void>
  logout: (reason?: 'expired') => Promise<void>
}

export function createSession({ line, calls }: SessionOptions): Session {
  async function openSession(user: SessionUser, tokens: SessionTokens): Promise<void> {
    const client = startDataWorker()
    const store = useAppStore.getState()
    setAccessToken(tokens.accessToken)
    client.listen('sync:status-changed', (status) => {
      useAppStore.getState().syncStatusChanged(status)
      if (!status.isLive) useAppStore.getState().floorConnectionLost(new Date().toISOString())
    })
    client.listen('floor:replaced', ({ entries }) => {
      useAppStore.getState().floorReplaced(entries)
    })
    client.listen('floor:entry', ({ entry }) => {
      useAppStore.getState().floorEntryChanged(entry)
    })
    client.listen('data:changed', ({ entities }) => {
      if (entities.includes('complaint')) void refreshComplaints()
    })
    client.listen('auth:tokens-changed', (next) => {
      void persistSession(user, next.refreshToken)
      setAccessToken(next.accessToken)
      line.tokenRefreshed(next.accessToken)
    })
    client.listen('auth:expired', () => {
      void logout('expired')
    })
    const opened = await client.send('session:open', {
      user,
      serverUrl: serverUrl(),
      tokens,
      storage: isElectron() ? 'desktop' : 'opfs'
    })
    if (!opened.ok) {
      stopDataWorker()
      store.loginFailed(opened.error.message)
      return
    }
    store.loginSucceeded(user)
    void line.start(tokens.accessToken)
    await refreshComplaints()
  }

  async function login(username: string, password: string): Promise<void> {
    const store = useAppStore.getState()
    store.loggingIn()
    const result = await authApi.login(serverUrl(), username, password)
    if (!result.ok) {
      store.loginFailed(result.error.code === 'unavailable' ? 'unreachable' : 'badCredentials')
      return
    }
    const { user, accessToken, refreshToken } = result.data
    await persistSession(user, refreshToken)
    await openSession(user, { accessToken, refreshToken })
  }

  async function restore(): Promise<void> {
    const stored = await readStoredSession()
    if (!stored) {
      useAppStore.getState().loggedOut()
      return
    }
    const refreshed = await authApi.refresh(serverUrl(), stored.refreshToken)
    if (refreshed.ok) {
      await persistSession(refreshed.data.user, refreshed.data.refreshToken)
      await openSession(refreshed.data.user, refreshed.data)
    } else if (refreshed.error.code === 'unavailable') {
      // Offline start: local data works now, the worker refreshes the token when the server is back.
      await openSession(stored.user, { accessToken: '', refreshToken: stored.refreshToken })
    } else {
      await getDesktop().deleteSecret({ key: SESSION_KEY })
      useAppStore.getState().loggedOut()
    }
  }

  async function logout(reason?: 'expired'): Promise<void> {
    await recordSignOff()
    await dataClient()?.send('presence:leave', {})
    await getDesktop().deleteSecret({ key: SESSION_KEY })
    void line.stop()
    calls.dropPendingWrapUps()
    stopDataWorker()
    setAccessToken('')
    useAppStore.getState().floorCleared()
    useAppStore.getState().handLowered()
    useAppStore.getState().loggedOut(reason)
  }

  return { login, restore, logout }
}
