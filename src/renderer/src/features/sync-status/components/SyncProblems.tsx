import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { SyncProblem } from '@shared/contract/worker'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { useAppStore } from '@renderer/stores/app-store'
import { discardSyncProblem, kindKey, loadSyncProblems, type ProblemsLoad } from '../problems'

/**
 * "Records with problems": a disclosure in the sync bar listing every rejected and stuck record
 * with what it is, its summary and why, so a count is never something the agent cannot see or
 * act on. A rejected one can be discarded (after a second, confirming click); a stuck one waits
 * for "Sync now". Loaded only while open, and again on each status change meanwhile.
 */
export function SyncProblems({ count }: { count: number }) {
  const { t } = useTranslation()
  const sync = useAppStore((s) => s.sync)
  const [open, setOpen] = useState(false)
  const [load, setLoad] = useState<ProblemsLoad | null>(null)
  const [discardError, setDiscardError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const details = useRef<HTMLDetailsElement>(null)
  const summary = useRef<HTMLElement>(null)
  const headingId = useId()

  useEffect(() => {
    if (!open) return
    let current = true
    void loadSyncProblems().then((loaded) => {
      if (current && loaded !== null) setLoad(loaded)
    })
    return () => {
      current = false
    }
  }, [open, sync, version])

  const discard = useCallback(async (mutationId: string) => {
    const error = await discardSyncProblem(mutationId)
    setDiscardError(error?.message ?? null)
    setVersion((v) => v + 1)
    // The item and its buttons are gone: focus goes back to the list's toggle, not to the page.
    summary.current?.focus()
  }, [])

  // Escape closes the list like any popover; a native listener, as <details> has no role for it.
  useEffect(() => {
    const element = details.current
    if (!element) return
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !element.open) return
      element.open = false
      summary.current?.focus()
    }
    element.addEventListener('keydown', closeOnEscape)
    return () => {
      element.removeEventListener('keydown', closeOnEscape)
    }
  }, [])

  return (
    <details
      ref={details}
      className="sync-problems"
      onToggle={(event) => {
        setOpen(event.currentTarget.open)
      }}
    >
      <summary ref={summary}>{t('sync.problems.show', { count })}</summary>
      <section className="sync-problems-panel" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('sync.problems.heading')}</h2>
        {load === null && <p className="muted">{t('sync.problems.loading')}</p>}
        {load?.kind === 'failed' && (
          <p className="error" role="alert">
            {t('sync.problems.loadFailed', { message: load.error.message })}
          </p>
        )}
        {discardError !== null && (
          <p className="error" role="alert">
            {t('sync.problems.discardFailed', { message: discardError })}
          </p>
        )}
        {load?.kind === 'loaded' && load.problems.length === 0 && (
          <p className="muted">{t('sync.problems.none')}</p>
        )}
        {load?.kind === 'loaded' && load.problems.length > 0 && (
          <>
            <ul className="sync-problem-list">
              {load.problems.map((problem) => (
                <ProblemItem
                  key={problem.mutationId}
                  problem={problem}
                  onDiscard={(id) => void discard(id)}
                />
              ))}
            </ul>
            {load.total > load.problems.length && (
              <p className="muted">
                {t('sync.problems.more', { shown: load.problems.length, total: load.total })}
              </p>
            )}
          </>
        )}
      </section>
    </details>
  )
}

function ProblemItem({
  problem,
  onDiscard
}: {
  problem: SyncProblem
  onDiscard: (mutationId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const discardButton = useRef<HTMLButtonElement>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)
  const promptId = useId()

  // The button pressed is replaced by the confirmation (and back): keep the keyboard on it.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus()
    else if (returnFocus.current) discardButton.current?.focus()
    returnFocus.current = false
  }, [confirming])

  const key = kindKey(problem.name)
  const what = key === null ? t('sync.problems.kinds.unknown') : t(`sync.problems.kinds.${key}`)
  const when =
    problem.at === null
      ? null
      : dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(
          new Date(problem.at)
        )
  const reason = problem.unreadable ? t('sync.problems.unreadable') : problem.reason.message
  // Names the record in the buttons' accessible names, so a list of them can be told apart.
  const identity = problem.summary ?? when
  const subject = identity === null ? what : t('sync.problems.subject', { what, identity })

  return (
    <li className={`sync-problem ${problem.state}`}>
      <div className="sync-problem-head">
        <strong>{what}</strong>
        <span className={`badge ${problem.state === 'rejected' ? 'warn' : 'pending'}`}>
          {t(`sync.problems.state.${problem.state}`)}
        </span>
        {when !== null && problem.at !== null && <time dateTime={problem.at}>{when}</time>}
      </div>
      {problem.summary !== null && <p className="sync-problem-summary">{problem.summary}</p>}
      <p className="sync-problem-reason">{t('sync.problems.reason', { message: reason })}</p>
      {problem.state === 'stuck' && <p className="hint">{t('sync.problems.stuckHint')}</p>}
      {problem.state === 'rejected' && !confirming && (
        <button
          ref={discardButton}
          type="button"
          aria-label={t('sync.problems.discardLabel', { subject })}
          onClick={() => {
            setConfirming(true)
          }}
        >
          {t('sync.problems.discard')}
        </button>
      )}
      {problem.state === 'rejected' && confirming && (
        <div className="sync-problem-confirm">
          <p id={promptId}>{t('sync.problems.confirmPrompt')}</p>
          <button
            ref={confirmButton}
            type="button"
            className="danger"
            aria-label={t('sync.problems.confirmLabel', { subject })}
            aria-describedby={promptId}
            onClick={() => {
              onDiscard(problem.mutationId)
            }}
          >
            {t('sync.problems.confirm')}
          </button>
          <button
            type="button"
            aria-label={t('sync.problems.cancelLabel', { subject })}
            onClick={() => {
              returnFocus.current = true
              setConfirming(false)
            }}
          >
            {t('sync.problems.cancel')}
          </button>
        </div>
      )}
    </li>
  )
}
