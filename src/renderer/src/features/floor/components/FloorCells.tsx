/**
 * The cells of one floor row. Every state is words and an icon (the colour only repeats them),
 * and every name, number and label from a desk or the configuration is rendered as text.
 */
import { PhoneIncoming, PhoneOutgoing, TriangleAlert } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { PresenceCall } from '@shared/presence/presence'

import type { FloorAlert } from '../floor-alerts'
import type { FloorStateKey } from '../floor-rows'
import { elapsed } from '../format'
import { alertIcons, stateIcons, text } from './floor-icons'

/** Text cut with an ellipsis where the column is narrow; the whole of it in the tooltip. */
export function Clip({ value }: { value: string }) {
  return (
    <span className="floor-clip" title={value}>
      {value}
    </span>
  )
}

export function StateLabel({ state, detail }: { state: FloorStateKey; detail?: string | null }) {
  const { t } = useTranslation()
  const Icon = stateIcons[state]
  return (
    <span className={`floor-state floor-state-${state}`}>
      <Icon size={14} aria-hidden="true" />
      <span>{t(`floor.states.${state}`)}</span>
      {detail && (
        <span className="floor-muted">
          · <Clip value={text(detail, 60)} />
        </span>
      )}
    </span>
  )
}

/**
 * The call in one line: direction, duration, who (a colleague says so), the customer's tier, held,
 * other lines. In a row (`compact`) the number shows only when nobody was matched (it is in the
 * tooltip and the detail otherwise), so 25 rows fit beside the rest.
 */
export function CallSummary(props: { call: PresenceCall; now: number; compact?: boolean }) {
  const { t } = useTranslation()
  const { call, now } = props
  const Direction = call.direction === 'inbound' ? PhoneIncoming : PhoneOutgoing
  const number = text(call.number, 40)
  const who =
    call.party === 'colleague'
      ? call.name
        ? `${t('floor.call.colleague')}: ${text(call.name, 40)}`
        : t('floor.call.colleague')
      : call.name
        ? text(call.name, 60)
        : null
  const answered = call.answeredAt ? Date.parse(call.answeredAt) : null
  return (
    <span className="floor-call" title={props.compact ? number : undefined}>
      <Direction size={14} aria-label={t(`floor.call.${call.direction}`)} role="img" />
      <span className="floor-time">{elapsed(answered ?? Date.parse(call.startedAt), now)}</span>
      {who !== null ? <Clip value={who} /> : <span>{number}</span>}
      {call.valueTier && call.party === 'customer' && (
        <span className={`badge tier-${call.valueTier}`}>{t(`card.tiers.${call.valueTier}`)}</span>
      )}
      {call.practice && <span className="badge">{t('floor.call.practice')}</span>}
      {who !== null && !props.compact && <span className="floor-muted">{number}</span>}
      {call.phase === 'held' ? (
        <span className="badge pending">{t('floor.call.held')}</span>
      ) : call.phase !== 'active' ? (
        <span className="badge">{t(`floor.call.${call.phase}`)}</span>
      ) : null}
      {call.otherLines > 0 && (
        <span className="badge">{t('floor.call.otherLines', { count: call.otherLines })}</span>
      )}
    </span>
  )
}

/** The most urgent alerts first; `compact` (a table row) shows two and how many more. */
export function AlertBadges(props: {
  alerts: readonly FloorAlert[]
  now: number
  compact?: boolean
}) {
  const { t } = useTranslation()
  const { alerts, now } = props
  if (alerts.length === 0) return null
  const shown = props.compact ? alerts.slice(0, 2) : alerts
  const more = alerts.slice(shown.length)
  return (
    <ul className="floor-alerts" aria-label={t('floor.alertCount', { count: alerts.length })}>
      {shown.map((alert) => {
        const Icon = alertIcons[alert.kind]
        return (
          <li key={alert.kind} className={`floor-alert floor-alert-${alert.kind}`}>
            <Icon size={13} aria-hidden="true" />
            {t(`floor.alerts.${alert.kind}`)}
            {alert.kind === 'handRaised' && alert.since !== null && (
              <span className="floor-time"> {elapsed(alert.since, now)}</span>
            )}
          </li>
        )
      })}
      {more.length > 0 && (
        <li
          className="floor-alert floor-alert-more"
          title={more.map((a) => t(`floor.alerts.${a.kind}`)).join(', ')}
        >
          {t('floor.moreAlerts', { count: more.length })}
        </li>
      )}
    </ul>
  )
}

export function PhoneHealth({ line, problems }: { line: string; problems: readonly string[] }) {
  const { t } = useTranslation()
  const bad = line === 'unregistered' || line === 'stopped' || problems.length > 0
  return (
    <span className={bad ? 'floor-phone floor-phone-bad' : 'floor-phone'}>
      {bad && <TriangleAlert size={13} aria-hidden="true" />}
      {problems.length > 0
        ? problems.map((p) => t(`floor.phone.problems.${p}`)).join(', ')
        : t(`floor.phone.lines.${line}`)}
    </span>
  )
}
