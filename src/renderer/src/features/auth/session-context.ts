/** The session the app created, handed to the login form and the app shell through context. */
import { createContext, useContext } from 'react'

import type { Session } from './session'

const SessionContext = createContext<Session | null>(null)

export const SessionProvider = SessionContext.Provider

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession() outside a SessionProvider')
  return session
}
