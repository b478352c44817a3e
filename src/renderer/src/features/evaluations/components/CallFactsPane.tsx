/**
 * What the evaluator reads beside the form, from the server: the agent, the customer, the call,
 * the script run (its path with the time on each step, the mandatory lines and the offers), the
 * complaints filed on it and its disposition. Offline it says so calmly and the scoring goes on;
 * "Rellenar desde el guion" fills the adherence questions still open from the run.
 */
import { RefreshCw, Wand2 } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { fullName } from '@shared/domain/customer'
import type { CallContext } from '@shared/evaluations/evaluation-api'
import { elapsed } from '@renderer/ui/elapsed'

import type { CallContextState } from '../hooks/use-call-context'
import { dateTimeText, nameText } from '../score-text'
import { ScriptRunFacts } from './ScriptRunFacts'

export interface CallFactsPaneProps {
  state: CallContextState
  onRefresh: () => void
  /** Null when the form has nothing to fill from a run (or there is no form yet). */
  onPrefill: (() => void) | null
  dispositionLabel: (code: string) => string
}

const seconds = (s: number) => elapsed(0, s * 1000)

function CallFacts({ context }: { context: CallContext }) {
  const { t, i18n } = useTranslation()
  const call = context.interaction
  if (call === null) return <p className="hint">{t('evaluations.facts.liveCall')}</p>
  const talk =
    call.answeredAt === null
      ? null
      : (Date.parse(call.endedAt) - Date.parse(call.answeredAt)) / 1000
  const monitors = call.monitoredBy ?? []
  return (
    <dl className="eval-facts-list">
      <dt>{t('evaluations.facts.when')}</dt>
      <dd>{dateTimeText(call.ringAt, i18n.language)}</dd>
      <dt>{t('evaluations.facts.duration')}</dt>
      <dd>
        {talk === null ? '—' : seconds(talk)}
        {call.holdSeconds > 0 && (
          <span className="muted">
            {' '}
            · {t('evaluations.facts.hold', { time: seconds(call.holdSeconds) })}
          </span>
        )}
      </dd>
      <dt>{t('evaluations.facts.direction')}</dt>
      <dd>
        {t(`card.direction.${call.direction}`)} · {t(`card.callResult.${call.result}`)}
      </dd>
      {monitors.length > 0 && (
        <>
          <dt>{t('evaluations.facts.monitoredBy')}</dt>
          <dd>{monitors.map((m) => nameText(m.leadName)).join(', ')}</dd>
        </>
      )}
    </dl>
  )
}

function Complaints({ context }: { context: CallContext }) {
  const { t } = useTranslation()
  if (context.complaints.length === 0)
    return <p className="hint">{t('evaluations.facts.noComplaints')}</p>
  return (
    <ul className="eval-facts-complaints">
      {context.complaints.map((c) => (
        <li key={c.id}>
          <strong>{nameText(c.caseNumber, 40)}</strong> ·{' '}
          {t(`complaints.categories.${c.category}`, { defaultValue: nameText(c.category, 60) })}
          {c.qualityDimension !== null && (
            <> · {t(`complaints.dimensions.${c.qualityDimension}`)}</>
          )}{' '}
          <span className="badge">{t(`complaints.statuses.${c.status}`)}</span>
        </li>
      ))}
    </ul>
  )
}

export function CallFactsPane({
  state,
  onRefresh,
  onPrefill,
  dispositionLabel
}: CallFactsPaneProps) {
  const { t } = useTranslation()
  const context = state.context
  const customer = context?.customer ?? null
  return (
    <aside className="eval-facts" aria-labelledby="eval-facts-heading">
      <header className="eval-facts-head">
        <h3 id="eval-facts-heading">{t('evaluations.facts.heading')}</h3>
        <button
          type="button"
          className="quiet"
          onClick={onRefresh}
          disabled={state.status === 'loading'}
          title={t('evaluations.facts.refreshLabel')}
        >
          <RefreshCw size={13} aria-hidden="true" />
          {t('evaluations.facts.refresh')}
        </button>
      </header>
      {state.status === 'loading' && context === null && (
        <p className="hint">{t('evaluations.facts.loading')}</p>
      )}
      {state.status === 'unavailable' && (
        <p className="eval-facts-offline" role="note">
          {t('evaluations.facts.unavailable')}
          {state.message !== null && <span className="muted"> ({state.message})</span>}
        </p>
      )}
      {onPrefill !== null && (
        <button
          type="button"
          className="eval-prefill"
          onClick={onPrefill}
          disabled={context?.run == null}
          aria-describedby="eval-prefill-hint"
        >
          <Wand2 size={13} aria-hidden="true" />
          {t('evaluations.facts.prefill')}
        </button>
      )}
      {onPrefill !== null && (
        <p id="eval-prefill-hint" className="hint">
          {context?.run == null
            ? t('evaluations.facts.prefillNoRun')
            : t('evaluations.facts.prefillHint')}
        </p>
      )}
      {context !== null && (
        <>
          <h4>{t('evaluations.facts.people')}</h4>
          <dl className="eval-facts-list">
            <dt>{t('evaluations.facts.agent')}</dt>
            <dd>{nameText(context.agent.name)}</dd>
            <dt>{t('evaluations.facts.customer')}</dt>
            <dd>
              {customer === null ? (
                t('evaluations.facts.noCustomer')
              ) : (
                <>
                  {nameText(fullName(customer))}{' '}
                  <span className={`badge tier-${customer.tier}`}>
                    {t(`card.tiers.${customer.tier}`)}
                  </span>
                </>
              )}
            </dd>
          </dl>
          <h4>{t('evaluations.facts.call')}</h4>
          <CallFacts context={context} />
          <h4>{t('evaluations.facts.script')}</h4>
          {context.run === null ? (
            <p className="hint">{t('evaluations.facts.noRun')}</p>
          ) : (
            <ScriptRunFacts run={context.run} />
          )}
          <h4>{t('evaluations.facts.complaints')}</h4>
          <Complaints context={context} />
          <h4>{t('evaluations.facts.disposition')}</h4>
          {context.disposition === null ? (
            <p className="hint">{t('evaluations.facts.noDisposition')}</p>
          ) : (
            <p className="eval-facts-disposition">
              <strong>{nameText(dispositionLabel(context.disposition.code), 80)}</strong>
              {context.disposition.note.trim() !== '' && (
                <span className="eval-facts-note">{nameText(context.disposition.note, 1000)}</span>
              )}
            </p>
          )}
        </>
      )}
    </aside>
  )
}
