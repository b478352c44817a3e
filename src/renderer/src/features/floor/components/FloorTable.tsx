/**
 * The floor as a real table: one row per agent, sortable column headers (`aria-sort`), and the
 * rows walked with the arrow keys (one tab stop: the current row's name button; Enter opens the
 * agent's detail).
 */
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { skewOf } from '../floor-alerts'
import { MonitoringRowMark } from '../../monitoring'
import type { FloorRow, FloorSort, SortKey } from '../floor-rows'
import { clockTime, elapsed } from '../format'
import { AlertBadges, CallSummary, Clip, PhoneHealth, StateLabel } from './FloorCells'
import { text } from './floor-icons'

export interface FloorLabels {
  pause: (code: string) => string
  disposition: (code: string) => string
  state: (state: string, pauseReason: string | null) => string
}

interface FloorTableProps {
  rows: readonly FloorRow[]
  sort: FloorSort
  onSort: (key: SortKey) => void
  selectedId: string | null
  onSelect: (id: string) => void
  /** Escape on a row closes the detail. */
  onClose: () => void
  now: number
  showTeam: boolean
  labels: FloorLabels
}

function SortHeader(props: {
  id: SortKey
  sort: FloorSort
  onSort: (key: SortKey) => void
  className?: string | undefined
  children: ReactNode
}) {
  const active = props.sort.key === props.id
  const Icon = !active ? ArrowUpDown : props.sort.direction === 'ascending' ? ArrowUp : ArrowDown
  return (
    <th scope="col" className={props.className} aria-sort={active ? props.sort.direction : 'none'}>
      <button
        type="button"
        className="floor-sort"
        onClick={() => {
          props.onSort(props.id)
        }}
      >
        {props.children}
        <Icon size={12} aria-hidden="true" />
      </button>
    </th>
  )
}

export function FloorTable(props: FloorTableProps) {
  const { t, i18n } = useTranslation()
  const { rows, now, labels } = props
  const [focusId, setFocusId] = useState<string | null>(null)
  const body = useRef<HTMLTableSectionElement>(null)
  const current =
    rows.find((r) => r.agent.id === focusId) ??
    rows.find((r) => r.agent.id === props.selectedId) ??
    rows[0]

  const move = (event: KeyboardEvent, index: number) => {
    const last = rows.length - 1
    const to =
      event.key === 'ArrowDown'
        ? Math.min(index + 1, last)
        : event.key === 'ArrowUp'
          ? Math.max(index - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (to === null) return
    event.preventDefault()
    const target = rows[to]
    if (!target) return
    setFocusId(target.agent.id)
    body.current?.querySelectorAll<HTMLButtonElement>('.floor-agent')[to]?.focus()
  }

  const header = (id: SortKey, label: string, className?: string) => (
    <SortHeader id={id} sort={props.sort} onSort={props.onSort} className={className}>
      {label}
    </SortHeader>
  )

  return (
    <table className="floor-table">
      <thead>
        <tr>
          {header('name', t('floor.columns.agent'), 'floor-col-agent')}
          {props.showTeam && <th scope="col">{t('floor.columns.team')}</th>}
          {header('state', t('floor.columns.state'))}
          {header('time', t('floor.columns.time'))}
          {header('alerts', t('floor.columns.alerts'))}
          <th scope="col">{t('floor.columns.call')}</th>
          <th scope="col">{t('floor.columns.step')}</th>
          <th scope="col">{t('floor.columns.wrapUp')}</th>
          <th scope="col">{t('floor.columns.phone')}</th>
          <th scope="col">{t('floor.columns.disposition')}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {rows.map((row, index) => {
          const { agent, entry } = row
          const p = entry?.presence ?? null
          // Times the desk wrote are on its clock: measure them against its clock too.
          const deskNow = entry ? now - skewOf(entry) : now
          const selected = agent.id === props.selectedId
          const name = text(agent.name)
          let detail: string | null = null
          if (row.state === 'not_ready' && p?.pauseReason) detail = labels.pause(p.pauseReason)
          if (row.state === 'offline' && agent.latest) {
            detail = labels.state(agent.latest.state, agent.latest.pauseReason)
          }
          return (
            <tr
              key={agent.id}
              className={`floor-row floor-row-${row.state}${selected ? ' selected' : ''}${
                row.alerts.length > 0 ? ' has-alerts' : ''
              }`}
              onClick={() => {
                props.onSelect(agent.id)
              }}
            >
              <th scope="row" className="floor-col-agent">
                <button
                  type="button"
                  className="floor-agent"
                  tabIndex={agent.id === current?.agent.id ? 0 : -1}
                  aria-expanded={selected}
                  aria-controls={selected ? 'floor-detail' : undefined}
                  onFocus={() => {
                    setFocusId(agent.id)
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape' && selected) {
                      e.preventDefault()
                      props.onClose()
                    }
                    move(e, index)
                  }}
                >
                  <Clip value={name} />
                </button>
                {/* Outside the button: the mark is not part of the agent's name. */}
                <MonitoringRowMark agentId={agent.id} />
              </th>
              {props.showTeam && <td>{agent.teamName ? text(agent.teamName, 30) : '—'}</td>}
              <td>
                <StateLabel state={row.state} detail={detail} />
              </td>
              <td className="floor-time">
                {row.state === 'offline'
                  ? row.since === null
                    ? '—'
                    : t('floor.lastSeen', { time: clockTime(row.since, i18n.language) })
                  : row.state === 'lost' && row.since !== null
                    ? t('floor.heardAgo', { elapsed: elapsed(row.since, now) })
                    : row.since === null
                      ? '—'
                      : elapsed(row.since, now)}
              </td>
              <td>
                <AlertBadges alerts={row.alerts} now={now} compact />
              </td>
              <td className="floor-col-call">
                {p?.call && <CallSummary call={p.call} now={deskNow} compact />}
              </td>
              <td className="floor-col-step">
                {p?.script?.stepTitle && <Clip value={text(p.script.stepTitle, 120)} />}
              </td>
              <td className="floor-time">
                {p?.state === 'wrap_up' && p.wrapUpSince
                  ? elapsed(Date.parse(p.wrapUpSince), deskNow)
                  : ''}
              </td>
              <td>{p && row.state !== 'lost' && <PhoneHealth {...p.phone} />}</td>
              <td className="floor-col-disposition">
                {p?.lastDisposition && (
                  <>
                    <Clip value={labels.disposition(p.lastDisposition.code)} />{' '}
                    <span className="floor-muted">
                      {clockTime(Date.parse(p.lastDisposition.at), i18n.language)}
                    </span>
                  </>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
