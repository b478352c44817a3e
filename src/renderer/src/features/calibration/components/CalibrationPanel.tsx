import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalEvaluation } from '@shared/contract/worker/evaluations'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'
import { useAppStore } from '@renderer/stores/app-store'
import { calibrationCalls, defaultReferenceId } from '../calibration-view'
import { CalibrationCallList } from './CalibrationCallList'
import { CalibrationComparison } from './CalibrationComparison'
import '../calibration.css'

/** As many evaluations as the view groups at once: months of a team's calibration sessions. */
const LIMIT = 500

type LoadedForm = { key: string; form: FormDefinition | null }

/**
 * Calibration (Quality → Calibración): the calls more than one evaluator scored, read from this
 * desk's evaluations (offline too); one call open with each evaluator against the reference.
 */
export function CalibrationPanel() {
  const { t } = useTranslation()
  const user = useAppStore((s) => s.auth.user)
  const role = user?.role ?? 'agent'
  // Trainers calibrate practice scoring; leads production; admins see both (never mixed: a
  // call's evaluations are all of one kind).
  const kind = role === 'trainer' ? 'training' : role === 'team_lead' ? 'quality' : null
  const evaluations = useWorkerQuery<LocalEvaluation[] | null>(
    null,
    ['evaluation'],
    async () => {
      const result = await dataClient()?.send('evaluation:list', {
        agentId: null,
        callId: null,
        evaluatedByMe: false,
        states: null,
        includeCalibration: true,
        kind,
        limit: LIMIT
      })
      return result?.ok ? result.data.evaluations : null
    },
    [kind]
  )
  const calls = useMemo(() => calibrationCalls(evaluations ?? []), [evaluations])
  const [picked, setPicked] = useState<string | null>(null)
  const [references, setReferences] = useState<Readonly<Record<string, string>>>({})
  const call = calls.find((c) => c.callId === picked) ?? calls[0] ?? null
  const referenceId = call
    ? (references[call.callId] ?? defaultReferenceId(call.evaluations))
    : null
  const reference = call?.evaluations.find((e) => e.id === referenceId) ?? null
  const formKey = reference ? `${reference.formId}@${String(reference.formVersion)}` : ''
  const loaded = useWorkerQuery<LoadedForm | null>(
    null,
    ['evaluation_form'],
    async () => {
      if (reference === null) return { key: '', form: null }
      const result = await dataClient()?.send('evaluation:form', {
        formId: reference.formId,
        version: reference.formVersion
      })
      return result?.ok ? { key: formKey, form: result.data.form?.definition ?? null } : null
    },
    [formKey]
  )
  if (role === 'agent' || user === null) return null
  const form = loaded?.key === formKey ? loaded.form : null
  return (
    <section className="panel calibration" aria-labelledby="calibration-heading">
      <h2 id="calibration-heading">{t('calibration.heading')}</h2>
      <p className="muted calibration-hint">{t('calibration.hint')}</p>
      {evaluations === null && <p aria-busy="true">{t('calibration.loading')}</p>}
      {evaluations !== null && calls.length === 0 && (
        <p className="calibration-empty">{t('calibration.none')}</p>
      )}
      {call !== null && (
        <div className="calibration-layout">
          <CalibrationCallList
            calls={calls}
            selected={call.callId}
            onSelect={setPicked}
            viewerId={user.id}
          />
          <CalibrationComparison
            call={call}
            form={form}
            referenceId={referenceId}
            onReference={(id) => {
              setReferences((r) => ({ ...r, [call.callId]: id }))
            }}
            viewer={{ id: user.id, role }}
            formPending={loaded?.key !== formKey}
          />
        </div>
      )}
    </section>
  )
}
