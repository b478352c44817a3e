/**
 * One agent's detail beside the table: the call and its customer, the script step and where a
 * lead may send the agent, the phone, a raised hand, and the actions slot other parts of the
 * floor fill (change the state, whisper).
 */
import { Hand, X } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { FloorEntry } from '@shared/presence/presence'

import { deskTime, skewOf } from '../floor-alerts'
import type { FloorRow } from '../floor-rows'
import { clockTime, elapsed } from '../format'
import { AlertBadges, CallSummary, PhoneHealth, StateLabel } from './FloorCells'
import { text } from './floor-icons'
import type { FloorLabels } from './FloorTable'

export type RenderFloorActions = (
  entry: FloorEntry | null,
  agent: { id: string; name: string }
) => ReactNode

interface AgentDetailProps {
  row: FloorRow
  now: number
  labels: FloorLabels
  onClose: () => void
  renderActions?: RenderFloorActions | undefined
}

export function AgentDetail({ row, now, labels, onClose, renderActions }: AgentDetailProps) {
  const { t, i18n } = useTranslation()
  const { agent, entry } = row
  const p = entry?.presence ?? null
  const name = text(agent.name)
  const actions = renderActions?.(entry, { id: agent.id, name: agent.name })
  const at = (iso: string) => (entry ? deskTime(entry, iso) : Date.parse(iso))
  // Times the desk wrote are on its clock: measure them against its clock too.
  const deskNow = entry ? now - skewOf(entry) : now
  return (
    <aside id="floor-detail" className="floor-detail" aria-labelledby="floor-detail-heading">
      <header>
        <h3 id="floor-detail-heading">{name}</h3>
        <button
          type="button"
          className="quiet"
          aria-label={t('floor.detail.close', { name })}
          onClick={onClose}
        >
          <X size={14} aria-hidden="true" />
        </button>
      </header>
      <dl>
        <dt>{t('floor.columns.state')}</dt>
        <dd>
          <StateLabel
            state={row.state}
            detail={
              row.state === 'not_ready' && p?.pauseReason ? labels.pause(p.pauseReason) : null
            }
          />
          {row.since !== null && row.state !== 'offline' && (
            <span className="floor-time floor-muted"> · {elapsed(row.since, now)}</span>
          )}
          {p?.pauseAfterCall && (
            <div className="floor-muted">
              {t('floor.detail.thenPause', { reason: labels.pause(p.pauseAfterCall) })}
            </div>
          )}
          {row.state === 'offline' && agent.latest && (
            <div className="floor-muted">
              {t('floor.detail.lastState', {
                state: labels.state(agent.latest.state, agent.latest.pauseReason),
                time: clockTime(Date.parse(agent.latest.since), i18n.language)
              })}
            </div>
          )}
        </dd>
        {row.alerts.length > 0 && (
          <>
            <dt>{t('floor.columns.alerts')}</dt>
            <dd>
              <AlertBadges alerts={row.alerts} now={now} />
            </dd>
          </>
        )}
        <dt>{t('floor.columns.call')}</dt>
        <dd>{p?.call ? <CallSummary call={p.call} now={deskNow} /> : t('floor.detail.noCall')}</dd>
        <dt>{t('floor.columns.step')}</dt>
        <dd>
          {p?.script ? (
            <>
              {p.script.stepTitle ? text(p.script.stepTitle, 120) : t('floor.detail.noStep')}
              {p.script.jumps.length > 0 && (
                <ul className="floor-jumps" aria-label={t('floor.detail.jumps')}>
                  {p.script.jumps.map((j) => (
                    <li key={j.id}>{text(j.label, 80)}</li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            t('floor.detail.noScript')
          )}
        </dd>
        <dt>{t('floor.columns.phone')}</dt>
        <dd>{p ? <PhoneHealth {...p.phone} /> : '—'}</dd>
        <dt>{t('floor.detail.hand')}</dt>
        <dd>
          {p?.handRaisedAt ? (
            <span className="floor-alert floor-alert-handRaised">
              <Hand size={13} aria-hidden="true" />
              {t('floor.detail.handUp', {
                time: clockTime(at(p.handRaisedAt), i18n.language),
                elapsed: elapsed(at(p.handRaisedAt), now)
              })}
            </span>
          ) : (
            t('floor.detail.handDown')
          )}
        </dd>
      </dl>
      {actions != null && (
        <section className="floor-actions" aria-label={t('floor.detail.actions')}>
          {actions}
        </section>
      )}
    </aside>
  )
}
