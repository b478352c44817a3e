import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { AppError } from '@shared/contract/errors'
import type { LocalizedLabel } from '@shared/domain/configuration'
import { addEntry, setRetired, type ConfigKind } from '../config-api'

export interface EditableEntry {
  code: string
  label: LocalizedLabel
  active: boolean
  /** False for entries the app itself relies on (the phone watchdog's pause reason). */
  retirable: boolean
}

type CodeListEditorProps = {
  kind: ConfigKind
  heading: string
  entries: readonly EditableEntry[]
}

/**
 * One kind of configured entry: the list (retired ones marked) with retire and restore, and a
 * form to add one. The list is the configuration as pulled, so it shows a change once every
 * client can see it.
 */
export function CodeListEditor({ kind, heading, entries }: CodeListEditorProps) {
  const { t, i18n } = useTranslation()
  const [code, setCode] = useState('')
  const [labelEs, setLabelEs] = useState('')
  const [labelEn, setLabelEn] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const language = i18n.language === 'en' ? 'en' : 'es'

  const report = (result: { ok: true } | { ok: false; error: AppError }, done: string) => {
    if (result.ok) {
      setError(null)
      setSaved(done)
    } else {
      setSaved(null)
      setError(
        t(`configuration.errors.${result.error.code}`, { defaultValue: result.error.message })
      )
    }
  }

  const add = async () => {
    const label = { es: labelEs.trim(), en: labelEn.trim() }
    const result = await addEntry(kind, { code: code.trim(), label })
    report(result, t('configuration.added', { label: label[language] }))
    if (result.ok) {
      setCode('')
      setLabelEs('')
      setLabelEn('')
    }
  }

  const toggle = async (entry: EditableEntry) => {
    const result = await setRetired(kind, entry.code, entry.active)
    const label = entry.label[language]
    report(
      result,
      entry.active ? t('configuration.retired', { label }) : t('configuration.restored', { label })
    )
  }

  return (
    <section className="code-list-editor" aria-label={heading}>
      <h3>{heading}</h3>
      <ul aria-label={heading}>
        {entries.map((entry) => {
          const label = entry.label[language]
          return (
            <li key={entry.code} aria-label={label} className={entry.active ? '' : 'retired'}>
              <span>{label}</span> <code>{entry.code}</code>
              {!entry.active && <span className="badge">{t('configuration.retiredBadge')}</span>}
              {entry.retirable && (
                <button type="button" onClick={() => void toggle(entry)}>
                  {entry.active
                    ? t('configuration.retire', { label })
                    : t('configuration.restore', { label })}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      <form
        aria-label={t('configuration.addTo', { heading })}
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <label>
          {t('configuration.code')}
          <input
            value={code}
            required
            pattern="[a-z][a-z0-9_]{0,39}"
            title={t('configuration.codeHint')}
            onChange={(e) => {
              setCode(e.target.value)
            }}
          />
        </label>
        <label>
          {t('configuration.labelEs')}
          <input
            value={labelEs}
            required
            maxLength={80}
            onChange={(e) => {
              setLabelEs(e.target.value)
            }}
          />
        </label>
        <label>
          {t('configuration.labelEn')}
          <input
            value={labelEn}
            required
            maxLength={80}
            onChange={(e) => {
              setLabelEn(e.target.value)
            }}
          />
        </label>
        <button type="submit">{t('configuration.add')}</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {saved && <p role="status">{saved}</p>}
    </section>
  )
}
