/**
 * The team lead's live floor: every agent of the lead's team (an admin's: every team) as one row,
 * live from their desks, the last durable state for those without one; sort, filter, alerts on
 * screen and as OS notifications while the app is hidden, and an agent's detail beside the table.
 */
import { CloudOff } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { useNow } from '@renderer/hooks/useNow'

import {
  buildRows,
  countByState,
  filterRows,
  sortRows,
  type FloorFilter,
  type FloorSort,
  type SortKey
} from '../floor-rows'
import { clockTime } from '../format'
import { useAlertNotifications, useNotificationPermission } from '../hooks/useAlertNotifications'
import { useFloorData } from '../hooks/useFloorData'
import { AgentDetail, type RenderFloorActions } from './AgentDetail'
import { FloorTable, type FloorLabels } from './FloorTable'
import { FloorToolbar } from './FloorToolbar'
import './floor.css'

export interface LiveFloorProps {
  /** Controls for the selected agent (change the state, whisper), shown in the detail pane. */
  renderActions?: RenderFloorActions
}

const noFilter: FloorFilter = { states: new Set(), text: '', onlyAlerts: false }

export function LiveFloor({ renderActions }: LiveFloorProps) {
  const { t, i18n } = useTranslation()
  const user = useAppStore((s) => s.auth.user)
  const floor = useAppStore((s) => s.floor)
  const isAdmin = user?.role === 'admin'
  const data = useFloorData(isAdmin ? null : (user?.teamId ?? null))
  const roster = data.roster
  const clock = useNow(1000).getTime()
  const [filter, setFilter] = useState<FloorFilter>(noFilter)
  const [sort, setSort] = useState<FloorSort>({ key: 'name', direction: 'ascending' })
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const language = i18n.language.startsWith('en') ? 'en' : 'es'

  useNotificationPermission()

  // While the lead's own connection is down the floor stands still at the moment it stopped
  // being live: no timer runs on, no alert begins, no agent turns lost for the lead's outage.
  const stale = floor.received && !floor.live
  const staleAt = stale && floor.staleSince ? Date.parse(floor.staleSince) : null
  const now = staleAt ?? clock

  const pauseLimits = useMemo(
    () => new Map(data.pauseReasons.map((r) => [r.code, r.maxMinutes])),
    [data.pauseReasons]
  )
  const labels = useMemo((): FloorLabels => {
    const pause = (code: string) =>
      data.pauseReasons.find((r) => r.code === code)?.label[language] ?? code
    return {
      pause,
      disposition: (code) =>
        data.dispositionCodes.find((d) => d.code === code)?.label[language] ?? code,
      state: (state, reason) => {
        const name = t(`floor.durable.${state}`)
        return reason ? t('floor.withReason', { state: name, reason: pause(reason) }) : name
      }
    }
  }, [data.pauseReasons, data.dispositionCodes, language, t])

  const rows = useMemo(
    () => buildRows(roster, floor.entries, { now, thresholds: data.thresholds, pauseLimits }),
    [roster, floor.entries, now, data.thresholds, pauseLimits]
  )
  const agentAlerts = useMemo(
    () => rows.map((r) => ({ agentId: r.agent.id, name: r.agent.name, alerts: r.alerts })),
    [rows]
  )
  useAlertNotifications(agentAlerts, data.thresholds.notify)

  const shown = sortRows(filterRows(rows, filter), sort)
  const alertCount = rows.reduce((n, r) => n + r.alerts.length, 0)
  const selected = rows.find((r) => r.agent.id === selectedId) ?? null

  const close = () => {
    setSelectedId(null)
    // Back to the row the detail was opened from, so the keyboard walk goes on from there.
    document.querySelector<HTMLElement>('.floor-agent[tabindex="0"]')?.focus()
  }

  const onSort = (key: SortKey) => {
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'alerts' ? 'descending' : 'ascending' }
    )
  }

  return (
    <section
      className={`panel live-floor${stale ? ' stale' : ''}`}
      aria-labelledby="floor-heading"
      aria-busy={!data.loaded}
    >
      <h2 id="floor-heading">{t('floor.heading')}</h2>
      {stale && (
        <p className="floor-stale" role="status">
          <CloudOff size={14} aria-hidden="true" />
          {t('floor.stale', {
            time: staleAt === null ? '—' : clockTime(staleAt, i18n.language)
          })}
        </p>
      )}
      <FloorToolbar
        filter={filter}
        onFilter={setFilter}
        counts={countByState(rows)}
        alertCount={alertCount}
        alertsFirst={sort.key === 'alerts'}
        onAlertsFirst={(on) => {
          setSort(
            on
              ? { key: 'alerts', direction: 'descending' }
              : { key: 'name', direction: 'ascending' }
          )
        }}
      />
      <div className={selected ? 'floor-body with-detail' : 'floor-body'}>
        <div className="floor-scroll">
          {roster.length === 0 ? (
            <p className="hint">{data.loaded ? t('floor.empty') : t('floor.loading')}</p>
          ) : shown.length === 0 ? (
            <p className="hint">{t('floor.noMatch')}</p>
          ) : (
            <FloorTable
              rows={shown}
              sort={sort}
              onSort={onSort}
              selectedId={selectedId}
              onSelect={(id) => {
                setSelectedId((s) => (s === id ? null : id))
              }}
              onClose={close}
              now={now}
              showTeam={isAdmin}
              labels={labels}
            />
          )}
        </div>
        {selected && (
          <AgentDetail
            row={selected}
            now={now}
            labels={labels}
            renderActions={renderActions}
            onClose={close}
          />
        )}
      </div>
    </section>
  )
}
