import { memo } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { ariaKeyShortcuts } from '../../shortcuts'
import { useSoftphone } from '../softphone-context'
import { TransferControls } from './TransferControls'
import { isPracticeCall } from '@renderer/telephony/call-session'

/** Mute, hold and transfer, for calls that offer them (real SIP calls). */
export const InCallControls = memo(function InCallControls() {
  const { t } = useTranslation()
  const { calls } = useSoftphone()
  const phase = useAppStore((s) => s.phone.phase)
  const isMuted = useAppStore((s) => s.phone.isMuted)
  const kind = useAppStore((s) => s.phone.call?.kind)
  const canTransfer = useAppStore(
    (s) =>
      (s.phone.consultFor !== null || s.phone.lines.length === 0) &&
      !(s.phone.call && isPracticeCall(s.phone.call))
  )
  if (kind !== 'sip' || (phase !== 'active' && phase !== 'held')) return null
  return (
    <>
      <button
        type="button"
        aria-pressed={isMuted}
        onClick={() => {
          calls.toggleMute()
        }}
        aria-keyshortcuts={ariaKeyShortcuts('call.mute')}
      >
        {t('softphone.mute')}
      </button>
      <button
        type="button"
        aria-pressed={phase === 'held'}
        onClick={() => {
          calls.toggleHold()
        }}
        aria-keyshortcuts={ariaKeyShortcuts('call.hold')}
      >
        {t('softphone.hold')}
      </button>
      {canTransfer && <TransferControls />}
    </>
  )
})
