import { useId, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalWhisper } from '@shared/contract/worker'
import { MAX_WHISPER_TEXT, type WhisperInput } from '@shared/domain/whisper'
import { sanitizeDisplayText } from '@shared/domain/text'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { sendWhisper } from '../commands'
import { useWhispersSentToday } from '../hooks/use-whispers'
import './coaching.css'

export interface WhisperComposerProps {
  agentId: string
  agentName: string
  /** The agent's current call on their desk, or null between calls. */
  callId: string | null
  /** The running script's jumps, where the lead may send the agent. */
  jumps: readonly { id: string; label: string }[]
  handRaised: boolean
}

function SentToday({ whispers }: { whispers: readonly LocalWhisper[] }) {
  const { t, i18n } = useTranslation()
  const time = dateTimeFormat(i18n.language, { timeStyle: 'short' })
  const at = (iso: string) => time.format(new Date(iso))
  return (
    <section className="whisper-sent" aria-label={t('coaching.composer.today')}>
      <h4>{t('coaching.composer.today')}</h4>
      {whispers.length === 0 ? (
        <p className="hint">{t('coaching.composer.none')}</p>
      ) : (
        <ul>
          {whispers.map((w) => {
            const what =
              w.kind === 'jump'
                ? t('coaching.composer.jumpSent', {
                    step: sanitizeDisplayText(w.jumpLabel ?? w.jumpId ?? '', 120)
                  })
                : t('coaching.quote', { text: sanitizeDisplayText(w.text, 300) })
            const status =
              w.acknowledgedAt !== null
                ? t('coaching.composer.seen', { time: at(w.acknowledgedAt) })
                : t(`coaching.composer.${w.syncState === 'synced' ? 'unseen' : w.syncState}`)
            return (
              <li key={w.id}>
                <time dateTime={w.sentAt}>{at(w.sentAt)}</time> · {what}
                {w.kind === 'jump' &&
                  w.text &&
                  ` ${t('coaching.quote', { text: sanitizeDisplayText(w.text, 300) })}`}{' '}
                · <span className={w.acknowledgedAt !== null ? 'seen' : 'muted'}>{status}</span>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/**
 * A lead's whisper to one agent: a short text, a jump of the agent's running script (the
 * retention offer), or, while the agent's hand is up, a one-click answer to it. Below, what was
 * whispered to this agent today and when they saw it. Works offline: sends are journaled.
 */
export function WhisperComposer({
  agentId,
  agentName,
  callId,
  jumps,
  handRaised
}: WhisperComposerProps) {
  const { t } = useTranslation()
  const ids = useId()
  const name = sanitizeDisplayText(agentName, 60)
  const [text, setText] = useState('')
  const [jumpId, setJumpId] = useState('')
  const [handText, setHandText] = useState(() => t('coaching.composer.handDefault'))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const sent = useWhispersSentToday(agentId)

  const send = async (input: Omit<WhisperInput, 'agentId' | 'callId'>): Promise<boolean> => {
    setBusy(true)
    const failed = await sendWhisper({ agentId, callId, ...input })
    setBusy(false)
    setError(failed)
    return failed === null
  }
  const sendText = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const body = text.trim()
    if (!body) return
    void send({ kind: 'text', text: body, jumpId: null, jumpLabel: null, answersHand: false }).then(
      (ok) => {
        if (ok) setText('')
      }
    )
  }
  const chosenJump = jumps.find((j) => j.id === jumpId) ?? jumps[0]
  const sendJump = () => {
    if (!chosenJump) return
    void send({
      kind: 'jump',
      text: text.trim(),
      jumpId: chosenJump.id,
      jumpLabel: chosenJump.label,
      answersHand: false
    }).then((ok) => {
      if (ok) setText('')
    })
  }
  const answerHand = () => {
    const body = handText.trim() || t('coaching.composer.handDefault')
    void send({ kind: 'text', text: body, jumpId: null, jumpLabel: null, answersHand: true })
  }

  return (
    <section className="whisper-composer" aria-label={t('coaching.composer.heading', { name })}>
      {handRaised && (
        <div className="whisper-hand" role="group" aria-label={t('coaching.composer.handGroup')}>
          <label htmlFor={`${ids}-hand`}>{t('coaching.composer.handText')}</label>
          <input
            id={`${ids}-hand`}
            value={handText}
            maxLength={MAX_WHISPER_TEXT}
            onChange={(e) => {
              setHandText(e.target.value)
            }}
          />
          <button type="button" className="accent" disabled={busy} onClick={answerHand}>
            {t('coaching.composer.answerHand')}
          </button>
        </div>
      )}
      <form onSubmit={sendText} className="whisper-text">
        <label htmlFor={`${ids}-text`}>{t('coaching.composer.text')}</label>
        <input
          id={`${ids}-text`}
          value={text}
          maxLength={MAX_WHISPER_TEXT}
          aria-describedby={`${ids}-count`}
          onChange={(e) => {
            setText(e.target.value)
          }}
        />
        <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
          {t('coaching.composer.send')}
        </button>
        <small id={`${ids}-count`} className="muted">
          {t('coaching.composer.remaining', { count: MAX_WHISPER_TEXT - text.length })}
        </small>
      </form>
      {jumps.length > 0 && chosenJump && (
        <div className="whisper-jump">
          <label htmlFor={`${ids}-jump`}>{t('coaching.composer.jump')}</label>
          <select
            id={`${ids}-jump`}
            value={chosenJump.id}
            onChange={(e) => {
              setJumpId(e.target.value)
            }}
          >
            {jumps.map((j) => (
              <option key={j.id} value={j.id}>
                {sanitizeDisplayText(j.label, 80)}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={sendJump}>
            {t('coaching.composer.sendJump')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <SentToday whispers={sent} />
    </section>
  )
}
