/**
 * The scoring of one call beside what the evaluator keeps working with: over the workspace, from
 * its edge to the pane named by `besideId` (the floor's detail, the trainer's role-play column),
 * as tall as that pane. A dialog that is not modal: listening, whispering or following a
 * trainee's step stay in reach. Its draft is saved under the call's id; Escape or "Cerrar" close
 * it (saving changes). Once released, the evaluation is shown as the agent will read it.
 */
import { X } from 'lucide-react'
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'

import type { ScoringTarget } from '../scoring-target'
import { EvaluationDetail } from './EvaluationDetail'
import { ScoringPanel } from './ScoringPanel'

const GAP = 8

function useAreaBeside(besideId: string): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({})
  useLayoutEffect(() => {
    const pane = document.getElementById(besideId)
    const area = pane?.closest('.workspace') ?? null
    const place = () => {
      if (!pane || !area) return
      // The pane's workspace is hidden (the desk stays mounted behind another one): so is this.
      if (pane.getClientRects().length === 0) {
        setStyle({ display: 'none' })
        return
      }
      const p = pane.getBoundingClientRect()
      const a = area.getBoundingClientRect()
      setStyle({
        top: p.top,
        left: a.left + GAP,
        width: Math.max(480, p.left - a.left - 2 * GAP),
        height: p.height
      })
    }
    place()
    const observer = new ResizeObserver(place)
    if (pane) observer.observe(pane)
    window.addEventListener('resize', place)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', place)
    }
  }, [besideId])
  return style
}

function ScoringDialog({
  target,
  besideId,
  onClose
}: {
  target: ScoringTarget
  besideId: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const style = useAreaBeside(besideId)
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

/** The scoring dialog for `target` (nothing while null), portalled over the workspace. */
export function ScoringBeside({
  target,
  besideId,
  onClose
}: {
  target: ScoringTarget | null
  besideId: string
  onClose: () => void
}) {
  if (target === null) return null
  return createPortal(
    <ScoringDialog target={target} besideId={besideId} onClose={onClose} />,
    document.body
  )
}
