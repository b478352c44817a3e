/**
 * The Quality workspace's "Evaluaciones" tab (leads, trainers, admins): the team's recent calls
 * to score, the evaluations filtered by agent and state (disputed ones first: they wait for the
 * lead), and the one opened (read, resolve) — or, while scoring, the scoring view.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { ConfigurationSnapshot, LocalInteraction } from '@shared/contract/worker'
import { evaluationStates, type EvaluationState } from '@shared/evaluations/evaluation'
import { dataClient } from '@renderer/data/data-client'
import { useConfiguration } from '@renderer/data/use-configuration'
import { useWorkerQuery } from '@renderer/data/use-worker-query'
import { useAppStore } from '@renderer/stores/app-store'
import { ChoiceSelect } from '@renderer/ui/ChoiceSelect'

import { listQuery, useEvaluationList } from '../hooks/use-evaluations'
import { nameText } from '../score-text'
import type { ScoringTarget } from '../scoring-target'
import { sortForLead, targetOfCall, teamCalls } from '../team-calls'
import { EvaluationDetail } from './EvaluationDetail'
import { EvaluationList } from './EvaluationList'
import { ScoringPanel } from './ScoringPanel'
import { TeamCallsList } from './TeamCallsList'

const CALLS_LIMIT = 100
const usersOf = (c: ConfigurationSnapshot) => c.users

type View = { kind: 'list'; openId: string | null } | { kind: 'score'; target: ScoringTarget }

function useRecentCalls(): LocalInteraction[] {
  return useWorkerQuery<LocalInteraction[]>(
    [],
    ['interaction'],
    async () => {
      const result = await dataClient()?.send('interaction:list', {
        customerId: null,
        limit: CALLS_LIMIT
      })
      return result?.ok ? result.data.interactions : null
    },
    []
  )
}

export function EvaluationsPanel() {
  const { t } = useTranslation()
  const me = useAppStore((s) => s.auth.user)
  const [view, setView] = useState<View>({ kind: 'list', openId: null })
  const [agentId, setAgentId] = useState<string | null>(null)
  const [state, setState] = useState<EvaluationState | null>(null)
  const [rescoring, setRescoring] = useState(false)
  const users = useConfiguration('user', usersOf)
  const calls = useRecentCalls()
  const known = useEvaluationList(listQuery({ includeCalibration: true, limit: 500 }))
  const listed = useEvaluationList(
    listQuery({ agentId, states: state === null ? null : [state], includeCalibration: false })
  )

  if (view.kind === 'score') {
    return (
      <ScoringPanel
        key={view.target.callId}
        target={view.target}
        onClose={() => {
          setView({ kind: 'list', openId: null })
        }}
        onReleased={(evaluation) => {
          setView({ kind: 'list', openId: evaluation.id })
        }}
      />
    )
  }
  const agents = users
    .filter((u) => u.role === 'agent')
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
  const agentNames = new Map(agents.map((a) => [a.id, nameText(a.displayName)]))
  const scorable = teamCalls(calls, known.value, users, me, agentId)
  const open = (evaluationId: string) => {
    setView({ kind: 'list', openId: evaluationId })
  }
  return (
    <section
      className={`panel eval-panel${rescoring ? ' rescoring' : ''}`}
      aria-labelledby="eval-panel-heading"
    >
      {/* The workspace's tab already shows this name: the heading is for screen readers. */}
      <h2 id="eval-panel-heading" className="eval-panel-heading visually-hidden">
        {t('evaluations.panel.heading')}
      </h2>
      <div className="eval-panel-filters">
        <ChoiceSelect
          label={t('evaluations.filters.agent')}
          options={agents.map((a) => a.id)}
          optionLabel={(id) => agentNames.get(id) ?? id}
          value={agentId}
          emptyLabel={t('evaluations.filters.allAgents')}
          onChange={setAgentId}
        />
        <ChoiceSelect
          label={t('evaluations.filters.state')}
          options={evaluationStates}
          optionLabel={(s) => t(`evaluations.states.${s}`)}
          value={state}
          emptyLabel={t('evaluations.filters.allStates')}
          onChange={setState}
        />
      </div>
      <div className="eval-panel-calls">
        <h3>{t('evaluations.calls.heading')}</h3>
        <TeamCallsList
          calls={scorable}
          onEvaluate={(call) => {
            setView({ kind: 'score', target: targetOfCall(call) })
          }}
          onView={(evaluation) => {
            open(evaluation.id)
          }}
        />
      </div>
      <div className="eval-panel-list">
        <h3>{t('evaluations.list.heading')}</h3>
        {listed.loaded && (
          <EvaluationList
            evaluations={sortForLead(listed.value)}
            selectedId={view.openId}
            audience="lead"
            label={t('evaluations.list.heading')}
            onOpen={(evaluation) => {
              open(evaluation.id)
            }}
          />
        )}
      </div>
      <div className="eval-panel-detail">
        {view.openId === null ? (
          <p className="hint">{t('evaluations.panel.pick')}</p>
        ) : (
          <EvaluationDetail
            key={view.openId}
            id={view.openId}
            onRescoring={setRescoring}
            onContinue={(evaluation) => {
              setView({
                kind: 'score',
                target: {
                  agentId: evaluation.agentId,
                  agentName: evaluation.agentName,
                  teamId: evaluation.teamId,
                  callId: evaluation.callId,
                  interactionId: evaluation.interactionId,
                  practice: evaluation.practice,
                  at: calls.find((c) => c.callId === evaluation.callId)?.ringAt ?? null
                }
              })
            }}
          />
        )}
      </div>
    </section>
  )
}
