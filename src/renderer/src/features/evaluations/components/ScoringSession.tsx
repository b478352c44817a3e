/**
 * Scoring one call: the answers being edited, kept saved as a draft under the call's id, the
 * adherence questions filled from the script run when its facts arrive (never over the
 * evaluator's own answers), and publishing once nothing is missing.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalEvaluation } from '@shared/contract/worker'
import { prefillFromRun } from '@shared/evaluations/adherence'
import type { EvaluationSaveInput, PublishedForm } from '@shared/evaluations/evaluation'
import { questionsOf } from '@shared/evaluations/form-schema'

import { abandonReasonText } from '../abandon-reason'
import { answersToSave, type AnswerAction } from '../answer-editing'
import { focusQuestion, problemsDomId } from '../dom-ids'
import { formKey } from '../form-applicability'
import { useAnswerSheet } from '../hooks/use-answer-sheet'
import type { CallContextReader } from '../hooks/use-call-context'
import { useDraftSaver } from '../hooks/use-draft-saver'
import type { ScoringTarget } from '../scoring-target'
import { CallFactsPane } from './CallFactsPane'
import { FormPicker } from './FormPicker'
import { ScoringActions } from './ScoringActions'
import { ScoringSubject } from './ScoringSubject'
import { ScoringView } from './ScoringView'

export interface ScoringSessionProps {
  target: ScoringTarget
  draft: LocalEvaluation | null
  /** The draft's own form version, or the form a new evaluation starts with. */
  initialForm: PublishedForm
  /** The forms that apply to the call (the picker's list). */
  forms: readonly PublishedForm[]
  calibrationForced: boolean
  facts: CallContextReader
  dispositionLabel: (code: string) => string
  compact?: boolean
  onClose?: (() => void) | undefined
  onReleased: (evaluation: LocalEvaluation) => void
}

export function ScoringSession(props: ScoringSessionProps) {
  const { t } = useTranslation()
  const idPrefix = `eval${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const { target, draft, facts } = props
  const [published, setPublished] = useState(props.initialForm)
  const sheet = useAnswerSheet(published.definition, draft?.answers ?? [])
  const { dispatch } = sheet
  const [comment, setComment] = useState(draft?.comment ?? '')
  const [calibration, setCalibration] = useState(draft?.calibration ?? props.calibrationForced)
  const [edits, setEdits] = useState(0)
  const [releaseError, setReleaseError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const context = facts.state.context
  const run = context?.run ?? null
  const hasAutofill = questionsOf(published.definition).some((q) => q.question.autofill)
  const abandonText = useCallback((reason: string) => abandonReasonText(reason, t), [t])

  const input = useMemo<EvaluationSaveInput>(
    () => ({
      formId: published.formId,
      formVersion: published.version,
      agentId: target.agentId,
      callId: target.callId,
      interactionId: context?.interaction?.id ?? target.interactionId,
      practice: target.practice,
      calibration: calibration || props.calibrationForced,
      answers: answersToSave(sheet.answers),
      comment: comment.trim()
    }),
    [published, target, context, calibration, props.calibrationForced, sheet.answers, comment]
  )
  const saver = useDraftSaver(draft, input, edits)

  const edited = () => {
    setEdits((n) => n + 1)
  }
  const onAnswer = (action: AnswerAction) => {
    dispatch(action)
    edited()
  }

  // The run's answers go in once per form and run, when its facts arrive; they do not count as
  // an edit, so opening a call and closing it again leaves no draft behind.
  const prefilled = useRef<string | null>(null)
  useEffect(() => {
    if (run === null || !hasAutofill) return
    const key = `${formKey(published)}|${run.runId}`
    if (prefilled.current === key) return
    prefilled.current = key
    dispatch({ type: 'prefill', answers: prefillFromRun(published.definition, run, abandonText) })
  }, [run, hasAutofill, published, dispatch, abandonText])

  // "Rellenar desde el guion" reads the run again first: the facts may have arrived since.
  const prefillFromFacts = async () => {
    const read = await facts.refresh()
    const fresh = read?.run ?? run
    if (fresh === null) return
    dispatch({ type: 'prefill', answers: prefillFromRun(published.definition, fresh, abandonText) })
    edited()
  }

  const pickForm = (form: PublishedForm) => {
    const ids = new Set(questionsOf(form.definition).map((q) => q.question.id))
    dispatch({ type: 'replace', answers: sheet.answers.filter((a) => ids.has(a.questionId)) })
    prefilled.current = null
    setPublished(form)
  }

  const release = async () => {
    sheet.setInsist(true)
    const first = sheet.problems[0]
    if (first !== undefined) {
      focusQuestion(idPrefix, first.questionId)
      return
    }
    if (busy) return
    setBusy(true)
    setReleaseError(null)
    const result = await saver.release()
    setBusy(false)
    if (result.ok) props.onReleased(result.data)
    else setReleaseError(result.message ?? t('evaluations.errors.noWorker'))
  }

  return (
    <ScoringView
      idPrefix={idPrefix}
      subject={
        // Once the call has ended its record says when it was (it was live when opened).
        <ScoringSubject
          target={{
            ...target,
            at: target.at ?? context?.interaction?.ringAt ?? null,
            interactionId: target.interactionId ?? context?.interaction?.id ?? null
          }}
        />
      }
      toolbar={
        <FormPicker
          forms={props.forms}
          selected={published}
          locked={saver.stored}
          onPick={pickForm}
          calibration={calibration || props.calibrationForced}
          calibrationForced={props.calibrationForced}
          onCalibration={(value) => {
            setCalibration(value)
            edited()
          }}
        />
      }
      sheet={{ ...sheet, dispatch: onAnswer }}
      comment={{
        value: comment,
        onChange: (value) => {
          setComment(value)
          edited()
        }
      }}
      facts={
        <CallFactsPane
          state={facts.state}
          onRefresh={() => {
            void facts.refresh()
          }}
          onPrefill={
            hasAutofill
              ? () => {
                  void prefillFromFacts()
                }
              : null
          }
          dispositionLabel={props.dispositionLabel}
        />
      }
      actions={
        <ScoringActions
          save={saver.save}
          calibration={calibration || props.calibrationForced}
          complete={sheet.problems.length === 0}
          problemsId={problemsDomId(idPrefix)}
          busy={busy}
          error={releaseError}
          canSave={!busy}
          onSave={() => {
            void saver.persist()
          }}
          onRelease={() => {
            void release()
          }}
        />
      }
      compact={props.compact === true}
      onClose={props.onClose}
    />
  )
}
