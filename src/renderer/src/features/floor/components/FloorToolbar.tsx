/**
 * What the floor shows and in which order, as one toolbar (arrow keys move between its controls,
 * Tab leaves it): a chip per state with its count, a search by name, "only with alerts", "alerts
 * first", and the alert count.
 */
import { ArrowDownWideNarrow, BellRing, Search } from 'lucide-react'
import { Toolbar, ToggleButton } from 'react-aria-components'
import { useTranslation } from 'react-i18next'

import { floorStates, type FloorFilter, type FloorStateKey } from '../floor-rows'
import { stateIcons } from './floor-icons'

interface FloorToolbarProps {
  filter: FloorFilter
  onFilter: (filter: FloorFilter) => void
  counts: Record<FloorStateKey, number>
  alertCount: number
  alertsFirst: boolean
  onAlertsFirst: (on: boolean) => void
}

export function FloorToolbar({
  filter,
  onFilter,
  counts,
  alertCount,
  alertsFirst,
  onAlertsFirst
}: FloorToolbarProps) {
  const { t } = useTranslation()
  const toggleState = (state: FloorStateKey, on: boolean) => {
    const states = new Set(filter.states)
    if (on) states.add(state)
    else states.delete(state)
    onFilter({ ...filter, states })
  }
  return (
    <Toolbar className="floor-toolbar" aria-label={t('floor.toolbar.label')}>
      <div className="floor-chips" role="group" aria-label={t('floor.toolbar.states')}>
        {floorStates.map((state) => {
          const Icon = stateIcons[state]
          return (
            <ToggleButton
              key={state}
              className={`floor-chip floor-state-${state}`}
              isSelected={filter.states.has(state)}
              onChange={(on) => {
                toggleState(state, on)
              }}
            >
              <Icon size={13} aria-hidden="true" />
              {t(`floor.states.${state}`)}
              <span className="floor-chip-count">{counts[state]}</span>
            </ToggleButton>
          )
        })}
      </div>
      <label className="floor-search">
        <Search size={13} aria-hidden="true" />
        <span className="visually-hidden">{t('floor.toolbar.search')}</span>
        <input
          type="search"
          maxLength={80}
          placeholder={t('floor.toolbar.searchPlaceholder')}
          value={filter.text}
          onChange={(e) => {
            onFilter({ ...filter, text: e.target.value })
          }}
          onKeyDown={(e) => {
            // The caret moves inside the text; only at its ends do the arrows leave the field.
            const input = e.currentTarget
            const atStart = input.selectionStart === 0 && input.selectionEnd === 0
            const atEnd = input.selectionStart === input.value.length
            if ((e.key === 'ArrowLeft' && !atStart) || (e.key === 'ArrowRight' && !atEnd)) {
              e.stopPropagation()
            }
            if (e.key === 'Escape' && filter.text !== '') {
              e.preventDefault()
              onFilter({ ...filter, text: '' })
            }
          }}
        />
      </label>
      <ToggleButton
        className="floor-chip"
        isSelected={filter.onlyAlerts}
        onChange={(on) => {
          onFilter({ ...filter, onlyAlerts: on })
        }}
      >
        <BellRing size={13} aria-hidden="true" />
        {t('floor.toolbar.onlyAlerts')}
      </ToggleButton>
      <ToggleButton className="floor-chip" isSelected={alertsFirst} onChange={onAlertsFirst}>
        <ArrowDownWideNarrow size={13} aria-hidden="true" />
        {t('floor.toolbar.alertsFirst')}
      </ToggleButton>
      <span
        className={alertCount > 0 ? 'floor-alert-count has-alerts' : 'floor-alert-count'}
        role="status"
      >
        {alertCount > 0 ? t('floor.alertCount', { count: alertCount }) : t('floor.noAlerts')}
      </span>
    </Toolbar>
  )
}
