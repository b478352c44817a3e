import { useEffect, useRef } from 'react'

import type { LocalWhisper } from '@shared/contract/worker'
import { useAppStore } from '@renderer/stores/app-store'

/**
 * Lowers the raised hand when a whisper that answers it arrives. Only a whisper not on the desk
 * when the hand went up counts: an older answer still unread must not lower a new hand. Desk and
 * lead clocks may differ, so arrival here is what counts, not the whisper's time.
 */
export function useHandAnswered(inbox: readonly LocalWhisper[]): void {
  const raisedAt = useAppStore((s) => s.presence.handRaisedAt)
  const known = useRef<Set<string> | null>(null)
  useEffect(() => {
    const answers = inbox.filter((w) => w.answersHand).map((w) => w.id)
    if (raisedAt === null || known.current === null) {
      known.current = new Set(answers)
      return
    }
    const fresh = answers.filter((id) => !known.current?.has(id))
    answers.forEach((id) => known.current?.add(id))
    if (fresh.length > 0) useAppStore.getState().handLowered()
  }, [inbox, raisedAt])
}
