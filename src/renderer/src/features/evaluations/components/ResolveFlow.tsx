/**
 * Resolving a dispute: keep the score with a reason, or re-score (the form opens again with the
 * evaluation's answers, beside the call's facts, and the new answers must be complete).
 */
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalEvaluation } from '@shared/contract/worker'
import type { ResolveDecision } from '@shared/evaluations/evaluation'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { dataClient } from '@renderer/data/data-client'

import { answersToSave } from '../answer-editing'
import { resolveDispute } from '../commands'
import { focusQuestion } from '../dom-ids'
import { useAnswerSheet } from '../hooks/use-answer-sheet'
import { useCallContext } from '../hooks/use-call-context'
import { useDispositionLabel } from '../hooks/use-disposition-label'
import { formLanguage } from '../score-text'
import { CallFactsPane } from './CallFactsPane'
import { EvaluationView } from './EvaluationView'
import { ResolveControlsView } from './ResponseControls'
import { ScoringSubject } from './ScoringSubject'
import { ScoringView } from './ScoringView'

interface ResolveState {
  decision: ResolveDecision | null
  reason: string
  busy: boolean
  error: string | null
}

function useResolve(evaluation: LocalEvaluation) {
  const { t } = useTranslation()
  const [state, setState] = useState<ResolveState>({
    decision: null,
    reason: '',
    busy: false,
    error: null
  })
  const resolve = async (answers: LocalEvaluation['answers'] | null) => {
    if (state.decision === null) return
    setState((s) => ({ ...s, busy: true, error: null }))
    const result = await resolveDispute(dataClient(), {
      id: evaluation.id,
      decision: state.decision,
      reason: state.reason,
      answers
    })
    setState((s) => ({
      ...s,
      busy: false,
      error: result.ok ? null : (result.message ?? t('evaluations.errors.noWorker'))
    }))
  }
  return { state, setState, resolve }
}

/** Re-scoring: the form with the evaluation's answers, the resolution at its foot. */
function RescoreView({
  evaluation,
  form,
  resolver
}: {
  evaluation: LocalEvaluation
  form: FormDefinition
  resolver: ReturnType<typeof useResolve>
}) {
  const { i18n } = useTranslation()
  const idPrefix = `rescore${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const sheet = useAnswerSheet(form, evaluation.answers)
  const facts = useCallContext(evaluation.agentId, evaluation.callId, formLanguage(i18n.language))
  const dispositionLabel = useDispositionLabel(i18n.language)
  const { state, setState, resolve } = resolver
  return (
    <ScoringView
      onClose={() => {
        setState((s) => ({ ...s, decision: null }))
      }}
      idPrefix={idPrefix}
      subject={
        <ScoringSubject
          target={{
            agentId: evaluation.agentId,
            agentName: evaluation.agentName,
            teamId: evaluation.teamId,
            callId: evaluation.callId,
            interactionId: evaluation.interactionId,
            practice: evaluation.practice,
            at: evaluation.createdAt
          }}
        />
      }
      toolbar={null}
      sheet={sheet}
      comment={null}
      facts={
        <CallFactsPane
          state={facts.state}
          onRefresh={() => {
            void facts.refresh()
          }}
          onPrefill={null}
          dispositionLabel={dispositionLabel}
        />
      }
      actions={
        <ResolveControlsView
          decision={state.decision}
          reason={state.reason}
          answersIncomplete={sheet.problems.length > 0}
          busy={state.busy}
          error={state.error}
          onDecision={(decision) => {
            setState((s) => ({ ...s, decision }))
          }}
          onReason={(reason) => {
            setState((s) => ({ ...s, reason }))
          }}
          onResolve={() => {
            sheet.setInsist(true)
            const first = sheet.problems[0]
            if (first !== undefined) focusQuestion(idPrefix, first.questionId)
            else void resolve(answersToSave(sheet.answers))
          }}
        />
      }
    />
  )
}

/**
 * A disputed evaluation before the person who may resolve it: the read view with the decision
 * at hand; choosing to re-score turns it into the form with the answers.
 */
export function ResolvableEvaluation({
  evaluation,
  form,
  onRescoring
}: {
  evaluation: LocalEvaluation
  form: FormDefinition | null
  /** Re-scoring needs the room of the scoring view: the list beside it can step aside. */
  onRescoring?: ((rescoring: boolean) => void) | undefined
}) {
  const resolver = useResolve(evaluation)
  const { state, setState, resolve } = resolver
  const rescoring = state.decision === 'rescored' && form !== null
  useEffect(() => {
    onRescoring?.(rescoring)
    return () => {
      onRescoring?.(false)
    }
  }, [rescoring, onRescoring])
  if (rescoring) {
    return <RescoreView evaluation={evaluation} form={form} resolver={resolver} />
  }
  return (
    <EvaluationView
      evaluation={evaluation}
      form={form}
      controls={
        <ResolveControlsView
          decision={state.decision}
          reason={state.reason}
          answersIncomplete={form === null}
          busy={state.busy}
          error={state.error}
          onDecision={(decision) => {
            setState((s) => ({ ...s, decision }))
          }}
          onReason={(reason) => {
            setState((s) => ({ ...s, reason }))
          }}
          onResolve={() => {
            void resolve(null)
          }}
        />
      }
    />
  )
}
