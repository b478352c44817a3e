import { useTranslation } from 'react-i18next'

import { lifecycleStatuses } from '../../../../../shared/domain/complaint-lifecycle'
import { severities } from '../../../../../shared/domain/complaint-severity'
import { useAppStore } from '../../../stores/app-store'
import { canSeeTeamQueue, effectiveComplaintFilter, filterComplaints } from '../commands'

const ALL = ''

/** Which complaints the list shows: own or the team queue (leads), by status, severity, SLA. */
export function ComplaintFilters() {
  const { t } = useTranslation()
  const role = useAppStore((s) => s.auth.user?.role ?? null)
  const chosen = useAppStore((s) => s.complaints.filter)
  const filter = effectiveComplaintFilter(chosen, role)
  return (
    <fieldset className="complaint-filters">
      <legend>{t('complaints.filters.legend')}</legend>
      {canSeeTeamQueue(role) && (
        <label>
          {t('complaints.filters.scope')}
          <select
            value={filter.scope}
            onChange={(e) => {
              void filterComplaints({
                ...filter,
                scope: e.target.value === 'team' ? 'team' : 'mine'
              })
            }}
          >
            <option value="team">{t('complaints.filters.team')}</option>
            <option value="mine">{t('complaints.filters.mine')}</option>
          </select>
        </label>
      )}
      <label>
        {t('complaints.filters.status')}
        <select
          value={filter.status ?? ALL}
          onChange={(e) => {
            void filterComplaints({
              ...filter,
              status: lifecycleStatuses.find((s) => s === e.target.value) ?? null
            })
          }}
        >
          <option value={ALL}>{t('complaints.filters.all')}</option>
          {lifecycleStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`complaints.statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('complaints.filters.severity')}
        <select
          value={filter.severity ?? ALL}
          onChange={(e) => {
            void filterComplaints({
              ...filter,
              severity: severities.find((s) => s === e.target.value) ?? null
            })
          }}
        >
          <option value={ALL}>{t('complaints.filters.all')}</option>
          {severities.map((s) => (
            <option key={s} value={s}>
              {t(`complaints.severities.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.breachedOnly}
          onChange={(e) => {
            void filterComplaints({ ...filter, breachedOnly: e.target.checked })
          }}
        />
        {t('complaints.filters.breachedOnly')}
      </label>
    </fieldset>
  )
}
