import { useEffect, useRef, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { ConfigurationSnapshot } from '@shared/contract/worker'
import type { Team } from '@shared/domain/configuration'
import type { FiguresQuery } from '@shared/evaluations/evaluation-api'
import type { FormKind } from '@shared/evaluations/form-schema'
import { dataClient } from '@renderer/data/data-client'
import { useConfiguration } from '@renderer/data/use-configuration'
import { useAppStore } from '@renderer/stores/app-store'
import {
  fetchFigures,
  figuresQuery,
  fixedKind,
  type FiguresFilterValues,
  type FiguresLoad
} from '../figures-query'
import { defaultPeriod, periodProblem } from '../figures-shaping'
import { FiguresFilters } from './FiguresFilters'
import { FiguresResult } from './FiguresResult'
import '../evaluation-figures.css'

const selectTeams = (c: ConfigurationSnapshot): Team[] => c.teams

/**
 * The evaluation figures (released evaluations only, never drafts or calibration ones) of one
 * kind over a period: leads their team, trainers training, admins any team and either kind. The
 * server counts and enforces the scopes; the figures need it online.
 */
export interface EvaluationFiguresPanelProps {
  /**
   * Whether the panel is on screen: the workspace keeps it mounted behind its tab, and the
   * figures shown are read again each time the tab is opened (evaluations released meanwhile).
   */
  active?: boolean
}

export function EvaluationFiguresPanel({ active = true }: EvaluationFiguresPanelProps) {
  const { t } = useTranslation()
  const user = useAppStore((s) => s.auth.user)
  const role = user?.role ?? 'agent'
  const ownTeamId = user?.teamId ?? null
  const teams = useConfiguration<Team>('team', selectTeams)
  const [values, setValues] = useState<FiguresFilterValues>(() => ({
    ...defaultPeriod(new Date()),
    teamId: '',
    kind: 'quality'
  }))
  const [load, setLoad] = useState<FiguresLoad>({ state: 'loading' })
  // The kind of the figures on screen (the heading names it), not of the filter being edited.
  const [shownKind, setShownKind] = useState<FormKind>(fixedKind(role) ?? 'quality')

  // The query of the figures on screen: read again, unchanged, when the tab comes back.
  const [shownQuery, setShownQuery] = useState<FiguresQuery>(() =>
    figuresQuery(values, role, ownTeamId)
  )

  // The default period shows at once (and again each time the tab opens); later changes of the
  // filters wait for "Ver cifras". The figures on screen stay while they are read again.
  const readOnce = useRef(false)
  useEffect(() => {
    // Behind its tab it is read once (nothing waits on screen as busy), then on every opening.
    if (!active && readOnce.current) return
    readOnce.current = true
    let current = true
    void fetchFigures(dataClient(), shownQuery).then((loaded) => {
      if (current) setLoad(loaded)
    })
    return () => {
      current = false
    }
  }, [active, shownQuery])
  if (role === 'agent') return null

  const show = (query: FiguresQuery) => {
    setLoad({ state: 'loading' })
    setShownKind(query.kind)
    setShownQuery(query)
  }
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (periodProblem(values.from, values.to) === null) {
      show(figuresQuery(values, role, ownTeamId))
    }
  }
  const ownTeam = teams.find((team) => team.id === ownTeamId)
  return (
    <section className="panel evaluation-figures" aria-labelledby="evaluation-figures-heading">
      <div className="figures-head">
        <h2 id="evaluation-figures-heading">{t(`evaluationFigures.heading.${shownKind}`)}</h2>
        <FiguresFilters
          values={values}
          onChange={setValues}
          onSubmit={submit}
          userRole={role}
          teams={teams}
          ownTeamName={ownTeam?.name ?? null}
        />
      </div>
      <FiguresResult load={load} />
    </section>
  )
}
