import { useId, useState, type SyntheticEvent } from 'react'
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { useTranslation } from 'react-i18next'

import type { ForcibleAgentState } from '@shared/domain/agent-state'
import { sanitizeDisplayText } from '@shared/domain/text'
import { builtInPauseReasons } from '../agent-state'
import { forceAgentState } from '../force-agent-state'
import { usePauseReasons } from '../use-pause-reasons'
import { useReasonLabel } from '../use-reason-label'
import './force-state.css'

/** The note's limit, as the server's schema has it. */
const NOTE_MAX = 200

/**
 * A lead's "Change state…" for one agent: Ready, or Not ready with a pause reason the agent
 * could choose themselves, and a note the agent sees. Only these two: on a call and wrap-up are
 * the phone's, and logging a desk out from afar would strand it (docs/live-floor.md).
 */
export function ForceStateControl({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { t } = useTranslation()
  const [isOpen, setOpen] = useState(false)
  const name = sanitizeDisplayText(agentName, 80)
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <Button className="force-state-open" aria-label={t('forceState.openLabel', { name })}>
        {t('forceState.open')}
      </Button>
      <ModalOverlay isDismissable className="force-state-overlay">
        <Modal className="force-state-modal">
          <Dialog className="force-state-dialog">
            <Heading slot="title">{t('forceState.title', { name })}</Heading>
            <ForceStateForm
              agentId={agentId}
              onDone={() => {
                setOpen(false)
              }}
            />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  )
}

function ForceStateForm({ agentId, onDone }: { agentId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const ids = useId()
  const configured = usePauseReasons()
  const labelOf = useReasonLabel(configured)
  // The reasons an agent can choose: a lead never pauses someone with "phone out of service".
  const reasons =
    configured.length > 0
      ? configured
          .filter((r) => r.selectable && r.active)
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((r) => r.code)
      : [...builtInPauseReasons]
  const [state, setState] = useState<ForcibleAgentState>('not_ready')
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const chosenReason = reasons.includes(reason) ? reason : (reasons[0] ?? '')

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    void forceAgentState({ agentId, state, pauseReason: chosenReason, note }).then((refused) => {
      setBusy(false)
      if (refused) setError(refused.message)
      else onDone()
    })
  }

  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('forceState.state')}</legend>
        {(['ready', 'not_ready'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${ids}-state`}
              value={value}
              checked={state === value}
              onChange={() => {
                setState(value)
              }}
            />
            {t(value === 'ready' ? 'forceState.ready' : 'forceState.notReady')}
          </label>
        ))}
      </fieldset>
      <label>
        {t('forceState.reason')}
        <select
          value={chosenReason}
          disabled={state !== 'not_ready'}
          onChange={(event) => {
            setReason(event.target.value)
          }}
        >
          {reasons.map((code) => (
            <option key={code} value={code}>
              {labelOf(code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('forceState.note')}
        <input
          type="text"
          value={note}
          maxLength={NOTE_MAX}
          aria-describedby={`${ids}-note-hint`}
          onChange={(event) => {
            setNote(event.target.value)
          }}
        />
      </label>
      <p id={`${ids}-note-hint`} className="hint">
        {t('forceState.noteHint')}
      </p>
      {error && (
        <p role="alert" className="error">
          {t('forceState.failed', { message: error })}
        </p>
      )}
      <div className="force-state-actions">
        <button type="button" onClick={onDone}>
          {t('forceState.cancel')}
        </button>
        <button type="submit" className="accent" disabled={busy}>
          {t('forceState.apply')}
        </button>
      </div>
    </form>
  )
}
