/**
 * Beside the form: the live score (role=status, "Puntuación 87,5 % · Aprobada", a failed critical
 * item said apart), how much is answered, the sections to jump to with their own score, and what
 * still stops the evaluation from being published (each entry goes to its question).
 */
import { useTranslation } from 'react-i18next'

import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { questionsOf } from '@shared/evaluations/form-schema'
import type { CompletenessProblem, EvaluationScore } from '@shared/evaluations/scoring'

import { overallProgress, scoreSoFar, type Progress } from '../progress'
import { formText, percentText, scoreStatusText, verdictClass } from '../score-text'
import { focusQuestion, focusSection } from '../dom-ids'
import { SectionMark } from './EvaluationFormView'

const SHOWN_PROBLEMS = 6

export interface ScoreRailProps {
  idPrefix: string
  form: FormDefinition
  score: EvaluationScore
  answers: readonly EvaluationAnswer[]
  progress: ReadonlyMap<string, Progress>
  problems: readonly { questionId: string; problem: CompletenessProblem }[]
  /** The id of the list of problems, which the publish button is described by. */
  problemsId: string
  /** Publishing was tried: every problem is listed (before that, only the last few). */
  insist: boolean
}

export function ScoreRail(props: ScoreRailProps) {
  const { t, i18n } = useTranslation()
  const { form, score, idPrefix } = props
  const overall = overallProgress(props.progress)
  const nothingYet = overall.done === 0 && !score.criticalFailed
  const live = scoreSoFar(form, props.answers, score)
  const status = nothingYet ? t('evaluations.score.empty') : scoreStatusText(live, t, i18n.language)
  const where = new Map(
    questionsOf(form).map(({ section, question }) => [question.id, { section, question }])
  )
  // A long list of "not answered" at the start is noise: the count says it until publishing is
  // tried or only a few remain.
  const listed = props.insist || props.problems.length <= SHOWN_PROBLEMS
  const shown = listed ? props.problems.slice(0, SHOWN_PROBLEMS) : []
  return (
    <div className="eval-rail">
      <p role="status" className={`eval-score ${nothingYet ? 'empty' : verdictClass(live)}`}>
        {status}
      </p>
      <p className="eval-progress">
        {overall.done < overall.asked
          ? t('evaluations.score.provisional', { done: overall.done, asked: overall.asked })
          : t('evaluations.score.complete')}
        {' · '}
        {t('evaluations.score.passMark', { mark: percentText(form.passMark, t, i18n.language) })}
      </p>
      <nav aria-label={t('evaluations.sections')} className="eval-section-nav">
        <ul>
          {form.sections.map((section) => {
            const progress = props.progress.get(section.id)
            if (progress === undefined || progress.asked === 0) return null
            return (
              <li key={section.id}>
                <button
                  type="button"
                  className="quiet"
                  onClick={() => {
                    focusSection(idPrefix, section.id)
                  }}
                >
                  <span className="eval-nav-title">
                    {formText(section.title, i18n.language, 80)}
                  </span>
                  <SectionMark
                    score={score.sections.find((s) => s.sectionId === section.id)}
                    progress={progress}
                    short
                  />
                </button>
              </li>
            )
          })}
        </ul>
      </nav>
      <div id={props.problemsId} className="eval-problems">
        {props.problems.length === 0 ? (
          <p className="eval-ready">{t('evaluations.release.ready')}</p>
        ) : (
          <>
            <p className="eval-problems-heading">
              {t('evaluations.release.blocked', { count: props.problems.length })}
            </p>
            <ul>
              {shown.map(({ questionId, problem }) => {
                const found = where.get(questionId)
                const text = found ? formText(found.question.text, i18n.language, 90) : questionId
                return (
                  <li key={questionId}>
                    <button
                      type="button"
                      className="quiet eval-problem"
                      onClick={() => {
                        focusQuestion(idPrefix, questionId)
                      }}
                    >
                      <span className="eval-problem-what">
                        {t(`evaluations.problems.${problem}`)}
                      </span>
                      <span className="eval-problem-question">{text}</span>
                    </button>
                  </li>
                )
              })}
            </ul>
            {listed && props.problems.length > shown.length && (
              <p className="hint">
                {t('evaluations.release.more', { count: props.problems.length - shown.length })}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  )
}
