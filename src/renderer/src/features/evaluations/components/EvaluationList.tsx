/**
 * A list of evaluations, from props: each with its agent (for the lead), score and verdict,
 * state, and date; a disputed one stands out (it waits for the lead), one waiting for the
 * agent's answer is marked for the agent. Each opens the read view.
 */
import { useTranslation } from 'react-i18next'

import type { LocalEvaluation } from '@shared/contract/worker'

import { dateTimeText, nameText, percentText, verdictClass, verdictText } from '../score-text'
import { StateChip } from './StateChip'
import './eval-lists.css'

export interface EvaluationListProps {
  evaluations: readonly LocalEvaluation[]
  selectedId: string | null
  /** Whose view: the lead's shows the agent and marks disputes; the agent's marks what awaits them. */
  audience: 'lead' | 'agent'
  onOpen: (evaluation: LocalEvaluation) => void
  label: string
}

export function EvaluationList(props: EvaluationListProps) {
  const { t, i18n } = useTranslation()
  if (props.evaluations.length === 0) {
    return <p className="hint">{t(`evaluations.list.empty.${props.audience}`)}</p>
  }
  return (
    <ul className="eval-list" aria-label={props.label}>
      {props.evaluations.map((e) => {
        const waits =
          (props.audience === 'lead' && e.state === 'disputed') ||
          (props.audience === 'agent' && e.state === 'released')
        const selected = e.id === props.selectedId
        return (
          <li
            key={e.id}
            className={
              [waits ? 'waits' : '', selected ? 'selected' : ''].filter(Boolean).join(' ') ||
              undefined
            }
          >
            <button
              type="button"
              className="eval-list-item"
              aria-current={selected ? 'true' : undefined}
              onClick={() => {
                props.onOpen(e)
              }}
            >
              <span className="eval-list-line">
                {props.audience === 'lead' && (
                  <strong className="eval-list-name">{nameText(e.agentName)}</strong>
                )}
                <span className={`eval-list-score ${verdictClass(e.score)}`}>
                  {percentText(e.score.percent, t, i18n.language)} · {verdictText(e.score, t)}
                </span>
              </span>
              <span className="eval-list-line">
                <StateChip state={e.state} calibration={e.calibration} />
                {e.practice && <span className="badge">{t('evaluations.scoring.practice')}</span>}
                {waits && (
                  <span className="badge pending">
                    {t(`evaluations.list.waits.${props.audience}`)}
                  </span>
                )}
                {e.syncState !== 'synced' && (
                  <span className="badge">{t(`evaluations.list.sync.${e.syncState}`)}</span>
                )}
                <span className="eval-list-date muted">
                  {dateTimeText(e.releasedAt ?? e.updatedAt, i18n.language)}
                </span>
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
