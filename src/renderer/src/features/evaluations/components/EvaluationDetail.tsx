/**
 * One evaluation opened from a list, with what this person may do: the agent accepts or
 * disputes a released one, whoever may resolve a dispute resolves it, the evaluator goes back
 * to a draft. The local store keeps it live: a step taken elsewhere shows as it syncs.
 */
import { Pencil } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalEvaluation } from '@shared/contract/worker'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'

import { acknowledgeEvaluation, disputeEvaluation, type CommandResult } from '../commands'
import { controlsFor } from '../evaluation-permissions'
import { useEvaluation, useFormVersion } from '../hooks/use-evaluations'
import { EvaluationView } from './EvaluationView'
import { ResolvableEvaluation } from './ResolveFlow'
import { RespondControlsView } from './ResponseControls'

function RespondControls({ evaluation }: { evaluation: LocalEvaluation }) {
  const { t } = useTranslation()
  const [disputing, setDisputing] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (command: () => Promise<CommandResult<LocalEvaluation>>) => {
    setBusy(true)
    setError(null)
    const result = await command()
    setBusy(false)
    if (!result.ok) setError(result.message ?? t('evaluations.errors.noWorker'))
  }
  return (
    <RespondControlsView
      disputing={disputing}
      reason={reason}
      busy={busy}
      error={error}
      onAccept={() => {
        void run(() => acknowledgeEvaluation(dataClient(), evaluation.id))
      }}
      onDispute={() => {
        setDisputing(true)
      }}
      onReason={setReason}
      onSend={() => {
        void run(() => disputeEvaluation(dataClient(), evaluation.id, reason))
      }}
      onCancel={() => {
        setDisputing(false)
      }}
    />
  )
}

export function EvaluationDetail({
  id,
  onContinue,
  onRescoring
}: {
  id: string
  /** The evaluator's own draft: back to the scoring view. */
  onContinue?: ((evaluation: LocalEvaluation) => void) | undefined
  /** A dispute being re-scored (the scoring view wants the width). */
  onRescoring?: ((rescoring: boolean) => void) | undefined
}) {
  const { t } = useTranslation()
  const me = useAppStore((s) => s.auth.user)
  const evaluation = useEvaluation(id)
  const form = useFormVersion(evaluation?.formId ?? null, evaluation?.formVersion ?? 0)
  if (evaluation === null || !form.loaded) {
    return <p className="hint">{t('evaluations.loading')}</p>
  }
  const definition = form.value?.definition ?? null
  const offered = controlsFor(me, evaluation)
  if (offered === 'resolve') {
    return (
      <ResolvableEvaluation
        key={evaluation.id}
        evaluation={evaluation}
        form={definition}
        onRescoring={onRescoring}
      />
    )
  }
  const controls =
    offered === 'respond' ? (
      <RespondControls key={evaluation.id} evaluation={evaluation} />
    ) : offered === 'continue' && onContinue ? (
      <div className="eval-action-buttons">
        <button
          type="button"
          className="accent"
          onClick={() => {
            onContinue(evaluation)
          }}
        >
          <Pencil size={13} aria-hidden="true" />
          {t('evaluations.actions.continue')}
        </button>
      </div>
    ) : null
  return <EvaluationView evaluation={evaluation} form={definition} controls={controls} />
}
