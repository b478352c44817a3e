import { useEffect } from 'react'

import type { CallShortcutAction } from '@shared/contract/desktop-api'
import { getDesktop } from '@renderer/platform/desktop'
import type { CallController } from '../call-controller'
import { useSoftphone } from '../softphone-context'

/** Fired by the Alt+T shortcut: the transfer form opens and puts the cursor in its field. */
export const OPEN_TRANSFER_EVENT = 'atiende:open-transfer'

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
function globalActions(calls: CallController): Record<CallShortcutAction, () => void> {
  return {
    answer: () => {
      calls.answerCall()
    },
    hangUp: () => {
      calls.hangUp()
    },
    mute: () => {
      calls.toggleMute()
    },
    hold: () => {
      calls.toggleHold()
    }
  }
}

export function useCallShortcuts(onPractice: () => void): void {
  const { calls, line } = useSoftphone()
  useEffect(() => {
    const actions = globalActions(calls)
    return getDesktop().onCallShortcut(({ action }) => {
      actions[action]()
    })
  }, [calls])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      // `code` keeps the shortcut on the same key whatever the keyboard layout prints.
      const actions: Record<string, () => void> = {
        KeyA: () => {
          calls.answerCall()
        },
        KeyD: () => {
          calls.declineCall()
        },
        KeyH: () => {
          calls.hangUp()
        },
        KeyP: onPractice,
        KeyM: () => {
          calls.toggleMute()
        },
        KeyO: () => {
          calls.toggleHold()
        },
        KeyS: () => {
          calls.swapLines()
        },
        KeyT: openTransfer,
        KeyR: () => {
          void line.redial()
        }
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
  }, [calls, line, onPractice])
}
