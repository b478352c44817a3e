import { ClipboardCheck } from 'lucide-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ScoringBeside, type ScoringTarget } from '../../evaluations'

/** The pane the scoring opens beside: the desk's right column, where the console is. */
export const ROLEPLAY_SCORING_BESIDE = 'desk-script'

/**
 * "Puntuar…": the evaluation engine's scoring of the trainee's side of the role-play with a
 * training form, beside the console (the live step and the prompter stay in view). It can open
 * once the trainee's desk admitted the call (the server then knows which call of theirs it is),
 * during the call or after it; the draft is kept under that call, and the released evaluation
 * reaches the trainee like any other, to acknowledge or dispute.
 */
/** The trainee's side of the call, as the server recorded it when their desk admitted it. */
export interface TraineeCall {
  id: string
  /** When their desk admitted it (it rang then). */
  at: string | null
}

export function RoleplayScoring({
  trainee,
  call
}: {
  trainee: { id: string; name: string }
  call: TraineeCall | null
}) {
  const { t } = useTranslation()
  const [target, setTarget] = useState<ScoringTarget | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <div className="roleplay-scoring">
      <button
        ref={button}
        type="button"
        disabled={call === null || target !== null}
        onClick={() => {
          if (call === null) return
          setTarget({
            agentId: trainee.id,
            agentName: trainee.name,
            teamId: null,
            callId: call.id,
            interactionId: null,
            practice: true,
            at: call.at
          })
        }}
      >
        <ClipboardCheck size={14} aria-hidden="true" />
        {t('roleplay.scoring.open', { name: trainee.name })}
      </button>
      {call === null && <span className="muted">{t('roleplay.scoring.afterAnswer')}</span>}
      <ScoringBeside
        target={target}
        besideId={ROLEPLAY_SCORING_BESIDE}
        onClose={() => {
          setTarget(null)
          requestAnimationFrame(() => button.current?.focus())
        }}
      />
    </div>
  )
}
