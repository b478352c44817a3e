/**
 * The form's sections and their asked questions, as the answers so far make them (a conditional
 * question appears and goes as its condition's answer changes), each section with its dimension
 * and its score. Alt+↓ and Alt+↑ go to the next and the previous section.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { FormDefinition, FormSection } from '@shared/evaluations/form-schema'
import type {
  CompletenessProblem,
  EvaluationScore,
  SectionScore
} from '@shared/evaluations/scoring'

import type { AnswerAction } from '../answer-editing'
import { focusSection, questionDomId, sectionDomId } from '../dom-ids'
import { NA_OPTION, optionForKey, questionOptions } from '../question-options'
import type { Progress } from '../progress'
import { formText, percentText } from '../score-text'
import { QuestionField } from './QuestionField'

export interface EvaluationFormViewProps {
  idPrefix: string
  form: FormDefinition
  answers: readonly EvaluationAnswer[]
  score: EvaluationScore
  visible: ReadonlySet<string>
  progress: ReadonlyMap<string, Progress>
  problems: ReadonlyMap<string, CompletenessProblem>
  insist: boolean
  onAnswer: (action: AnswerAction) => void
}

/** The section's score once all its questions are answered; how many are, until then. */
export function SectionMark({
  score,
  progress,
  short = false
}: {
  score: SectionScore | undefined
  progress: Progress | undefined
  /** The section list's narrow form. */
  short?: boolean
}) {
  const { t, i18n } = useTranslation()
  if (score === undefined || progress === undefined || progress.asked === 0) return null
  if (score.failed) {
    return (
      <span className="eval-section-score failed">
        {t(short ? 'evaluations.section.failedShort' : 'evaluations.section.failed')}
      </span>
    )
  }
  if (progress.done < progress.asked) {
    return (
      <span className="eval-section-score open">
        {t('evaluations.section.progress', { done: progress.done, asked: progress.asked })}
      </span>
    )
  }
  return <span className="eval-section-score">{percentText(score.percent, t, i18n.language)}</span>
}

function dimensionOf(section: FormSection, title: string, t: (k: string) => string): string | null {
  if (section.dimension === undefined) return null
  const label = t(`evaluations.dimensions.${section.dimension}`)
  return label.toLocaleLowerCase() === title.toLocaleLowerCase() ? null : label
}

export function EvaluationFormView(props: EvaluationFormViewProps) {
  const { t, i18n } = useTranslation()
  const { form, idPrefix, score } = props
  const byId = new Map(props.answers.map((a) => [a.questionId, a]))
  const questionScores = new Map(score.questions.map((q) => [q.questionId, q]))
  const sections = form.sections.filter((s) => s.questions.some((q) => props.visible.has(q.id)))

  // Keys over the whole form, read from the question the focus is in: digits pick an option
  // (on a radio, never in a text box), Alt+↓ / Alt+↑ go to the next or the previous section.
  const root = useRef<HTMLDivElement>(null)
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined)
  useEffect(() => {
    onKey.current = (event) => {
      const target = event.target instanceof HTMLElement ? event.target : null
      const box = target?.closest<HTMLElement>('.eval-question')
      const question = form.sections
        .flatMap((s) => s.questions)
        .find((q) => q.id === box?.dataset['question'])
      if (!target || !question) return
      if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        const here = sections.findIndex((s) => s.questions.includes(question))
        const next = sections[here + (event.key === 'ArrowDown' ? 1 : -1)]
        event.preventDefault()
        if (next !== undefined) focusSection(idPrefix, next.id)
        return
      }
      if (event.altKey || event.ctrlKey || event.metaKey) return
      if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return
      const option = optionForKey(question, questionOptions(question, t, i18n.language), event.key)
      if (option === null) return
      event.preventDefault()
      props.onAnswer(
        option.key === NA_OPTION
          ? { type: 'na', questionId: question.id }
          : { type: 'value', questionId: question.id, value: option.value }
      )
    }
  })
  useEffect(() => {
    const element = root.current
    const listen = (event: KeyboardEvent) => {
      onKey.current(event)
    }
    element?.addEventListener('keydown', listen)
    return () => {
      element?.removeEventListener('keydown', listen)
    }
  }, [])

  return (
    <div className="eval-form" ref={root}>
      {sections.map((section) => {
        const title = formText(section.title, i18n.language, 200)
        const headingId = `${sectionDomId(idPrefix, section.id)}-title`
        const dimension = dimensionOf(section, title, t)
        return (
          <section
            key={section.id}
            id={sectionDomId(idPrefix, section.id)}
            className="eval-section"
            aria-labelledby={headingId}
          >
            <header className="eval-section-head">
              <h3 id={headingId}>{title}</h3>
              {dimension !== null && <span className="eval-dimension">{dimension}</span>}
              <SectionMark
                score={score.sections.find((s) => s.sectionId === section.id)}
                progress={props.progress.get(section.id)}
              />
            </header>
            {section.questions
              .filter((q) => props.visible.has(q.id))
              .map((question) => (
                <QuestionField
                  key={question.id}
                  idPrefix={questionDomId(idPrefix, question.id)}
                  question={question}
                  answer={byId.get(question.id)}
                  score={questionScores.get(question.id)}
                  problem={props.problems.get(question.id) ?? null}
                  insist={props.insist}
                  onAnswer={props.onAnswer}
                />
              ))}
          </section>
        )
      })}
    </div>
  )
}
