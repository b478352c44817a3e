/**
 * The role-play this trainer's desk waits to be called for (the trainee dials): the one session
 * an incoming role-play INVITE may carry here. Once its call arrives it is taken, so the same
 * session cannot ring this desk twice; a console closed or a session withdrawn waits for nothing.
 */
import { useAppStore } from '@renderer/stores/app-store'

export interface RoleplayWaiting {
  /** The session's id while waiting; null otherwise. */
  id: () => string | null
  taken: (callId: string) => void
}

export const waitingRoleplay: RoleplayWaiting = {
  id: () => {
    const current = useAppStore.getState().roleplay.current
    if (current?.roleplay.direction !== 'trainee_calls' || current.callId !== null) return null
    return current.roleplay.id
  },
  taken: (callId) => {
    useAppStore.getState().roleplayCallTaken(callId)
  }
}
