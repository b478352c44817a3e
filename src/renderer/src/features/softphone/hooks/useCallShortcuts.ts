import { useEffect } from 'react'

import type { CallShortcutAction } from '@shared/contract/desktop-api'
import { getDesktop } from '@renderer/platform/desktop'
import { useShortcut } from '../../shortcuts'
import type { CallController } from '../call-controller'
import { useSoftphone } from '../softphone-context'

/** Fired by the Alt+T shortcut: the transfer form opens and puts the cursor in its field. */
export const OPEN_TRANSFER_EVENT = 'atiende:open-transfer'

const openTransfer = (): void => {
  window.dispatchEvent(new Event(OPEN_TRANSFER_EVENT))
}

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

/** The call shortcuts; Alt+P (practice) is the practice picker's, beside the phone. */
export function useCallShortcuts(): void {
  const { calls, line } = useSoftphone()
  useEffect(() => {
    const actions = globalActions(calls)
    return getDesktop().onCallShortcut(({ action }) => {
      actions[action]()
    })
  }, [calls])
  // Alt+letter in the window (the keyboard map, src/shared/keyboard), even while typing.
  useShortcut('call.answer', () => {
    calls.answerCall()
  })
  useShortcut('call.decline', () => {
    calls.declineCall()
  })
  useShortcut('call.hangUp', () => {
    calls.hangUp()
  })
  useShortcut('call.mute', () => {
    calls.toggleMute()
  })
  useShortcut('call.hold', () => {
    calls.toggleHold()
  })
  useShortcut('call.swap', () => {
    calls.swapLines()
  })
  useShortcut('call.transfer', openTransfer)
  useShortcut('call.redial', () => {
    void line.redial()
  })
}
