import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { DispositionCode } from '@shared/domain/configuration'
import { dispositionFromOutcome } from '@shared/domain/disposition-preselect'
import { MAX_DISPOSITION_NOTE } from '@shared/domain/disposition'
import { foldForSearch } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { isTrainerLeg } from '@renderer/telephony/call-session'
import { ariaKeyShortcuts, isShortcut } from '../../shortcuts'
import { labelLanguage } from '../../complaints'
import { servesCustomer } from '../../screen-pop'
import { useSoftphone } from '../../softphone'
import { openCallbackForCall, saveDispositionAndFinish } from '../commands'
import { useDispositionCodes } from '../use-disposition-codes'

function matches(code: DispositionCode, query: string, language: 'es' | 'en'): boolean {
  const q = foldForSearch(query)
  return q === '' || foldForSearch(`${code.label[language]} ${code.code}`).includes(q)
}

/**
 * The disposition of the call in wrap-up, keyboard first: type to filter the configured codes,
 * arrows to move, Enter to pick, Ctrl+Enter to save and finish. A script's suggestion comes
 * preselected; the agent's own choice always wins.
 */
export function WrapUpForm() {
  const { t, i18n } = useTranslation()
  const { calls } = useSoftphone()
  const language = labelLanguage(i18n.language)
  const callId = useAppStore((s) => s.phone.call?.id ?? null)
  // A call that served no customer here has no outcome to record: the phone's finish ends it.
  const noOutcome = useAppStore((s) => s.phone.call !== null && !servesCustomer(s, s.phone.call))
  const trainerSide = useAppStore((s) => s.phone.call !== null && isTrainerLeg(s.phone.call))
  const wrapUp = useAppStore((s) => s.wrapUp)
  const codes = useDispositionCodes()
  const [query, setQuery] = useState('')
  const [note, setNote] = useState('')
  const [isSaving, setIsSaving] = useState(false)
  const search = useRef<HTMLInputElement>(null)
  const own = wrapUp.callId === callId ? wrapUp : null
  const suggested = own?.suggested ? dispositionFromOutcome(own.suggested, codes) : null
  const selected = own?.chosen ?? suggested
  const shown = useMemo(
    () => codes.filter((c) => matches(c, query, language)),
    [codes, query, language]
  )
  const selectedCode = codes.find((c) => c.code === selected) ?? null

  useEffect(() => {
    search.current?.focus()
  }, [callId])

  if (!callId) return null
  const choose = (code: string): void => {
    useAppStore.getState().dispositionChosen(callId, code)
  }
  const save = (): void => {
    if (!selected || isSaving) return
    setIsSaving(true)
    void saveDispositionAndFinish(selected, note, () => {
      calls.finishWrapUp()
    }).finally(() => {
      setIsSaving(false)
    })
  }
  /** Ctrl+Enter saves and finishes from any field. */
  const saveOnCtrlEnter = (event: KeyboardEvent): boolean => {
    if (!isShortcut('form.submit', event)) return false
    event.preventDefault()
    save()
    return true
  }
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (saveOnCtrlEnter(event)) return
    const index = shown.findIndex((c) => c.code === selected)
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      const next = shown[Math.min(Math.max(index + step, 0), shown.length - 1)]
      if (next) choose(next.code)
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault()
      const first = index >= 0 ? shown[index] : shown[0]
      if (first) choose(first.code)
    }
  }

  if (noOutcome) {
    return (
      <section className="wrap-up" aria-labelledby="wrap-up-heading">
        <h3 id="wrap-up-heading">{t('wrapUp.heading')}</h3>
        <p role="status">
          {t(trainerSide ? 'roleplay.noDisposition' : 'colleagues.noDisposition')}
        </p>
      </section>
    )
  }

  if (own?.saved) {
    const label = codes.find((c) => c.code === own.saved?.code)?.label[language] ?? own.saved.code
    return (
      <section className="wrap-up" aria-labelledby="wrap-up-heading">
        <h3 id="wrap-up-heading">{t('wrapUp.heading')}</h3>
        <p role="status">{t('wrapUp.saved', { label })}</p>
      </section>
    )
  }

  return (
    <section className="wrap-up" aria-labelledby="wrap-up-heading">
      <h3 id="wrap-up-heading">{t('wrapUp.heading')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <label>
          {t('wrapUp.search')}
          <input
            ref={search}
            type="search"
            value={query}
            aria-keyshortcuts={ariaKeyShortcuts('form.submit')}
            onChange={(e) => {
              setQuery(e.target.value)
            }}
            onKeyDown={onSearchKey}
          />
        </label>
        <fieldset>
          <legend>{t('wrapUp.disposition')}</legend>
          {shown.length === 0 && <p className="muted">{t('wrapUp.noMatch')}</p>}
          {shown.map((c) => (
            <label key={c.code} className="choice">
              <input
                type="radio"
                name="disposition"
                value={c.code}
                checked={selected === c.code}
                onKeyDown={saveOnCtrlEnter}
                onChange={() => {
                  choose(c.code)
                }}
              />
              {c.label[language]}
            </label>
          ))}
        </fieldset>
        {own?.chosen === null && suggested && (
          <p className="muted">{t('wrapUp.suggestedByScript')}</p>
        )}
        {selectedCode?.needsCallback && <p className="hint">{t('wrapUp.needsCallback')}</p>}
        <label>
          {t('wrapUp.note')}
          <textarea
            value={note}
            maxLength={MAX_DISPOSITION_NOTE}
            onKeyDown={saveOnCtrlEnter}
            onChange={(e) => {
              setNote(e.target.value)
            }}
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={!selected || isSaving}>
            {t('wrapUp.saveAndFinish')}
          </button>
          <button
            type="button"
            onClick={() => {
              openCallbackForCall(note)
            }}
          >
            {t('callbacks.schedule')}
          </button>
        </div>
        {wrapUp.error && (
          <p role="alert" className="error">
            {wrapUp.error}
          </p>
        )}
      </form>
    </section>
  )
}
