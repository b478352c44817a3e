import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

import type { FormDefinition, FormQuestion } from '@shared/evaluations/form-schema'
import { pickText, type LocalizedText } from '@shared/scripts/localized-text'
import { numberFormat } from '@renderer/i18n/formatters'

/** What a question asks for, in words: yes/no, the scale, the options with their share. */
function answerKind(
  question: FormQuestion,
  t: TFunction,
  text: (l: LocalizedText) => string,
  lang: string
): string {
  const share = numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })
  switch (question.kind) {
    case 'yes_no':
      return t('evaluationForms.preview.kinds.yes_no')
    case 'scale':
      return t('evaluationForms.preview.kinds.scale', {
        min: question.scale?.min ?? 1,
        max: question.scale?.max ?? 5
      })
    case 'choice':
      return t('evaluationForms.preview.kinds.choice', {
        options: (question.options ?? [])
          .map((o) => `${text(o.label)} (${share.format(o.score)}${o.fails ? ' ✗' : ''})`)
          .join(' · ')
      })
    case 'text':
      return t('evaluationForms.preview.kinds.text')
  }
}

/**
 * A form as the evaluator will meet it, for the admin to read before publishing: sections with
 * their dimension, each question with its points, what it asks for, and its rules (critical,
 * not applicable, comment, condition, filled from the script). Texts in the reader's language.
 */
export function FormPreview({ form }: { form: FormDefinition }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const language = lang.startsWith('en') ? 'en' : 'es'
  const text = (l: LocalizedText) => pickText(l, language)
  const questionText = new Map(
    form.sections.flatMap((s) => s.questions.map((q) => [q.id, text(q.text)] as const))
  )
  const points = form.sections
    .flatMap((s) => s.questions)
    .reduce((n, q) => n + (q.kind === 'text' ? 0 : q.weight), 0)
  const conditionValue = (q: FormQuestion, value: string | number): string => {
    const asked = form.sections.flatMap((s) => s.questions).find((x) => x.id === q.showIf?.question)
    if (asked?.kind === 'yes_no')
      return t(`evaluationForms.preview.values.${value === 'yes' ? 'yes' : 'no'}`)
    const option = asked?.options?.find((o) => o.id === value)
    return option ? text(option.label) : String(value)
  }
  return (
    <article className="form-preview" aria-label={t('evaluationForms.preview.label')}>
      <header>
        <h3>{text(form.title)}</h3>
        <p className="muted">
          {t(`evaluationForms.kinds.${form.kind}`)} ·{' '}
          {t('evaluationForms.preview.passMark', {
            mark: numberFormat(lang, { maximumFractionDigits: 1 }).format(form.passMark)
          })}{' '}
          · {t('evaluationForms.preview.points', { count: points })} ·{' '}
          {form.scope.teams.length === 0 && form.scope.scripts.length === 0
            ? t('evaluationForms.preview.scopeAll')
            : t('evaluationForms.preview.scope', {
                teams:
                  form.scope.teams.length === 0
                    ? t('evaluationForms.preview.allTeams')
                    : form.scope.teams.length,
                scripts:
                  form.scope.scripts.length === 0
                    ? t('evaluationForms.preview.allScripts')
                    : form.scope.scripts.join(', ')
              })}
        </p>
        {form.description && <p>{text(form.description)}</p>}
      </header>
      {form.sections.map((section) => (
        <section key={section.id} className="form-preview-section">
          <h4>
            {text(section.title)}
            {/* The checklist dimension, when the title does not already say it. */}
            {section.dimension &&
              t(`evaluationFigures.dimensions.${section.dimension}`) !== text(section.title) && (
                <span className="badge">
                  {t(`evaluationFigures.dimensions.${section.dimension}`)}
                </span>
              )}
          </h4>
          <ol>
            {section.questions.map((q) => (
              <li key={q.id}>
                <div className="form-preview-question">
                  <span>{text(q.text)}</span>
                  <span className="form-preview-weight">
                    {q.kind === 'text'
                      ? t('evaluationForms.preview.notScored')
                      : t('evaluationForms.preview.weight', { count: q.weight })}
                  </span>
                </div>
                <div className="form-preview-rules">
                  <span>{answerKind(q, t, text, lang)}</span>
                  {q.critical && (
                    <span className="form-preview-critical">
                      {t(`evaluationForms.preview.critical.${q.critical}`)}
                    </span>
                  )}
                  {q.allowNa && <span>{t('evaluationForms.preview.allowNa')}</span>}
                  {q.comment !== 'optional' && (
                    <span>{t(`evaluationForms.preview.comment.${q.comment}`)}</span>
                  )}
                  {q.showIf && (
                    <span>
                      {t('evaluationForms.preview.showIf', {
                        question: questionText.get(q.showIf.question) ?? q.showIf.question,
                        values: q.showIf.in.map((v) => conditionValue(q, v)).join(', ')
                      })}
                    </span>
                  )}
                  {q.autofill && <span>{t(`evaluationForms.preview.autofill.${q.autofill}`)}</span>}
                </div>
                {q.help && <p className="muted form-preview-help">{text(q.help)}</p>}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </article>
  )
}
