import { useEffect, useState, type SyntheticEvent } from 'react'
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
export function EvaluationFiguresPanel() {
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

  // The default period shows at once; later changes wait for "Ver cifras".
  useEffect(() => {
    let current = true
    void fetchFigures(dataClient(), figuresQuery(values, role, ownTeamId)).then((loaded) => {
      if (current) setLoad(loaded)
    })
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role, ownTeamId])
  if (role === 'agent') return null

  const show = async (query: FiguresQuery) => {
    setLoad({ state: 'loading' })
    setShownKind(query.kind)
    setLoad(await fetchFigures(dataClient(), query))
  }
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (periodProblem(values.from, values.to) === null) {
      void show(figuresQuery(values, role, ownTeamId))
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
