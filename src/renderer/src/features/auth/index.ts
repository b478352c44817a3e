export { LoginForm } from './components/LoginForm'
export { createSession, type Session, type SessionOptions } from './session'
export { SessionProvider, useSession } from './session-context'
