import { MessageSquareText } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalWhisper } from '@shared/contract/worker'
import { useAppStore } from '@renderer/stores/app-store'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { useScriptRunner } from '../../scripts'
import { ariaKeyShortcuts, useShortcut } from '../../shortcuts'
import { acknowledgeWhisper } from '../commands'
import { useHandAnswered } from '../hooks/use-hand-answered'
import { useWhisperInbox } from '../hooks/use-whispers'
import { whisperLine } from '../whisper-text'
import './coaching.css'

/** Whether the call's running script can take this jump now (open, and not already in it). */
function useJumpAvailable(whisper: LocalWhisper): boolean {
  return useAppStore((s) => {
    const view = s.scriptRun.view
    const call = s.phone.call
    if (!view || view.status !== 'open' || !call || s.scriptRun.callId !== call.id) return false
    if (whisper.callId !== null && whisper.callId !== call.id) return false
    return view.jumps.some((j) => j.id === whisper.jumpId && !j.active)
  })
}

function WhisperCard({ whisper, newest }: { whisper: LocalWhisper; newest: boolean }) {
  const { t, i18n } = useTranslation()
  const runner = useScriptRunner()
  const canJump = useJumpAvailable(whisper)
  const [error, setError] = useState<string | null>(null)
  const time = dateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
    new Date(whisper.sentAt)
  )
  const line = whisperLine(whisper, t)
  const acknowledge = () => {
    void acknowledgeWhisper(whisper.id).then(setError)
  }
  return (
    <li className={`whisper-card${newest ? ' newest' : ''}`} aria-label={line}>
      <p className="whisper-line">
        <MessageSquareText size={16} aria-hidden="true" />
        <span>{line}</span>
        <time dateTime={whisper.sentAt} className="muted">
          {time}
        </time>
      </p>
      <div className="actions">
        {whisper.kind === 'jump' && (
          <button
            type="button"
            className="primary"
            disabled={!canJump}
            onClick={() => {
              // Going there is the answer: the whisper is seen too.
              if (
                whisper.jumpId &&
                runner.sendScriptEvent({ type: 'jump', jumpId: whisper.jumpId })
              )
                acknowledge()
            }}
          >
            {t('coaching.inbox.goToStep')}
          </button>
        )}
        <button
          type="button"
          className={whisper.kind === 'text' ? 'primary' : undefined}
          aria-keyshortcuts={newest ? ariaKeyShortcuts('coaching.acknowledge') : undefined}
          onClick={acknowledge}
        >
          {t('coaching.inbox.acknowledge')}
        </button>
      </div>
      {whisper.kind === 'jump' && !canJump && (
        <p className="hint">{t('coaching.inbox.jumpUnavailable')}</p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  )
}

/**
 * What the live region says: the newest whisper that was not on the desk before. Acknowledging
 * one that leaves an older one on top says nothing new.
 */
function useArrivalAnnouncement(whispers: readonly LocalWhisper[]): string {
  const { t } = useTranslation()
  const seen = useRef(new Set<string>())
  const [announcement, setAnnouncement] = useState('')
  useEffect(() => {
    const arrived = whispers.find((w) => !seen.current.has(w.id))
    whispers.forEach((w) => seen.current.add(w.id))
    if (arrived) setAnnouncement(whisperLine(arrived, t))
  }, [whispers, t])
  return announcement
}

/**
 * The lead's whispers on the agent's desk, beside the script: calm but hard to miss, newest
 * first, each until the agent says "Got it" (Alt+K takes the newest). A polite live region reads
 * each new one out without interrupting what the agent is hearing or saying.
 */
export function WhisperInbox() {
  const { t } = useTranslation()
  const whispers = useWhisperInbox()
  useHandAnswered(whispers)
  const announcement = useArrivalAnnouncement(whispers)
  const newest = whispers[0]
  useShortcut(
    'coaching.acknowledge',
    () => {
      if (newest) void acknowledgeWhisper(newest.id)
    },
    { enabled: newest !== undefined }
  )
  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {newest && (
        <section className="panel whisper-inbox" aria-labelledby="whisper-inbox-heading">
          <h2 id="whisper-inbox-heading">
            {t('coaching.inbox.heading')}{' '}
            {whispers.length > 1 && (
              <span className="badge">{t('coaching.inbox.count', { count: whispers.length })}</span>
            )}
          </h2>
          <ul aria-label={t('coaching.inbox.list')}>
            {whispers.map((w) => (
              <WhisperCard key={w.id} whisper={w} newest={w.id === newest.id} />
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
