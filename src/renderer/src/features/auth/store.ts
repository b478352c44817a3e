import type { StateCreator } from 'zustand'

import type { SessionUser } from '@shared/domain/user'
import type { AppState } from '../../stores/app-store'

export type AuthStatus = 'booting' | 'logged_out' | 'logging_in' | 'ready'

export interface AuthSlice {
  auth: { status: AuthStatus; user: SessionUser | null; error: string | null }
  loggingIn: () => void
  loginSucceeded: (user: SessionUser) => void
  loginFailed: (message: string) => void
  loggedOut: (message?: string) => void
}

export const createAuthSlice: StateCreator<AppState, [], [], AuthSlice> = (set) => ({
  auth: { status: 'booting', user: null, error: null },
  loggingIn: () => {
    set((s) => ({ auth: { ...s.auth, status: 'logging_in', error: null } }))
  },
  loginSucceeded: (user) => {
    set({ auth: { status: 'ready', user, error: null } })
  },
  loginFailed: (message) => {
    set({ auth: { status: 'logged_out', user: null, error: message } })
  },
  loggedOut: (message) => {
    set({ auth: { status: 'logged_out', user: null, error: message ?? null } })
  }
})
