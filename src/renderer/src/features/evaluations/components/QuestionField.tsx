/**
 * One question of the form: its text (the radio group's name), help, what makes it critical,
 * "from the script" while the run's answer stands, the answer (yes/no, the scale, the choices,
 * "not applicable" where allowed; text questions are a text area) and its comment.
 */
import { AlertTriangle, FileCheck2 } from 'lucide-react'
import { RadioButton, RadioField, RadioGroup } from 'react-aria-components'
import { useTranslation } from 'react-i18next'

import type { EvaluationAnswer } from '@shared/evaluations/answers'
import { MAX_ANSWER_COMMENT } from '@shared/evaluations/answers'
import type { FormQuestion } from '@shared/evaluations/form-schema'
import type { CompletenessProblem, QuestionScore } from '@shared/evaluations/scoring'

import type { AnswerAction } from '../answer-editing'
import { NA_OPTION, questionOptions, selectedOption } from '../question-options'
import { formText } from '../score-text'

export interface QuestionFieldProps {
  /** Unique in the page: the ids of the question's parts start with it. */
  idPrefix: string
  question: FormQuestion
  answer: EvaluationAnswer | undefined
  score: QuestionScore | undefined
  problem: CompletenessProblem | null
  /** Problems are shown loudly only after the evaluator tried to publish. */
  insist: boolean
  onAnswer: (action: AnswerAction) => void
}

/** Whether the form wants a comment on this answer now. */
function commentWanted(question: FormQuestion, score: QuestionScore | undefined): boolean {
  if (question.comment === 'required') return true
  if (question.comment !== 'when_lost' || score === undefined || !score.answered) return false
  return score.failed || score.earned < score.possible
}

export function QuestionField(props: QuestionFieldProps) {
  const { t, i18n } = useTranslation()
  const { question, answer, score, problem, idPrefix, onAnswer } = props
  const textId = `${idPrefix}-text`
  const helpId = `${idPrefix}-help`
  const criticalId = `${idPrefix}-critical`
  const commentId = `${idPrefix}-comment`
  const commentNoteId = `${idPrefix}-comment-note`
  const text = formText(question.text, i18n.language)
  const help = question.help ? formText(question.help, i18n.language, 1000) : null
  const options = questionOptions(question, t, i18n.language)
  const wanted = commentWanted(question, score)
  // Long choices get a row of their own under the question, instead of squeezing its text.
  const wide = options.reduce((n, o) => n + o.label.length + 3, 0) > 34
  const failed = score?.failed === true
  const describedBy = [help ? helpId : null, question.critical ? criticalId : null]
    .filter((id) => id !== null)
    .join(' ')

  const pick = (key: string) => {
    if (key === NA_OPTION) onAnswer({ type: 'na', questionId: question.id })
    else {
      const option = options.find((o) => o.key === key)
      if (option) onAnswer({ type: 'value', questionId: question.id, value: option.value })
    }
  }
  const classes = [
    'eval-question',
    failed ? 'failed' : '',
    props.insist && problem !== null ? 'problem' : '',
    answer?.autofilled === true ? 'autofilled' : ''
  ]
  return (
    <div id={idPrefix} data-question={question.id} className={classes.filter(Boolean).join(' ')}>
      <div className="eval-question-head">
        <span id={textId} className="eval-question-text">
          {text}
        </span>
        {question.critical && (
          <span id={criticalId} className="eval-critical">
            <span className="badge warn">{t('evaluations.question.critical')}</span>
            <span className="eval-critical-scope">
              {t(`evaluations.question.criticalScope.${question.critical}`)}
            </span>
          </span>
        )}
        {answer?.autofilled === true && (
          <span className="badge eval-autofilled" title={t('evaluations.question.autofilledHint')}>
            <FileCheck2 size={11} aria-hidden="true" />
            {t('evaluations.question.autofilled')}
          </span>
        )}
        {question.kind !== 'text' && question.weight > 0 && (
          <span className="eval-weight">
            {t('evaluations.question.points', { count: question.weight })}
          </span>
        )}
      </div>
      {help && (
        <p id={helpId} className="eval-question-help">
          {help}
        </p>
      )}
      {question.kind === 'text' ? (
        <textarea
          aria-labelledby={textId}
          aria-describedby={describedBy || undefined}
          aria-required={question.comment === 'required' || undefined}
          className="eval-text-answer"
          rows={2}
          maxLength={2000}
          value={typeof answer?.value === 'string' ? answer.value : ''}
          onChange={(e) => {
            onAnswer({ type: 'value', questionId: question.id, value: e.target.value })
          }}
        />
      ) : (
        <div className={`eval-answer-row${wide ? ' wide' : ''}`}>
          <RadioGroup
            aria-labelledby={textId}
            {...(describedBy === '' ? {} : { 'aria-describedby': describedBy })}
            orientation="horizontal"
            className="eval-options"
            value={selectedOption(answer)}
            onChange={pick}
          >
            {options.map((o) => (
              <RadioField
                key={o.key}
                value={o.key}
                className={`eval-option-field${o.key === NA_OPTION ? ' na' : ''}`}
              >
                <RadioButton className="eval-option">{o.label}</RadioButton>
              </RadioField>
            ))}
          </RadioGroup>
          {failed && (
            <span className="eval-failed-note">
              <AlertTriangle size={12} aria-hidden="true" />
              {t('evaluations.question.failedCritical')}
            </span>
          )}
        </div>
      )}
      {question.kind !== 'text' && (
        <div className="eval-comment">
          <label htmlFor={commentId} className="visually-hidden">
            {t('evaluations.question.comment')}
          </label>
          <textarea
            id={commentId}
            rows={1}
            placeholder={t(
              wanted
                ? 'evaluations.question.commentPlaceholderRequired'
                : 'evaluations.question.comment'
            )}
            maxLength={MAX_ANSWER_COMMENT}
            aria-required={wanted || undefined}
            aria-invalid={(props.insist && problem === 'comment_required') || undefined}
            aria-describedby={wanted ? commentNoteId : undefined}
            value={answer?.comment ?? ''}
            onChange={(e) => {
              onAnswer({ type: 'comment', questionId: question.id, comment: e.target.value })
            }}
          />
          {wanted && (
            <span
              id={commentNoteId}
              className={`eval-comment-note${problem === 'comment_required' ? ' missing' : ''}`}
            >
              {t(
                question.comment === 'required'
                  ? 'evaluations.question.commentRequired'
                  : 'evaluations.question.commentWhenLost'
              )}
            </span>
          )}
        </div>
      )}
    </div>
  )
}
