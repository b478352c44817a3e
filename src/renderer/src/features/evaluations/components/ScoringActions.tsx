/**
 * The foot of the scoring view: where the draft stands (saved when, saving, changes waiting),
 * "Guardar borrador", and "Publicar al agente" ("Enviar calibración" for a calibration one).
 * Publishing stays reachable while something is missing: it is marked disabled, described by
 * the list of what is missing, and a press takes the focus to the first problem instead.
 */
import { Save, Send } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { timeText } from '../score-text'

export type SaveState =
  | { phase: 'new' }
  | { phase: 'dirty' }
  | { phase: 'saving' }
  | { phase: 'saved'; at: string }
  | { phase: 'error'; message: string | null }

export interface ScoringActionsProps {
  save: SaveState
  calibration: boolean
  /** Nothing blocks publishing. */
  complete: boolean
  problemsId: string
  busy: boolean
  /** What went wrong on the last publish, if it did. */
  error: string | null
  canSave: boolean
  onSave: () => void
  onRelease: () => void
}

function SaveLine({ save }: { save: SaveState }) {
  const { t, i18n } = useTranslation()
  switch (save.phase) {
    case 'new':
      return <span className="hint">{t('evaluations.save.new')}</span>
    case 'dirty':
      return <span className="hint">{t('evaluations.save.dirty')}</span>
    case 'saving':
      return <span className="hint">{t('evaluations.save.saving')}</span>
    case 'saved':
      return (
        <span className="hint">
          {t('evaluations.save.saved', { time: timeText(save.at, i18n.language) })}
        </span>
      )
    case 'error':
      return (
        <span className="error">
          {t('evaluations.save.failed')} {save.message ?? t('evaluations.errors.noWorker')}
        </span>
      )
  }
}

export function ScoringActions(props: ScoringActionsProps) {
  const { t } = useTranslation()
  return (
    <>
      <p className="eval-save-line" aria-live="polite">
        <SaveLine save={props.save} />
      </p>
      {props.error !== null && (
        <p role="alert" className="error eval-action-error">
          {props.error}
        </p>
      )}
      <div className="eval-action-buttons">
        <button type="button" onClick={props.onSave} disabled={!props.canSave || props.busy}>
          <Save size={13} aria-hidden="true" />
          {t('evaluations.actions.saveDraft')}
        </button>
        <button
          type="button"
          className="accent"
          aria-disabled={!props.complete || props.busy ? true : undefined}
          aria-describedby={props.complete ? undefined : props.problemsId}
          onClick={props.onRelease}
        >
          <Send size={13} aria-hidden="true" />
          {props.calibration
            ? t('evaluations.actions.submitCalibration')
            : t('evaluations.actions.release')}
        </button>
      </div>
    </>
  )
}
