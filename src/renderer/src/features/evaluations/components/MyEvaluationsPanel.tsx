/**
 * The agent's own evaluations ("Mis evaluaciones"): every released one, newest first, those
 * waiting for the agent's answer marked; one opens beside the list to read, accept or dispute.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { releasedStates } from '@shared/evaluations/evaluation'
import { useAppStore } from '@renderer/stores/app-store'

import { listQuery, useEvaluationList } from '../hooks/use-evaluations'
import { sortForAgent } from '../team-calls'
import { EvaluationDetail } from './EvaluationDetail'
import { EvaluationList } from './EvaluationList'

export function MyEvaluationsPanel() {
  const { t } = useTranslation()
  const me = useAppStore((s) => s.auth.user)
  const [openId, setOpenId] = useState<string | null>(null)
  const mine = useEvaluationList(
    listQuery({ agentId: me?.id ?? null, states: [...releasedStates], limit: 200 })
  )
  const evaluations = sortForAgent(mine.value.filter((e) => e.agentId === me?.id))
  const awaiting = evaluations.filter((e) => e.state === 'released').length
  return (
    <section className="panel eval-mine" aria-labelledby="eval-mine-heading">
      <div className="eval-mine-list">
        <h2 id="eval-mine-heading">{t('evaluations.mine.heading')}</h2>
        {awaiting > 0 && (
          <p className="eval-awaiting">{t('evaluations.mine.awaiting', { count: awaiting })}</p>
        )}
        {mine.loaded && (
          <EvaluationList
            evaluations={evaluations}
            selectedId={openId}
            audience="agent"
            label={t('evaluations.mine.heading')}
            onOpen={(evaluation) => {
              setOpenId(evaluation.id)
            }}
          />
        )}
      </div>
      <div className="eval-mine-detail">
        {openId === null ? (
          <p className="hint">{t('evaluations.mine.pick')}</p>
        ) : (
          <EvaluationDetail key={openId} id={openId} />
        )}
      </div>
    </section>
  )
}
