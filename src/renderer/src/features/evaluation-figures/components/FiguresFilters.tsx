import type { SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { Team } from '@shared/domain/configuration'
import { sanitizeDisplayText } from '@shared/domain/text'
import type { Role } from '@shared/domain/user'
import { formKinds } from '@shared/evaluations/form-schema'
import type { FiguresFilterValues } from '../figures-query'
import { periodProblem } from '../figures-shaping'

/**
 * The period, the team (admins choose; a lead's is their own, shown as text) and the kind
 * (admins choose; leads quality, trainers training), as one compact toolbar.
 */
export function FiguresFilters({
  values,
  onChange,
  onSubmit,
  userRole: role,
  teams,
  ownTeamName
}: {
  values: FiguresFilterValues
  onChange: (values: FiguresFilterValues) => void
  onSubmit: (event: SyntheticEvent<HTMLFormElement>) => void
  /** Named apart from the ARIA `role` attribute: whose filters these are. */
  userRole: Role
  teams: readonly Team[]
  ownTeamName: string | null
}) {
  const { t } = useTranslation()
  const problem = periodProblem(values.from, values.to)
  const set = (patch: Partial<FiguresFilterValues>) => {
    onChange({ ...values, ...patch })
  }
  return (
    <form className="figures-filters" onSubmit={onSubmit}>
      <label>
        {t('evaluationFigures.filters.from')}
        <input
          type="date"
          value={values.from}
          required
          onChange={(e) => {
            set({ from: e.target.value })
          }}
        />
      </label>
      <label>
        {t('evaluationFigures.filters.to')}
        <input
          type="date"
          value={values.to}
          required
          onChange={(e) => {
            set({ to: e.target.value })
          }}
        />
      </label>
      {role === 'admin' && (
        <label>
          {t('evaluationFigures.filters.team')}
          <select
            value={values.teamId}
            onChange={(e) => {
              set({ teamId: e.target.value })
            }}
          >
            <option value="">{t('evaluationFigures.filters.allTeams')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {sanitizeDisplayText(team.name, 60)}
              </option>
            ))}
          </select>
        </label>
      )}
      {role === 'admin' && (
        <label>
          {t('evaluationFigures.filters.kind')}
          <select
            value={values.kind}
            onChange={(e) => {
              const kind = formKinds.find((k) => k === e.target.value)
              if (kind) set({ kind })
            }}
          >
            {formKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`evaluationFigures.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {role === 'team_lead' && ownTeamName !== null && (
        <p className="figures-scope">
          {t('evaluationFigures.filters.ownTeam', { team: sanitizeDisplayText(ownTeamName, 60) })}
        </p>
      )}
      {role === 'trainer' && (
        <p className="figures-scope">{t('evaluationFigures.filters.practiceOnly')}</p>
      )}
      <button type="submit" disabled={problem !== null}>
        {t('evaluationFigures.filters.show')}
      </button>
      {problem !== null && (
        <p role="alert" className="error">
          {t(`evaluationFigures.filters.problems.${problem}`)}
        </p>
      )}
    </form>
  )
}
