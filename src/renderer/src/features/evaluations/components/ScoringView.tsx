/**
 * The scoring view's layout, from props (the unit tests render it): the region "Evaluación de la
 * llamada" with its heading and toolbar, the live score and sections beside the form, the call's
 * facts on the other side (or folded above the form where the view is narrow: the floor), the
 * overall comment, and the actions at the foot.
 */
import { X } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { MAX_EVALUATION_COMMENT } from '@shared/evaluations/evaluation'

import { problemsDomId } from '../dom-ids'
import type { AnswerSheet } from '../hooks/use-answer-sheet'
import { EvaluationFormView } from './EvaluationFormView'
import { ScoreRail } from './ScoreRail'
import './evaluations.css'
import './eval-questions.css'
import './eval-facts.css'

export interface ScoringViewProps {
  idPrefix: string
  /** Who and which call, under the heading. */
  subject: ReactNode
  /** The form picker and the calibration checkbox (or what stands for them). */
  toolbar: ReactNode
  /** Null while there is no form to score with (the toolbar then says why). */
  sheet: AnswerSheet | null
  /** The overall comment; null where it is not edited (re-scoring a dispute). */
  comment: { value: string; onChange: (comment: string) => void } | null
  facts: ReactNode
  actions: ReactNode
  /** Narrow (the floor's side panel): the facts fold above the form. */
  compact?: boolean
  onClose?: (() => void) | undefined
}

export function ScoringView(props: ScoringViewProps) {
  const { t } = useTranslation()
  const { sheet, idPrefix } = props
  const headingId = `${idPrefix}-heading`
  const problemsId = problemsDomId(idPrefix)
  return (
    <section
      className={`eval-scoring${props.compact === true ? ' compact' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="eval-scoring-head">
        <h2 id={headingId}>{t('evaluations.scoring.heading')}</h2>
        <div className="eval-subject">{props.subject}</div>
        {props.onClose && (
          <button type="button" className="quiet eval-close" onClick={props.onClose}>
            <X size={14} aria-hidden="true" />
            {t('evaluations.scoring.close')}
          </button>
        )}
      </header>
      <div className="eval-toolbar">{props.toolbar}</div>
      {sheet && (
        <ScoreRail
          idPrefix={idPrefix}
          form={sheet.form}
          score={sheet.score}
          answers={sheet.answers}
          progress={sheet.progress}
          problems={sheet.problems}
          problemsId={problemsId}
          insist={sheet.insist}
        />
      )}
      <div className="eval-main">
        {props.compact === true && (
          <details className="eval-facts-fold">
            <summary>{t('evaluations.facts.heading')}</summary>
            {props.facts}
          </details>
        )}
        {sheet && (
          <>
            <p className="hint eval-keys">{t('evaluations.scoring.keys')}</p>
            <EvaluationFormView
              idPrefix={idPrefix}
              form={sheet.form}
              answers={sheet.answers}
              score={sheet.score}
              visible={sheet.visible}
              progress={sheet.progress}
              problems={sheet.problemById}
              insist={sheet.insist}
              onAnswer={sheet.dispatch}
            />
            {props.comment && (
              <label className="eval-overall">
                {t('evaluations.scoring.overallComment')}
                <textarea
                  rows={3}
                  maxLength={MAX_EVALUATION_COMMENT}
                  value={props.comment.value}
                  onChange={(e) => {
                    props.comment?.onChange(e.target.value)
                  }}
                />
              </label>
            )}
          </>
        )}
      </div>
      {props.compact !== true && <div className="eval-side">{props.facts}</div>}
      <footer className="eval-actions">{props.actions}</footer>
    </section>
  )
}
