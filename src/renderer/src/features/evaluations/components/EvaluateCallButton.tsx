/**
 * The floor's detail: "Evaluar llamada" while the agent is on a call the lead may score (a
 * production call; a practice one for trainers). The scoring view opens beside the detail, over
 * the floor's table, not as a modal: the lead keeps listening, whispering and the monitoring
 * controls in the detail. It stays open through the call's end (the facts can then be read
 * again).
 */
import { ClipboardCheck } from 'lucide-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { FloorEntry } from '@shared/presence/presence'
import { useAppStore } from '@renderer/stores/app-store'

import { mayEvaluate } from '../evaluation-permissions'
import type { ScoringTarget } from '../scoring-target'
import { ScoringBeside } from './ScoringBeside'

export function EvaluateCallButton({
  entry,
  agent
}: {
  entry: FloorEntry | null
  agent: { id: string; name: string }
}) {
  const { t } = useTranslation()
  const me = useAppStore((s) => s.auth.user)
  const [target, setTarget] = useState<ScoringTarget | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const call = entry?.presence.call ?? null
  const allowed =
    entry !== null &&
    call !== null &&
    mayEvaluate(me, { agentId: agent.id, teamId: entry.teamId, practice: call.practice })
  const close = () => {
    setTarget(null)
    // The button is gone when the call ended meanwhile: the focus then stays where it falls.
    requestAnimationFrame(() => button.current?.focus())
  }
  return (
    <>
      {allowed && target === null && (
        <button
          ref={button}
          type="button"
          onClick={() => {
            setTarget({
              agentId: agent.id,
              agentName: agent.name,
              teamId: entry.teamId,
              callId: call.id,
              interactionId: null,
              practice: call.practice,
              at: null
            })
          }}
        >
          <ClipboardCheck size={14} aria-hidden="true" />
          {t('evaluations.calls.evaluate')}
        </button>
      )}
      <ScoringBeside target={target} besideId="floor-detail" onClose={close} />
    </>
  )
}
