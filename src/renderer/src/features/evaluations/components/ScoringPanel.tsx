/**
 * Opens the scoring of one call: reads the call's facts, this evaluator's draft of it (scoring
 * goes on where it was left), whether someone else already evaluated it (then this one is for
 * calibration), and the forms that apply; then hands over to the session. An evaluation of
 * this call already published by this evaluator is shown instead.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalEvaluation } from '@shared/contract/worker'
import { useAppStore } from '@renderer/stores/app-store'

import { applicableForms, preferredForm } from '../form-applicability'
import { useCallContext } from '../hooks/use-call-context'
import { useDispositionLabel } from '../hooks/use-disposition-label'
import {
  listQuery,
  useEvaluationList,
  useFormVersion,
  usePublishedForms
} from '../hooks/use-evaluations'
import { formLanguage } from '../score-text'
import type { ScoringTarget } from '../scoring-target'
import { EvaluationDetail } from './EvaluationDetail'
import { ScoringSession } from './ScoringSession'
import { ScoringSubject } from './ScoringSubject'
import { ScoringView } from './ScoringView'

/** How long the form waits for the call's facts (which may narrow the forms) before going on. */
const FACTS_WAIT_MS = 3000

export interface ScoringPanelProps {
  target: ScoringTarget
  compact?: boolean
  onClose?: (() => void) | undefined
  onReleased?: ((evaluation: LocalEvaluation) => void) | undefined
}

/** The region with a message in place of the form (loading, no form applies). */
function Waiting({ target, message, compact, onClose }: ScoringPanelProps & { message: string }) {
  return (
    <ScoringView
      idPrefix="eval-waiting"
      subject={<ScoringSubject target={target} />}
      toolbar={<p className="hint">{message}</p>}
      sheet={null}
      comment={null}
      facts={null}
      actions={null}
      compact={compact === true}
      onClose={onClose}
    />
  )
}

export function ScoringPanel(props: ScoringPanelProps) {
  const { t, i18n } = useTranslation()
  const { target } = props
  const me = useAppStore((s) => s.auth.user)
  const language = formLanguage(i18n.language)
  const facts = useCallContext(target.agentId, target.callId, language)
  const dispositionLabel = useDispositionLabel(i18n.language)
  const forms = usePublishedForms()
  const mine = useEvaluationList(
    listQuery({ callId: target.callId, evaluatedByMe: true, includeCalibration: true, limit: 20 })
  )
  const onCall = useEvaluationList(listQuery({ callId: target.callId, limit: 20 }))
  // The draft is taken once, when the list is first read: the session's own saves must not
  // start it over.
  const [start, setStart] = useState<{
    draft: LocalEvaluation | null
    done: LocalEvaluation | null
  } | null>(null)
  if (start === null && mine.loaded) {
    setStart({
      draft: mine.value.find((e) => e.state === 'draft') ?? null,
      done: mine.value.find((e) => e.state !== 'draft') ?? null
    })
  }
  const [waited, setWaited] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => {
      setWaited(true)
    }, FACTS_WAIT_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [])
  const draft = start?.draft ?? null
  const draftForm = useFormVersion(draft?.formId ?? null, draft?.formVersion ?? 0)

  if (start !== null && start.draft === null && start.done !== null) {
    return <EvaluationDetail id={start.done.id} />
  }
  const context = facts.state.context
  const applicable = applicableForms(
    forms.value,
    {
      practice: target.practice,
      teamId: context?.agent.teamId ?? target.teamId,
      scriptId: context?.run?.scriptId ?? null
    },
    language
  )
  const factsSettled = facts.state.status !== 'loading' || waited
  if (start === null || !forms.loaded || !draftForm.loaded || (draft === null && !factsSettled)) {
    return <Waiting {...props} message={t('evaluations.loading')} />
  }
  const initialForm = draft ? draftForm.value : preferredForm(applicable)
  if (initialForm === null) {
    return (
      <Waiting
        {...props}
        message={
          draft ? t('evaluations.scoring.draftFormMissing') : t('evaluations.scoring.noForms')
        }
      />
    )
  }
  const calibrationForced = onCall.value.some((e) => !e.calibration && e.evaluatorId !== me?.id)
  return (
    <ScoringSession
      target={target}
      draft={draft}
      initialForm={initialForm}
      forms={applicable}
      calibrationForced={calibrationForced}
      facts={facts}
      dispositionLabel={dispositionLabel}
      compact={props.compact === true}
      onClose={props.onClose}
      onReleased={(evaluation) => {
        props.onReleased?.(evaluation)
      }}
    />
  )
}
