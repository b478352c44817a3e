import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { PracticePurgeResult } from '@shared/practice/practice-purge'
import { dataClient } from '@renderer/data/data-client'

type Step =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'purging' }
  | { kind: 'done'; result: PracticePurgeResult }
  | { kind: 'failed'; message: string }

/**
 * Practice data on the server (Training: trainers and admins): purge it all, after a second
 * click that says what goes. Every desk drops its copies when the purge reaches it.
 */
export function PracticeDataPanel() {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step>({ kind: 'idle' })

  const purge = async () => {
    const client = dataClient()
    if (!client) return
    setStep({ kind: 'purging' })
    const answer = await client.send('practice:purge', {})
    setStep(
      answer.ok
        ? { kind: 'done', result: answer.data.result }
        : { kind: 'failed', message: answer.error.message }
    )
  }

  return (
    <section className="panel practice-data" aria-labelledby="practice-data-heading">
      <h2 id="practice-data-heading">{t('practiceScenarios.purge.heading')}</h2>
      <p className="muted">{t('practiceScenarios.purge.hint')}</p>
      {step.kind === 'confirming' ? (
        <div role="group" aria-label={t('practiceScenarios.purge.confirmLabel')}>
          <p>{t('practiceScenarios.purge.confirm')}</p>
          <button type="button" className="danger" onClick={() => void purge()}>
            {t('practiceScenarios.purge.confirmButton')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setStep({ kind: 'idle' })
            }}
          >
            {t('practiceScenarios.purge.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          disabled={step.kind === 'purging'}
          onClick={() => {
            setStep({ kind: 'confirming' })
          }}
        >
          {t('practiceScenarios.purge.start')}
        </button>
      )}
      {step.kind === 'done' && (
        <p role="status">{t('practiceScenarios.purge.done', step.result.removed)}</p>
      )}
      {step.kind === 'failed' && (
        <p role="alert" className="error">
          {t('practiceScenarios.purge.failed', { message: step.message })}
        </p>
      )}
    </section>
  )
}
