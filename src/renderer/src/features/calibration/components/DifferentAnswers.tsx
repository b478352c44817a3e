import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { Evaluation } from '@shared/evaluations/evaluation'
import {
  questionsOf,
  type FormDefinition,
  type FormQuestion
} from '@shared/evaluations/form-schema'
import { visibleQuestions } from '@shared/evaluations/scoring'
import { pickText } from '@shared/scripts/localized-text'
import { answerShown, sameShown, type AnswerShown, type ComparedRow } from '../calibration-view'
import { nameOf } from '../evaluator-name'

/**
 * The questions the evaluators answered differently, each answer in words; an answer that
 * differs from the reference's is marked (a highlight, and words for screen readers).
 */
export function DifferentAnswers({
  form,
  reference,
  rows,
  questionIds
}: {
  form: FormDefinition
  reference: Evaluation
  rows: readonly ComparedRow<Evaluation>[]
  questionIds: readonly string[]
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  const compared = rows.flatMap((r) => (r.status === 'compared' ? [r.evaluation] : []))
  if (compared.length === 0) return null
  if (questionIds.length === 0) {
    return <p className="calibration-agree">{t('calibration.answers.allSame')}</p>
  }
  const questions = new Map(questionsOf(form).map(({ question }) => [question.id, question]))
  const visible = new Map(
    [reference, ...compared].map((e) => [e.id, visibleQuestions(form, e.answers)])
  )
  const shown = (e: Evaluation, id: string) =>
    answerShown(e.answers, id, visible.get(e.id) ?? new Set())
  const words = (question: FormQuestion, a: AnswerShown): string => {
    if (a.kind !== 'value') return t(`calibration.answers.${a.kind}`)
    if (question.kind === 'yes_no' && (a.value === 'yes' || a.value === 'no')) {
      return t(`calibration.answers.${a.value}`)
    }
    if (question.kind === 'choice') {
      const option = question.options?.find((o) => o.id === a.value)
      return option ? pickText(option.label, language) : sanitizeDisplayText(String(a.value), 60)
    }
    return sanitizeDisplayText(String(a.value), 60)
  }
  return (
    <table className="analytics-table calibration-answers">
      <caption>{t('calibration.answers.caption', { count: questionIds.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('calibration.answers.question')}</th>
          <th scope="col">{t('calibration.sections.reference', { name: nameOf(reference) })}</th>
          {compared.map((e) => (
            <th key={e.id} scope="col">
              {nameOf(e)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {questionIds.map((id) => {
          const question = questions.get(id)
          if (question === undefined) return null
          const ref = shown(reference, id)
          return (
            <tr key={id}>
              <th scope="row">
                {pickText(question.text, language)}
                {question.critical !== undefined && (
                  <span className="badge">{t('calibration.answers.critical')}</span>
                )}
              </th>
              <td>{words(question, ref)}</td>
              {compared.map((e) => {
                const own = shown(e, id)
                return (
                  <td key={e.id}>
                    {sameShown(own, ref) ? (
                      words(question, own)
                    ) : (
                      <mark className="calibration-differs">
                        {words(question, own)}
                        <span className="visually-hidden"> {t('calibration.answers.differs')}</span>
                      </mark>
                    )}
                  </td>
                )
              })}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
