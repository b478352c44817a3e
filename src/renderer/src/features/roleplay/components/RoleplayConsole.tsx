import { MessageSquarePlus, Send, Trash2, X } from 'lucide-react'
import { useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { RoleplayLive } from '@shared/practice/roleplay'
import { nodeLabel } from '@shared/scripts/node-label'
import { useAppStore } from '@renderer/stores/app-store'
import { localized } from '../../practice-scenarios'
import { scriptCatalog } from '../../scripts'
import { trainingApi as defaultApi, type TrainingApi } from '../../training-progress'
import { prompterFor } from '../prompter'
import type { TrainerRoleplay } from '../store'
import { useRoleplayLive, type LiveView } from '../use-roleplay-live'
import { RoleplayScoring, type TraineeCall } from './RoleplayScoring'
import '../roleplay.css'

type Send = { state: 'idle' } | { state: 'sending' } | { state: 'failed'; message: string }

/** Whether the console waits for the trainee's call: invited, nothing arrived here yet. */
const isWaiting = (current: TrainerRoleplay): boolean =>
  current.roleplay.direction === 'trainee_calls' && current.callId === null

function notTakenLine(current: TrainerRoleplay, name: string, t: TFunction, language: string) {
  if (current.roleplay.direction === 'trainer_calls') return t('roleplay.live.notYet', { name })
  if (!isWaiting(current)) return t('roleplay.live.incoming', { name })
  const expiresAt = new Date(current.roleplay.expiresAt)
  if (expiresAt.getTime() <= Date.now()) return t('roleplay.live.expired', { name })
  const time = expiresAt.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' })
  return t('roleplay.live.invited', { name, time })
}

function liveLine(
  view: LiveView,
  current: TrainerRoleplay,
  line: { name: string; step: string | null; language: string },
  t: TFunction
) {
  const { name, step } = line
  if (view.state === 'waiting') return t('roleplay.live.waiting')
  if (view.state === 'offline') return t('roleplay.live.offline')
  const { live } = view
  if (live.roleplay.redeemedAt === null) return notTakenLine(current, name, t, line.language)
  if (!live.trainee) return t('roleplay.live.noDesk', { name })
  if (live.trainee.phase === 'ringing') return t('roleplay.live.ringing', { name })
  if (step !== null) return t('roleplay.live.step', { name, step })
  if (live.trainee.phase !== null) return t('roleplay.live.onCall', { name })
  return t('roleplay.live.ended', { name })
}

/** The step the trainee is on, when the live view says so. */
const stepOf = (live: RoleplayLive | null): string | null => live?.trainee?.script?.nodeId ?? null

/**
 * The trainer's console during a role-play, on the desk: whom they call (or wait to be called
 * by) and as whom, the step the
 * trainee's script is on (live), what the customer says and answers there (a prompter), notes
 * per step and a comment, sent to the trainee. It stays after the call ends until closed, so the
 * feedback can be written after hanging up.
 */
export function RoleplayConsole({ api = defaultApi }: { api?: TrainingApi }) {
  const current = useAppStore((s) => s.roleplay.current)
  if (!current) return null
  return <RoleplayConsoleView key={current.roleplay.id} current={current} api={api} />
}

export function RoleplayConsoleView({
  current,
  api
}: {
  current: TrainerRoleplay
  api: TrainingApi
}) {
  const { t, i18n } = useTranslation()
  const view = useRoleplayLive(api, current.roleplay.id)
  const live = view.state === 'ready' ? view.live : null
  const [note, setNote] = useState('')
  const [send, setSend] = useState<Send>({ state: 'idle' })
  const { roleplay, scenario } = current
  const trainee = sanitizeDisplayText(roleplay.traineeName, 80)
  const persona = sanitizeDisplayText(
    `${scenario.persona.firstName} ${scenario.persona.lastName}`.trim(),
    120
  )
  const script = scriptCatalog().scripts.get(scenario.script.id) ?? null
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  const label = (nodeId: string | null): string =>
    nodeId === null
      ? t('roleplay.notes.wholeCall')
      : sanitizeDisplayText(
          (script ? nodeLabel(script, nodeId, language, 60) : null) ?? t('roleplay.notes.step'),
          100
        )
  const step = stepOf(live)
  const cues = step === null ? [] : prompterFor(scenario, script, step)
  const store = useAppStore.getState()
  const redeemed = live?.roleplay.redeemedAt != null
  const waiting = isWaiting(current)
  // Kept once known: a poll that fails later must not take the scoring away.
  const [traineeCall, setTraineeCall] = useState<TraineeCall | null>(null)
  const seenCallId = live?.roleplay.traineeCallId ?? null
  if (seenCallId !== null && seenCallId !== traineeCall?.id) {
    setTraineeCall({ id: seenCallId, at: live?.roleplay.redeemedAt ?? null })
  }
  const sendFeedback = async () => {
    setSend({ state: 'sending' })
    const outcome = await api.sendRoleplayFeedback(roleplay.id, {
      comment: current.comment,
      notes: current.notes
    })
    if (outcome.ok) {
      useAppStore.getState().roleplayFeedbackSent(outcome.data.sentAt)
      setSend({ state: 'idle' })
    } else {
      const message =
        outcome.reason === 'failed' ? outcome.message : t(`roleplay.feedback.${outcome.reason}`)
      setSend({ state: 'failed', message })
    }
  }
  return (
    <section className="panel roleplay-console" aria-labelledby="roleplay-console-heading">
      <div className="panel-head">
        <h2 id="roleplay-console-heading">{t('roleplay.heading', { name: trainee })}</h2>
        <button
          type="button"
          onClick={() => {
            // An invitation not taken is withdrawn, so the trainee's desk stops offering a call
            // this desk would now refuse; offline, it lapses on its own within minutes.
            if (waiting && !redeemed) void api.withdrawRoleplay(roleplay.id)
            store.roleplayClosed()
          }}
        >
          <X size={14} aria-hidden="true" />
          {t(waiting && !redeemed ? 'roleplay.withdraw' : 'roleplay.close')}
        </button>
      </div>
      <p className="muted">
        {t('roleplay.playing', {
          persona,
          scenario: sanitizeDisplayText(localized(scenario.title, i18n.language), 120)
        })}
      </p>
      <p role="status" className="roleplay-live">
        {liveLine(
          view,
          current,
          { name: trainee, step: step === null ? null : label(step), language: i18n.language },
          t
        )}
      </p>
      <RoleplayScoring trainee={{ id: roleplay.traineeId, name: trainee }} call={traineeCall} />

      <section className="roleplay-prompter" aria-labelledby="roleplay-prompter-heading">
        <h3 id="roleplay-prompter-heading">{t('roleplay.prompter.heading')}</h3>
        {cues.length === 0 ? (
          <p className="muted">{t('roleplay.prompter.none')}</p>
        ) : (
          <ul>
            {cues.map((cue, i) => (
              <li key={i} className={`cue cue-${cue.kind}`}>
                <span className="cue-kind">
                  {t(
                    cue.accepted === undefined
                      ? `roleplay.prompter.${cue.kind}`
                      : `roleplay.prompter.offer_${String(cue.accepted)}`
                  )}
                </span>{' '}
                {sanitizeDisplayText(cue.text, 400)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="roleplay-notes" aria-labelledby="roleplay-notes-heading">
        <h3 id="roleplay-notes-heading">{t('roleplay.notes.heading', { name: trainee })}</h3>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const text = note.trim()
            if (text === '') return
            store.roleplayNoteAdded({ nodeId: step, text })
            setNote('')
          }}
        >
          <label>
            {t('roleplay.notes.on', { step: label(step) })}
            <textarea
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => {
                setNote(e.target.value)
              }}
            />
          </label>
          <button type="submit" disabled={note.trim() === ''}>
            <MessageSquarePlus size={14} aria-hidden="true" />
            {t('roleplay.notes.add')}
          </button>
        </form>
        {current.notes.length > 0 && (
          <ol className="roleplay-note-list">
            {current.notes.map((n, i) => (
              <li key={i}>
                <strong>{label(n.nodeId)}:</strong> {sanitizeDisplayText(n.text, 1000)}{' '}
                <button
                  type="button"
                  aria-label={t('roleplay.notes.remove', { step: label(n.nodeId) })}
                  onClick={() => {
                    store.roleplayNoteRemoved(i)
                  }}
                >
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              </li>
            ))}
          </ol>
        )}
        <label>
          {t('roleplay.feedback.comment')}
          <textarea
            rows={3}
            maxLength={4000}
            value={current.comment}
            onChange={(e) => {
              store.roleplayCommentChanged(e.target.value)
            }}
          />
        </label>
        <div className="roleplay-send">
          <button
            type="button"
            disabled={!redeemed || send.state === 'sending'}
            onClick={() => void sendFeedback()}
          >
            <Send size={14} aria-hidden="true" />
            {t('roleplay.feedback.send', { name: trainee })}
          </button>
          {!redeemed && <span className="muted">{t('roleplay.feedback.afterAnswer')}</span>}
          {current.sentAt !== null && send.state === 'idle' && (
            <span role="status">
              {t('roleplay.feedback.sent', {
                name: trainee,
                time: new Date(current.sentAt).toLocaleTimeString(i18n.language, {
                  hour: '2-digit',
                  minute: '2-digit'
                })
              })}
            </span>
          )}
          {send.state === 'failed' && (
            <span role="alert" className="error">
              {send.message}
            </span>
          )}
        </div>
      </section>
    </section>
  )
}
