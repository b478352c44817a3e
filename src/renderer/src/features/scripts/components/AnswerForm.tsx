import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { AskView } from '@shared/scripts/run-view'
import { useScriptRunner } from '../script-runner-context'

interface Props {
  ask: AskView
  prompt: string
  /** Changes per step, so the input starts from the step's own answer. */
  stepKey: string
}

function initialText(ask: AskView): string {
  return ask.answer === null ? '' : String(ask.answer)
}

/** Free answers (text, number, date, rating): type, then Enter answers and moves on. */
function FreeAnswer({ ask, prompt }: Omit<Props, 'stepKey'>) {
  const { t } = useTranslation()
  const runner = useScriptRunner()
  const [value, setValue] = useState(() => initialText(ask))
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (value.trim() === '' && ask.optional) {
      runner.sendScriptEvent({ type: 'next' })
      return
    }
    const numeric = ask.type === 'number' || ask.type === 'rating'
    runner.answerAndNext(numeric ? Number(value) : value)
  }
  const inputType =
    ask.type === 'date'
      ? 'date'
      : ask.type === 'number' || ask.type === 'rating'
        ? 'number'
        : 'text'
  return (
    <form className="script-answer" onSubmit={submit}>
      <label>
        {t('scripts.answer', { prompt })}
        <input
          type={inputType}
          value={value}
          min={ask.min}
          max={ask.max}
          step={ask.integer ? 1 : 'any'}
          maxLength={ask.maxLength}
          required={!ask.optional}
          onChange={(e) => {
            setValue(e.target.value)
          }}
        />
      </label>
      <button type="submit">{t('scripts.answerAndNext')}</button>
    </form>
  )
}

/** Choices and yes/no: one button per option, also picked with the keys 1–9 and 0. */
function Options({ ask }: Pick<Props, 'ask'>) {
  const { t } = useTranslation()
  const runner = useScriptRunner()
  return (
    <ol className="script-options" aria-label={t('scripts.options')}>
      {ask.options.map((option) => (
        <li key={option.value}>
          <button
            type="button"
            aria-keyshortcuts={String(option.index % 10)}
            aria-pressed={ask.answer === option.value}
            onClick={() => {
              runner.sendScriptEvent({ type: 'chooseOption', index: option.index })
            }}
          >
            <kbd>{option.index % 10}</kbd> {option.label}
          </button>
        </li>
      ))}
    </ol>
  )
}

export function AnswerForm({ ask, prompt, stepKey }: Props) {
  if (ask.type === 'choice' || ask.type === 'yes_no') return <Options ask={ask} />
  return <FreeAnswer key={stepKey} ask={ask} prompt={prompt} />
}
