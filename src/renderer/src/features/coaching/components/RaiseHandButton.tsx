import { Hand } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { useNow } from '@renderer/hooks/useNow'
import { ariaKeyShortcuts, formatShortcut, useShortcut } from '../../shortcuts'
import { elapsedText } from '../elapsed'
import './coaching.css'

/** Up if down, down if up: the same key (Alt+U) and the same button do both. */
function toggleHand(): void {
  const store = useAppStore.getState()
  if (store.presence.handRaisedAt === null) store.handRaised(new Date().toISOString())
  else store.handLowered()
}

function RaisedFor({ since }: { since: string }) {
  const { t } = useTranslation()
  // Ticks only while the hand is up.
  const now = useNow(1000)
  return <>{t('coaching.hand.raised', { elapsed: elapsedText(since, now) })}</>
}

/**
 * The agent's raised hand, in the top bar: asks the team's lead for help without a word on the
 * call. The desk's presence carries it to the floor; it stays up until the agent lowers it or a
 * lead's whisper answers it. Agents only: a lead has nobody above them on the floor.
 */
export function RaiseHandButton() {
  const { t } = useTranslation()
  const isAgent = useAppStore((s) => s.auth.user?.role === 'agent')
  const raisedAt = useAppStore((s) => s.presence.handRaisedAt)
  useShortcut('coaching.raiseHand', toggleHand, { enabled: isAgent })
  if (!isAgent) return null
  const raised = raisedAt !== null
  return (
    <button
      type="button"
      className={`raise-hand${raised ? ' raised' : ''}`}
      aria-pressed={raised}
      aria-keyshortcuts={ariaKeyShortcuts('coaching.raiseHand')}
      title={`${t(raised ? 'coaching.hand.lower' : 'coaching.hand.raise')} (${formatShortcut('coaching.raiseHand', t)})`}
      onClick={toggleHand}
    >
      <Hand size={16} aria-hidden="true" />
      <span>{raised ? <RaisedFor since={raisedAt} /> : t('coaching.hand.raise')}</span>
    </button>
  )
}
