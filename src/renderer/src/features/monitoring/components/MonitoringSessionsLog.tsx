/**
 * The latest monitoring sessions, for admins (the audit the issue asks for): who monitored whom,
 * which call, in which modes, when it started and ended and why, and every event of it. Names and
 * call ids come from desks and the directory: rendered as text, cut to a line.
 */
import { ChevronDown, ChevronRight, RefreshCw } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { MonitoringSessionView } from '@shared/monitoring/monitoring-api'
import { monitorEndReasons, monitorRefusals } from '@shared/monitoring/monitoring'
import { dataClient } from '@renderer/data/data-client'
import { dateTimeFormat } from '@renderer/i18n/formatters'

import { displayName, firstName } from '../monitor-text'
import './monitoring.css'

/** As many as an admin reads at once; older sessions stay in the server's audit. */
const LIMIT = 50

type Detail = (detail: string | null, agentName: string) => string | null

/** An end reason or a refusal, in words; an unknown code as it came (as text). */
function useDetailText(): Detail {
  const { t } = useTranslation()
  return (detail, agentName) => {
    if (detail === null) return null
    const end = monitorEndReasons.find((r) => r === detail)
    if (end) return t(`monitoring.log.reasons.${end}`)
    const refusal = monitorRefusals.find((r) => r === detail)
    if (refusal) return t(`monitoring.refusal.${refusal}`, { name: firstName(agentName) })
    return displayName(detail)
  }
}

/** One line, cut with an ellipsis; the whole of it in the tooltip. */
function Clip({ value, className }: { value: string; className?: string }) {
  return (
    <span className={`monitoring-clip${className ? ` ${className}` : ''}`} title={value}>
      {value}
    </span>
  )
}

/** The table as props say (the unit tests render this one). */
export function MonitoringSessionsTable({
  sessions,
  initiallyOpen = []
}: {
  sessions: readonly MonitoringSessionView[]
  /** Sessions whose events show from the start. */
  initiallyOpen?: readonly string[]
}) {
  const { t, i18n } = useTranslation()
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(initiallyOpen))
  const toggle = (id: string) => {
    setExpanded((was) => {
      const next = new Set(was)
      if (!next.delete(id)) next.add(id)
      return next
    })
  }
  const detailText = useDetailText()
  // "6/12, 16:15": the log is the last days' sessions, the year would only take width.
  const when = dateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
  })
  const time = dateTimeFormat(i18n.language, { timeStyle: 'medium' })
  const at = (iso: string) => <time dateTime={iso}>{when.format(new Date(iso))}</time>
  if (sessions.length === 0) return <p className="hint">{t('monitoring.log.empty')}</p>
  return (
    <table className="monitoring-log">
      <thead>
        <tr>
          <th scope="col">{t('monitoring.log.lead')}</th>
          <th scope="col">{t('monitoring.log.agent')}</th>
          <th scope="col">{t('monitoring.log.call')}</th>
          <th scope="col">{t('monitoring.log.modes')}</th>
          <th scope="col">{t('monitoring.log.start')}</th>
          <th scope="col">{t('monitoring.log.end')}</th>
          <th scope="col">{t('monitoring.log.events')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => {
          const callId = displayName(s.callId)
          const open = expanded.has(s.id)
          const eventsId = `monitoring-events-${s.id}`
          return [
            <tr key={s.id}>
              <td>
                <Clip value={displayName(s.leadName)} />
              </td>
              <td>
                <Clip value={displayName(s.agentName)} />
              </td>
              <td>
                <Clip value={callId} className="monitoring-call-id" />
                {s.method === 'pbx' && <span className="badge">{t('monitoring.log.pbx')}</span>}
              </td>
              <td>{s.modes.map((m) => t(`monitoring.modeNouns.${m}`)).join(', ')}</td>
              <td>{at(s.issuedAt)}</td>
              <td>
                {s.endedAt === null ? (
                  <span className="badge">{t('monitoring.log.running')}</span>
                ) : (
                  at(s.endedAt)
                )}
                {s.endReason !== null && (
                  <div className="floor-muted">{detailText(s.endReason, s.agentName)}</div>
                )}
              </td>
              <td>
                {s.events.length > 0 && (
                  <button
                    type="button"
                    className="quiet"
                    aria-expanded={open}
                    aria-controls={open ? eventsId : undefined}
                    onClick={() => {
                      toggle(s.id)
                    }}
                  >
                    {open ? (
                      <ChevronDown size={12} aria-hidden="true" />
                    ) : (
                      <ChevronRight size={12} aria-hidden="true" />
                    )}
                    {t('monitoring.log.eventCount', { count: s.events.length })}
                  </button>
                )}
              </td>
            </tr>,
            open && (
              // The events under their session, the table's whole width: readable, not squeezed.
              <tr key={`${s.id}-events`} id={eventsId} className="monitoring-events">
                <td colSpan={7}>
                  <ol aria-label={t('monitoring.log.eventsOf', { name: displayName(s.agentName) })}>
                    {s.events.map((e, index) => {
                      const detail = detailText(e.detail, s.agentName)
                      return (
                        <li key={index}>
                          <time dateTime={e.at}>{time.format(new Date(e.at))}</time>{' '}
                          {e.kind === 'mode' && e.mode !== null
                            ? t('monitoring.log.kinds.modeTo', {
                                mode: t(`monitoring.modeNouns.${e.mode}`)
                              })
                            : t(`monitoring.log.kinds.${e.kind}`)}
                          {detail !== null && ` · ${detail}`}
                          {e.actorName !== null && ` · ${displayName(e.actorName)}`}
                        </li>
                      )
                    })}
                  </ol>
                </td>
              </tr>
            )
          ]
        })}
      </tbody>
    </table>
  )
}

/** The log in the Administration workspace, read through the data worker (`monitoring:sessions`). */
export function MonitoringSessionsLog() {
  const { t } = useTranslation()
  const [sessions, setSessions] = useState<MonitoringSessionView[] | null>(null)
  const [failed, setFailed] = useState(false)
  // Each refresh asks again; loading while the answer to the latest ask has not come.
  const [asked, setAsked] = useState(0)
  const [answered, setAnswered] = useState(-1)
  const loading = answered !== asked
  useEffect(() => {
    let current = true
    const client = dataClient()
    if (!client) return
    void client.send('monitoring:sessions', { limit: LIMIT }).then((result) => {
      if (!current) return
      setAnswered(asked)
      setFailed(!result.ok)
      if (result.ok) setSessions(result.data.sessions)
    })
    return () => {
      current = false
    }
  }, [asked])
  return (
    <section
      className="monitoring-sessions"
      aria-labelledby="monitoring-sessions-heading"
      aria-busy={loading}
    >
      <div className="monitoring-sessions-head">
        <h3 id="monitoring-sessions-heading">{t('monitoring.log.heading')}</h3>
        <button
          type="button"
          className="quiet"
          disabled={loading}
          onClick={() => {
            setAsked((n) => n + 1)
          }}
        >
          <RefreshCw size={13} aria-hidden="true" />
          {t('monitoring.log.refresh')}
        </button>
      </div>
      {failed && (
        <p role="alert" className="error">
          {t('monitoring.log.failed')}
        </p>
      )}
      {sessions === null ? (
        !failed && <p className="hint">{t('monitoring.log.loading')}</p>
      ) : (
        <MonitoringSessionsTable sessions={sessions} />
      )}
    </section>
  )
}
