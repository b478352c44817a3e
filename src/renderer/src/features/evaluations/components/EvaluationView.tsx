/**
 * An evaluation as read (by the agent, the evaluator, a lead): the score, passed or failed, a
 * failed critical item said apart, its state, each section's score and each asked question's
 * answer with its comment, the overall comment, the dispute and its resolution, and the history.
 */
import { AlertTriangle, FileCheck2 } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { Evaluation } from '@shared/evaluations/evaluation'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { scoreEvaluation, visibleQuestions } from '@shared/evaluations/scoring'

import { answerText } from '../answer-text'
import {
  dateTimeText,
  formText,
  nameText,
  noteText,
  percentText,
  verdictClass,
  verdictText
} from '../score-text'
import { DisputeAndResolution, EvaluationHistory } from './EvaluationHistory'
import { StateChip } from './StateChip'
import './evaluations.css'
import './eval-read.css'

export interface EvaluationViewProps {
  evaluation: Evaluation
  /** The version the evaluation names; null when this desk does not hold it (answers then bare). */
  form: FormDefinition | null
  /** What the reader may do now (accept or dispute, resolve), under the score. */
  controls?: ReactNode
}

function Answers({ evaluation, form }: { evaluation: Evaluation; form: FormDefinition }) {
  const { t, i18n } = useTranslation()
  const byId = new Map(evaluation.answers.map((a) => [a.questionId, a]))
  const visible = visibleQuestions(form, evaluation.answers)
  const scored = new Map(
    scoreEvaluation(form, evaluation.answers).questions.map((q) => [q.questionId, q])
  )
  const sections = new Map(evaluation.score.sections.map((s) => [s.sectionId, s]))
  return (
    <>
      {form.sections.map((section) => {
        const asked = section.questions.filter((q) => visible.has(q.id))
        if (asked.length === 0) return null
        const summary = sections.get(section.id)
        return (
          <section key={section.id} className="eval-read-section">
            <h4>
              {formText(section.title, i18n.language, 200)}
              {summary && summary.percent !== null && (
                <span className={`eval-section-score${summary.failed ? ' failed' : ''}`}>
                  {summary.failed
                    ? t('evaluations.section.failed')
                    : percentText(summary.percent, t, i18n.language)}
                </span>
              )}
            </h4>
            <dl className="eval-read-answers">
              {asked.map((question) => {
                const answer = byId.get(question.id)
                const failed = scored.get(question.id)?.failed === true
                return (
                  <div key={question.id} className={failed ? 'failed' : undefined}>
                    <dt>
                      {formText(question.text, i18n.language)}
                      {question.critical && (
                        <span className="badge warn">{t('evaluations.question.critical')}</span>
                      )}
                    </dt>
                    <dd>
                      <span className="eval-read-value">
                        {answerText(question, answer, t, i18n.language)}
                      </span>
                      {failed && (
                        <span className="eval-failed-note">
                          <AlertTriangle size={12} aria-hidden="true" />
                          {t('evaluations.question.failedCritical')}
                        </span>
                      )}
                      {answer?.autofilled === true && (
                        <span className="badge eval-autofilled">
                          <FileCheck2 size={11} aria-hidden="true" />
                          {t('evaluations.question.autofilled')}
                        </span>
                      )}
                      {answer !== undefined &&
                        answer.comment.trim() !== '' &&
                        question.kind !== 'text' && (
                          <span className="eval-read-comment">{noteText(answer.comment)}</span>
                        )}
                    </dd>
                  </div>
                )
              })}
            </dl>
          </section>
        )
      })}
    </>
  )
}

export function EvaluationView({ evaluation, form, controls }: EvaluationViewProps) {
  const { t, i18n } = useTranslation()
  const score = evaluation.score
  const title = form ? formText(form.title, i18n.language, 120) : evaluation.formId
  // Which critical items failed, said with the score: the reason is never only a colour.
  const failedItems =
    form === null
      ? []
      : scoreEvaluation(form, evaluation.answers)
          .questions.filter((q) => q.failed)
          .flatMap((q) => {
            const found = form.sections
              .flatMap((s) => s.questions)
              .find((x) => x.id === q.questionId)
            // A section's critical item shows in its section; the score speaks of the whole.
            return found?.critical === 'evaluation'
              ? [formText(found.text, i18n.language, 160)]
              : []
          })
  return (
    <article className="eval-read" aria-labelledby={`eval-read-${evaluation.id}`}>
      <header className="eval-read-head">
        <h3 id={`eval-read-${evaluation.id}`}>
          {t('evaluations.read.heading', { agent: nameText(evaluation.agentName) })}
        </h3>
        <StateChip state={evaluation.state} calibration={evaluation.calibration} />
      </header>
      <p className="eval-read-meta muted">
        {t('evaluations.read.meta', {
          form: title,
          version: evaluation.formVersion,
          evaluator: nameText(evaluation.evaluatorName),
          time: dateTimeText(evaluation.releasedAt ?? evaluation.updatedAt, i18n.language)
        })}
      </p>
      <div className={`eval-read-score ${verdictClass(score)}`}>
        <span className="eval-read-percent">{percentText(score.percent, t, i18n.language)}</span>
        <span className="eval-read-verdict">{verdictText(score, t)}</span>
        {!score.complete && (
          <span className="badge pending">{t('evaluations.read.incomplete')}</span>
        )}
        {failedItems.length > 0 && (
          <span className="eval-read-failed">
            {t('evaluations.read.criticalItems', { questions: failedItems.join(' · ') })}
          </span>
        )}
      </div>
      <DisputeAndResolution evaluation={evaluation} />
      {controls}
      {evaluation.comment.trim() !== '' && (
        <section className="eval-read-overall">
          <h4>{t('evaluations.read.overallComment')}</h4>
          <p className="eval-note">{noteText(evaluation.comment)}</p>
        </section>
      )}
      {form === null ? (
        <p className="hint">{t('evaluations.read.formMissing')}</p>
      ) : (
        <Answers evaluation={evaluation} form={form} />
      )}
      <EvaluationHistory evaluation={evaluation} />
    </article>
  )
}
