import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { ScriptVersion } from '@shared/domain/published-script'
import { sanitizeDisplayText } from '@shared/domain/text'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { listScriptVersions, publishScriptVersion } from '../script-versions-api'

type Load =
  { state: 'loading' } | { state: 'failed' } | { state: 'ready'; versions: ScriptVersion[] }

/**
 * The script versions uploaded to the server (with `npm run script -- upload`), newest first per
 * script; a draft is published from here. Desks receive a published version on their next pull.
 */
export function ScriptVersionsPanel() {
  const { t, i18n } = useTranslation()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let current = true
    void listScriptVersions().then((result) => {
      if (!current) return
      setLoad(result.ok ? { state: 'ready', versions: result.data } : { state: 'failed' })
    })
    return () => {
      current = false
    }
  }, [version])
  const format = dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const publish = async (v: ScriptVersion) => {
    const result = await publishScriptVersion(v.scriptId, v.version)
    setError(
      result.ok ? null : t('scripts.versions.publishFailed', { message: result.error.message })
    )
    setVersion((n) => n + 1)
  }
  return (
    <section className="panel script-versions" aria-labelledby="script-versions-heading">
      <h2 id="script-versions-heading">{t('scripts.versions.heading')}</h2>
      <p className="muted">{t('scripts.versions.hint')}</p>
      {load.state === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {load.state === 'failed' && <p role="alert">{t('scripts.versions.unavailable')}</p>}
      {load.state === 'ready' && load.versions.length === 0 && (
        <p className="muted">{t('scripts.versions.none')}</p>
      )}
      {load.state === 'ready' && load.versions.length > 0 && (
        <table className="analytics-table">
          <caption className="visually-hidden">{t('scripts.versions.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scripts.versions.script')}</th>
              <th scope="col">{t('scripts.versions.version')}</th>
              <th scope="col">{t('scripts.versions.status')}</th>
              <th scope="col">{t('scripts.versions.when')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('scripts.versions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...load.versions]
              .sort((a, b) => a.scriptId.localeCompare(b.scriptId) || b.version - a.version)
              .map((v) => {
                const id = sanitizeDisplayText(v.scriptId, 64)
                return (
                  <tr key={`${v.scriptId}@${String(v.version)}`}>
                    <td>{id}</td>
                    <td>{v.version}</td>
                    <td>{t(`scripts.versions.statuses.${v.status}`)}</td>
                    <td>{format.format(new Date(v.publishedAt ?? v.uploadedAt))}</td>
                    <td>
                      {v.status === 'draft' && (
                        <button
                          type="button"
                          aria-label={t('scripts.versions.publishLabel', {
                            script: id,
                            version: v.version
                          })}
                          onClick={() => void publish(v)}
                        >
                          {t('scripts.versions.publish')}
                        </button>
                      )}
                    </td>
                  </tr>
                )
              })}
          </tbody>
        </table>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  )
}
