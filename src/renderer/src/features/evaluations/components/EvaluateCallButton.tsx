/**
 * The floor's detail: "Evaluar llamada" while the agent is on a call the lead may score (a
 * production call; a practice one for trainers). The scoring view opens beside the detail, over
 * the floor's table, not as a modal: the lead keeps listening, whispering and the monitoring
 * controls in the detail. It stays open through the call's end (the facts can then be read
 * again), its draft saved under the call's id; Escape or "Cerrar" close it (saving changes).
 */
import { ClipboardCheck, X } from 'lucide-react'
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'

import type { FloorEntry } from '@shared/presence/presence'
import { useAppStore } from '@renderer/stores/app-store'

import { mayEvaluate } from '../evaluation-permissions'
import type { ScoringTarget } from '../scoring-target'
import { EvaluationDetail } from './EvaluationDetail'
import { ScoringPanel } from './ScoringPanel'

const GAP = 8

/** Over the floor's table: from the workspace's edge to the detail pane, as tall as the pane. */
function useFloorArea(): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({})
  useLayoutEffect(() => {
    const detail = document.getElementById('floor-detail')
    const area = detail?.closest('.workspace') ?? null
    const place = () => {
      if (!detail || !area) return
      const d = detail.getBoundingClientRect()
      const a = area.getBoundingClientRect()
      setStyle({
        top: d.top,
        left: a.left + GAP,
        width: Math.max(480, d.left - a.left - 2 * GAP),
        height: d.height
      })
    }
    place()
    const observer = new ResizeObserver(place)
    if (detail) observer.observe(detail)
    window.addEventListener('resize', place)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', place)
    }
  }, [])
  return style
}

function FloorScoring({ target, onClose }: { target: ScoringTarget; onClose: () => void }) {
  const { t } = useTranslation()
  const style = useFloorArea()
  const [releasedId, setReleasedId] = useState<string | null>(null)
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    panel.current?.focus()
  }, [])
  // Escape from inside the panel closes it (a select keeps its own Escape).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (!(event.target instanceof Node) || !panel.current?.contains(event.target)) return
      if (event.target instanceof HTMLSelectElement) return
      event.preventDefault()
      onClose()
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
    }
  }, [onClose])
  return (
    // A dialog that is not modal: the floor's detail (monitoring, whisper) stays in reach.
    <div
      ref={panel}
      role="dialog"
      aria-modal="false"
      aria-label={t('evaluations.scoring.heading')}
      tabIndex={-1}
      className="eval-floor-panel"
      style={style}
    >
      {releasedId === null ? (
        <ScoringPanel
          target={target}
          compact
          onClose={onClose}
          onReleased={(evaluation) => {
            setReleasedId(evaluation.id)
          }}
        />
      ) : (
        <div className="eval-floor-done">
          <header className="eval-scoring-head">
            <p role="status" className="eval-released-note">
              {t('evaluations.floor.released', { name: target.agentName })}
            </p>
            <button type="button" className="quiet eval-close" onClick={onClose}>
              <X size={14} aria-hidden="true" />
              {t('evaluations.scoring.close')}
            </button>
          </header>
          <EvaluationDetail id={releasedId} />
        </div>
      )}
    </div>
  )
}

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
      {target !== null &&
        createPortal(<FloorScoring target={target} onClose={close} />, document.body)}
    </>
  )
}
