import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { pickText } from '@shared/scripts/localized-text'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { isTrainerLeg } from '@renderer/telephony/call-session'
import { useSoftphone } from '../../softphone'
import { scriptCatalog } from '../bundled-scripts'
import { PREVIEW_RUN } from '../commands'
import { useScriptRunner } from '../script-runner-context'
import { useScriptKeys } from '../hooks/useScriptKeys'
import { watchPublishedScripts } from '../watch-published-scripts'
import { watchScriptCalls } from '../watch-script-calls'
import { ScriptStep } from './ScriptStep'

/**
 * The guided script of the current call: the step to read or ask, prominent; the path so far;
 * the mandatory lines and whether they were confirmed; and a way to switch scripts mid-call.
 */
export function ScriptPanel() {
  const { t, i18n } = useTranslation()
  const call = useAppStore((s) => s.phone.call)
  const run = useAppStore((s) => s.scriptRun)
  const panel = useRef<HTMLElement>(null)
  const { calls } = useSoftphone()
  const runner = useScriptRunner()
  useScriptKeys(panel)
  useEffect(() => watchScriptCalls(runner, calls.wrapUpGuards), [runner, calls])
  useEffect(() => watchPublishedScripts(), [])
  // Re-read the catalog when the server published a version.
  useAppStore((s) => s.scriptRun.catalogVersion)

  const { scripts } = scriptCatalog()
  const language = run.state?.language ?? (i18n.language.startsWith('en') ? 'en' : 'es')
  const titleOf = (id: string) => {
    const script = scripts.get(id)
    return script ? pickText(script.title, language) : id
  }

  const running = run.state ? scripts.get(run.state.scriptId) : undefined
  const stepLabel = (nodeId: string): string => {
    const node = running?.nodes.find((n) => n.id === nodeId)
    const title = node && 'title' in node && node.title ? pickText(node.title, language) : null
    return sanitizeDisplayText(title ?? nodeId, 80)
  }

  const stepId = run.view?.step.nodeId
  useEffect(() => {
    // Keys 1–9 and Enter act on the step at once, unless the agent is typing somewhere else.
    const focused = document.activeElement
    if (!stepId || !panel.current) return
    if (focused === document.body || panel.current.contains(focused)) {
      panel.current.querySelector<HTMLElement>('[data-step-focus]')?.focus()
    }
  }, [stepId])

  // Without a call the same runner previews a script: nothing is recorded for a preview.
  const owner = call?.id ?? PREVIEW_RUN
  const view = run.callId === owner ? run.view : null
  const isPreview = !call && view !== null
  return (
    <section
      className="panel script-panel"
      aria-label={t('scripts.region')}
      ref={panel}
      // The trainer's side of a role-play plays the customer: no script to follow there.
      hidden={call !== null && isTrainerLeg(call)}
    >
      <h2>{t('scripts.heading')}</h2>
      {!call && !view && <p className="hint">{t('scripts.idle')}</p>}
      <label className="script-switch">
        {call ? (view ? t('scripts.switch') : t('scripts.choose')) : t('scripts.preview')}
        <select
          value={view ? (run.state?.scriptId ?? '') : ''}
          onChange={(e) => {
            if (e.target.value) runner.startScript(owner, e.target.value)
          }}
        >
          <option value="" disabled>
            {t('scripts.none')}
          </option>
          {[...scripts.keys()].map((id) => (
            <option key={id} value={id}>
              {titleOf(id)}
            </option>
          ))}
        </select>
      </label>
      {isPreview && (
        <p className="badge">
          {t('scripts.previewNote')}{' '}
          <button
            type="button"
            onClick={() => {
              runner.closePreview()
            }}
          >
            {t('scripts.closePreview')}
          </button>
        </p>
      )}
      {view && run.state && (
        <>
          {view.status !== 'open' && (
            <p role="status" className="script-finished">
              {t(`scripts.status.${view.status}`)}
            </p>
          )}
          <ScriptStep view={view} />
          {run.error && (
            <p role="alert" className="error">
              {run.error}
            </p>
          )}
          {view.jumps.length > 0 && view.status === 'open' && (
            <div className="script-jumps" role="group" aria-label={t('scripts.jumps')}>
              {view.jumps.map((jump) => (
                <button
                  key={jump.id}
                  type="button"
                  disabled={jump.active}
                  onClick={() => {
                    runner.sendScriptEvent({ type: 'jump', jumpId: jump.id })
                  }}
                >
                  {sanitizeDisplayText(jump.label, 60)}
                </button>
              ))}
            </div>
          )}
          <details className="script-path">
            <summary>{t('scripts.path', { count: run.state.path.length })}</summary>
            <ol aria-label={t('scripts.pathList')}>
              {run.state.path.map((step, i) => (
                <li key={`${step.nodeId}-${String(i)}`}>
                  {stepLabel(step.nodeId)}
                  {step.answer !== undefined && `: ${sanitizeDisplayText(String(step.answer), 60)}`}
                </li>
              ))}
            </ol>
          </details>
          {view.mandatory.some((m) => m.onPath) && (
            <ul className="script-mandatory" aria-label={t('scripts.mandatoryList')}>
              {view.mandatory
                .filter((m) => m.onPath)
                .map((m) => (
                  <li key={m.nodeId} className={m.confirmedAt ? 'ok' : 'warn'}>
                    {m.confirmedAt
                      ? t('scripts.mandatoryConfirmed', { node: stepLabel(m.nodeId) })
                      : t('scripts.mandatoryPending', { node: stepLabel(m.nodeId) })}
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
