/**
 * The case tools follow the call: a script's prefilled complaint or callback opens its tool, the
 * wrap-up opens the wrap-up form, and the wrap-up tool closes once the call is over. Returns the
 * unsubscribe function.
 */
import { useAppStore, type AppState } from '@renderer/stores/app-store'

export function followCallWithCaseTools(): () => void {
  return useAppStore.subscribe((now: AppState, before: AppState) => {
    // A draft comes from the script or from "fix and save again" in the list: show it on the desk.
    if (now.complaints.draft !== null && now.complaints.draft !== before.complaints.draft) {
      now.caseToolOpened('complaint')
      if (now.workspace.current !== 'desk') now.workspaceOpened('desk')
    }
    if (now.callbackDraft !== null && now.callbackDraft !== before.callbackDraft) {
      now.caseToolOpened('callback')
    }
    // A callback scheduled from the wrap-up: back to the wrap-up, which still needs its disposition.
    if (
      now.callbackDraft === null &&
      before.callbackDraft !== null &&
      now.phone.phase === 'wrap_up' &&
      now.workspace.caseTool === 'callback'
    ) {
      now.caseToolOpened('wrapUp')
    }
    const phase = now.phone.phase
    if (phase !== before.phone.phase) {
      if (phase === 'wrap_up') now.caseToolOpened('wrapUp')
      else if (phase === 'idle' && now.workspace.caseTool === 'wrapUp') now.caseToolClosed()
    }
  })
}
