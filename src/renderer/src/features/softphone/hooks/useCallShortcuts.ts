import { useEffect } from 'react'

import type { CallShortcutAction } from '@shared/contract/desktop-api'
import { getDesktop } from '@renderer/platform/desktop'
import { answerCall, declineCall, hangUp, swapLines, toggleHold, toggleMute } from '../commands'
import { redial } from '../phone-line'

/** Fired by the Alt+T shortcut: the transfer form opens and puts the cursor in its field. */
export const OPEN_TRANSFER_EVENT = 'atiende:open-transfer'

const redialLast = (): void => {
  void redial()
}

const openTransfer = (): void => {
  window.dispatchEvent(new Event(OPEN_TRANSFER_EVENT))
}

/** Alt+letter shortcuts so a trained agent handles a call without the mouse. */
export const callShortcuts = {
  answer: 'Alt+A',
  decline: 'Alt+D',
  hangUp: 'Alt+H',
  practice: 'Alt+P',
  mute: 'Alt+M',
  hold: 'Alt+O',
  swap: 'Alt+S',
  transfer: 'Alt+T',
  redial: 'Alt+R'
} as const

/** The desktop edition's system-wide shortcuts (Ctrl/Cmd+Alt+A, H, M, O), from any window. */
const globalActions: Record<CallShortcutAction, () => void> = {
  answer: answerCall,
  hangUp,
  mute: toggleMute,
  hold: toggleHold
}

export function useCallShortcuts(onPractice: () => void): void {
  useEffect(
    () =>
      getDesktop().onCallShortcut(({ action }) => {
        globalActions[action]()
      }),
    []
  )
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      // `code` keeps the shortcut on the same key whatever the keyboard layout prints.
      const actions: Record<string, () => void> = {
        KeyA: answerCall,
        KeyD: declineCall,
        KeyH: hangUp,
        KeyP: onPractice,
        KeyM: toggleMute,
        KeyO: toggleHold,
        KeyS: swapLines,
        KeyT: openTransfer,
        KeyR: redialLast
      }
      const action = actions[event.code]
      if (action) {
        event.preventDefault()
        action()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
    }
  }, [onPractice])
}
