import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { RunView } from '@shared/scripts/run-view'
import { useScriptRunner } from '../script-runner-context'
import { AnswerForm } from './AnswerForm'
import { ScriptEffectNote } from './ScriptEffectNote'

/** Long enough for any sensible script line; a hostile one is cut in the view only. */
const MAX_STEP_TEXT = 2000

/** The current step, prominent: what to say or ask, and the one obvious way forward. */
export function ScriptStep({ view }: { view: RunView }) {
  const { t } = useTranslation()
  const runner = useScriptRunner()
  const { step } = view
  const open = view.status === 'open'
  const needsConfirm = step.mandatory && step.confirmedAt === null
  const text = sanitizeDisplayText(step.text, MAX_STEP_TEXT)
  // An optional choice (an offer's accept/decline) may be left unanswered: Next moves on.
  const skippableChoice =
    step.ask !== null &&
    step.ask.optional &&
    step.ask.options.length > 0 &&
    step.ask.answer === null
  return (
    <article className={`script-step script-${step.kind}`} aria-label={t('scripts.currentStep')}>
      <div tabIndex={-1} data-step-focus className="script-step-focus">
        {step.title && <h3>{sanitizeDisplayText(step.title, 120)}</h3>}
        {step.mandatory && (
          <p className={needsConfirm ? 'badge warn' : 'badge ok'}>
            {needsConfirm ? t('scripts.mandatory') : t('scripts.confirmed')}
          </p>
        )}
        {text && <p className="script-text">{text}</p>}
        {step.effect && <ScriptEffectNote effect={step.effect} />}
        {step.outcome && (
          <p>{t('scripts.outcome', { outcome: sanitizeDisplayText(step.outcome.label, 120) })}</p>
        )}
      </div>
      {open && step.ask && (
        <AnswerForm
          ask={step.ask}
          prompt={text}
          stepKey={`${step.nodeId}-${String(view.canGoBack)}`}
        />
      )}
      {open && (
        <div className="script-nav" role="group" aria-label={t('scripts.navigation')}>
          <button
            type="button"
            disabled={!view.canGoBack}
            aria-keyshortcuts="Backspace"
            onClick={() => {
              runner.sendScriptEvent({ type: 'back' })
            }}
          >
            {t('scripts.back')}
          </button>
          {needsConfirm && (
            <button
              type="button"
              aria-keyshortcuts="Enter"
              onClick={() => {
                runner.sendScriptEvent({ type: 'confirm' })
              }}
            >
              {t('scripts.confirm')}
            </button>
          )}
          {view.inJump && (
            <button
              type="button"
              onClick={() => {
                runner.sendScriptEvent({ type: 'returnFromJump' })
              }}
            >
              {t('scripts.returnFromJump')}
            </button>
          )}
          {step.kind !== 'end' && (!step.ask || skippableChoice) && !needsConfirm && (
            <button
              type="button"
              aria-keyshortcuts="Enter"
              onClick={() => {
                runner.sendScriptEvent({ type: 'next' })
              }}
            >
              {t('scripts.next')}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              runner.sendScriptEvent({ type: 'abandon', reason: 'agent' })
            }}
          >
            {t('scripts.abandon')}
          </button>
          {step.kind === 'end' && (
            <button
              type="button"
              disabled={!view.canClose}
              onClick={() => {
                runner.sendScriptEvent({ type: 'close' })
              }}
            >
              {t('scripts.close')}
            </button>
          )}
        </div>
      )}
      {open && step.kind === 'end' && !view.canClose && (
        <ul className="warn" aria-label={t('scripts.closeBlocked')}>
          {view.closeBlockers.map((b) => (
            <li key={b.code === 'mandatory_unconfirmed' ? b.nodeId : b.code}>
              {b.code === 'mandatory_unconfirmed'
                ? t('scripts.blockers.mandatory_unconfirmed', { node: b.nodeId })
                : t(`scripts.blockers.${b.code}`)}
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
