/**
 * What the reader of an evaluation may do with it, from props (the containers hold the state):
 * the agent accepts it ("Acepto la evaluación") or disputes it ("No estoy de acuerdo", then the
 * reason and "Enviar desacuerdo"); a lead resolves a dispute, keeping the score or re-scoring
 * ("Mantener la puntuación" / "Volver a puntuar"), with "Motivo de la resolución" and "Resolver".
 */
import { Check, MessageSquareWarning, RotateCcw, Scale } from 'lucide-react'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import type { ResolveDecision } from '@shared/evaluations/evaluation'
import { MAX_EVALUATION_COMMENT } from '@shared/evaluations/evaluation'

export interface RespondControlsViewProps {
  /** The reason's box is open (after "No estoy de acuerdo"). */
  disputing: boolean
  reason: string
  busy: boolean
  error: string | null
  onAccept: () => void
  onDispute: () => void
  onReason: (reason: string) => void
  onSend: () => void
  onCancel: () => void
}

export function RespondControlsView(props: RespondControlsViewProps) {
  const { t } = useTranslation()
  const reasonId = useId()
  const empty = props.reason.trim() === ''
  // "No estoy de acuerdo" opens the reason's box with the focus in it.
  const reasonBox = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    if (props.disputing) reasonBox.current?.focus()
  }, [props.disputing])
  return (
    <section className="eval-respond" aria-label={t('evaluations.respond.label')}>
      <p className="eval-respond-ask">{t('evaluations.respond.ask')}</p>
      {!props.disputing ? (
        <div className="eval-action-buttons">
          <button type="button" className="primary" disabled={props.busy} onClick={props.onAccept}>
            <Check size={13} aria-hidden="true" />
            {t('evaluations.respond.accept')}
          </button>
          <button type="button" disabled={props.busy} onClick={props.onDispute}>
            <MessageSquareWarning size={13} aria-hidden="true" />
            {t('evaluations.respond.dispute')}
          </button>
        </div>
      ) : (
        <div className="eval-reason">
          <label htmlFor={reasonId}>{t('evaluations.respond.reason')}</label>
          <textarea
            ref={reasonBox}
            id={reasonId}
            rows={3}
            maxLength={MAX_EVALUATION_COMMENT}
            aria-required="true"
            value={props.reason}
            onChange={(e) => {
              props.onReason(e.target.value)
            }}
          />
          <p className="hint">{t('evaluations.respond.reasonHint')}</p>
          <div className="eval-action-buttons">
            <button
              type="button"
              className="accent"
              aria-disabled={empty || props.busy ? true : undefined}
              onClick={() => {
                if (!empty && !props.busy) props.onSend()
              }}
            >
              {t('evaluations.respond.send')}
            </button>
            <button type="button" className="quiet" onClick={props.onCancel}>
              {t('evaluations.respond.cancel')}
            </button>
          </div>
        </div>
      )}
      {props.error !== null && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
    </section>
  )
}

export interface ResolveControlsViewProps {
  decision: ResolveDecision | null
  reason: string
  /** For a re-score: the answers still missing something (the form says which). */
  answersIncomplete: boolean
  busy: boolean
  error: string | null
  onDecision: (decision: ResolveDecision) => void
  onReason: (reason: string) => void
  onResolve: () => void
}

export function ResolveControlsView(props: ResolveControlsViewProps) {
  const { t } = useTranslation()
  const reasonId = useId()
  const ready =
    props.decision !== null &&
    props.reason.trim() !== '' &&
    !(props.decision === 'rescored' && props.answersIncomplete) &&
    !props.busy
  const why =
    props.decision === null
      ? t('evaluations.resolve.pickDecision')
      : props.decision === 'rescored' && props.answersIncomplete
        ? t('evaluations.resolve.answersMissing')
        : props.reason.trim() === ''
          ? t('evaluations.resolve.reasonMissing')
          : null
  return (
    <section className="eval-resolve" aria-label={t('evaluations.resolve.label')}>
      <div
        className="eval-action-buttons"
        role="group"
        aria-label={t('evaluations.resolve.decision')}
      >
        <button
          type="button"
          aria-pressed={props.decision === 'kept'}
          onClick={() => {
            props.onDecision('kept')
          }}
        >
          <Scale size={13} aria-hidden="true" />
          {t('evaluations.resolve.keep')}
        </button>
        <button
          type="button"
          aria-pressed={props.decision === 'rescored'}
          onClick={() => {
            props.onDecision('rescored')
          }}
        >
          <RotateCcw size={13} aria-hidden="true" />
          {t('evaluations.resolve.rescore')}
        </button>
      </div>
      {props.decision !== null && (
        <div className="eval-reason">
          <label htmlFor={reasonId}>{t('evaluations.resolve.reason')}</label>
          <textarea
            id={reasonId}
            rows={2}
            maxLength={MAX_EVALUATION_COMMENT}
            aria-required="true"
            value={props.reason}
            onChange={(e) => {
              props.onReason(e.target.value)
            }}
          />
        </div>
      )}
      <div className="eval-action-buttons">
        <button
          type="button"
          className="accent"
          aria-disabled={ready ? undefined : true}
          aria-describedby={why === null ? undefined : `${reasonId}-why`}
          onClick={() => {
            if (ready) props.onResolve()
          }}
        >
          {t('evaluations.resolve.resolve')}
        </button>
        {why !== null && (
          <span id={`${reasonId}-why`} className="hint">
            {why}
          </span>
        )}
      </div>
      {props.error !== null && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
    </section>
  )
}
