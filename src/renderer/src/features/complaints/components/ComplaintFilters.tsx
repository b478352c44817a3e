import { useRef, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'

import { complaintCategories, complaintChannels } from '@shared/domain/complaint'
import { lifecycleStatuses } from '@shared/domain/complaint-lifecycle'
import { severities } from '@shared/domain/complaint-severity'
import { valueTiers } from '@shared/domain/customer'
import { useAppStore } from '@renderer/stores/app-store'
import { ariaKeyShortcuts, useShortcut } from '../../shortcuts'
import { categoryLabel } from '../category-label'
import { canSeeTeamQueue, effectiveComplaintFilter, filterComplaints } from '../commands'
import { useComplaintCategories } from '../hooks/use-complaint-categories'

import { ChoiceSelect } from '@renderer/ui/ChoiceSelect'

/** Alt+Q focuses the complaint search from anywhere (Ctrl+K and `/` are the customer search's). */
function useComplaintSearchShortcut(input: RefObject<HTMLInputElement | null>): void {
  useShortcut('complaints.search', () => {
    input.current?.focus()
    input.current?.select()
  })
}

/**
 * Which complaints the list shows: own or the team queue (leads), by status, severity, SLA,
 * category, channel and the customer's tier, and a search as you type (Escape clears it).
 */
export function ComplaintFilters() {
  const { t, i18n } = useTranslation()
  const role = useAppStore((s) => s.auth.user?.role ?? null)
  const chosen = useAppStore((s) => s.complaints.filter)
  const filter = effectiveComplaintFilter(chosen, role)
  const configured = useComplaintCategories()
  const searchRef = useRef<HTMLInputElement>(null)
  useComplaintSearchShortcut(searchRef)
  const categoryCodes =
    configured.length > 0 ? configured.map((c) => c.code) : [...complaintCategories]
  const all = t('complaints.filters.all')
  return (
    <fieldset className="complaint-filters">
      <legend>{t('complaints.filters.legend')}</legend>
      <label>
        {t('complaints.filters.search')}
        <input
          ref={searchRef}
          type="search"
          maxLength={200}
          aria-keyshortcuts={ariaKeyShortcuts('complaints.search')}
          placeholder={t('complaints.filters.searchPlaceholder')}
          value={filter.search}
          onChange={(e) => {
            void filterComplaints({ ...filter, search: e.target.value })
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.search !== '') {
              e.preventDefault()
              void filterComplaints({ ...filter, search: '' })
            }
          }}
        />
      </label>
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
      <ChoiceSelect
        label={t('complaints.filters.status')}
        options={lifecycleStatuses}
        optionLabel={(s) => t(`complaints.statuses.${s}`)}
        value={filter.status}
        emptyLabel={all}
        onChange={(status) => void filterComplaints({ ...filter, status })}
      />
      <ChoiceSelect
        label={t('complaints.filters.severity')}
        options={severities}
        optionLabel={(s) => t(`complaints.severities.${s}`)}
        value={filter.severity}
        emptyLabel={all}
        onChange={(severity) => void filterComplaints({ ...filter, severity })}
      />
      <ChoiceSelect
        label={t('complaints.filters.category')}
        options={categoryCodes}
        optionLabel={(c) => categoryLabel(c, configured, t, i18n.language)}
        value={filter.category}
        emptyLabel={all}
        onChange={(category) => void filterComplaints({ ...filter, category })}
      />
      <ChoiceSelect
        label={t('complaints.filters.channel')}
        options={complaintChannels}
        optionLabel={(c) => t(`complaints.channels.${c}`)}
        value={filter.channel}
        emptyLabel={all}
        onChange={(channel) => void filterComplaints({ ...filter, channel })}
      />
      <ChoiceSelect
        label={t('complaints.filters.tier')}
        options={valueTiers}
        optionLabel={(v) => t(`card.tiers.${v}`)}
        value={filter.tier}
        emptyLabel={all}
        onChange={(tier) => void filterComplaints({ ...filter, tier })}
      />
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
