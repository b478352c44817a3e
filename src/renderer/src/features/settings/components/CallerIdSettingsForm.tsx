import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { DEFAULT_CTI_HEADERS } from '@shared/domain/cti-headers'
import {
  loadCallerIdSettings,
  parseCallerIdForm,
  provisionedDefaultCountry,
  saveCallerIdSettings,
  supportedCountries,
  type CallerIdFormErrors
} from '@renderer/settings/caller-id-settings'

const noErrors: CallerIdFormErrors = { ctiHeaders: [], defaultCountry: false }

/**
 * How this workstation identifies callers on ring: the CTI headers an IVR sets, tried in the
 * order listed, and the country whose numbering plan reads numbers without a prefix. Saved at
 * once; the next ring uses them (no reconnection needed).
 */
export function CallerIdSettingsForm() {
  const { t } = useTranslation()
  const [initial] = useState(() => loadCallerIdSettings())
  const [headers, setHeaders] = useState(initial.ctiHeaders.join('\n'))
  const [country, setCountry] = useState(initial.defaultCountry ?? '')
  const [errors, setErrors] = useState<CallerIdFormErrors>(noErrors)
  const [saved, setSaved] = useState(false)
  const provisioned = provisionedDefaultCountry()

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const parsed = parseCallerIdForm({ ctiHeaders: headers, defaultCountry: country })
    setSaved(parsed.ok)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setErrors(noErrors)
    saveCallerIdSettings(parsed.settings)
    // Show what was kept: lower-cased, each name once.
    setHeaders(parsed.settings.ctiHeaders.join('\n'))
    setCountry(parsed.settings.defaultCountry ?? '')
  }

  return (
    <details className="phone-settings">
      <summary>{t('callerId.heading')}</summary>
      <form aria-label={t('callerId.heading')} onSubmit={submit} noValidate>
        <label>
          {t('callerId.ctiHeaders')}
          <textarea
            rows={3}
            value={headers}
            spellCheck={false}
            aria-invalid={errors.ctiHeaders.length > 0}
            aria-describedby="cti-headers-hint"
            onChange={(e) => {
              setHeaders(e.target.value)
            }}
          />
        </label>
        <small id="cti-headers-hint">
          {t('callerId.ctiHeadersHint', { defaults: DEFAULT_CTI_HEADERS.join(', ') })}
        </small>
        {errors.ctiHeaders.length > 0 && (
          <ul role="alert" className="error" aria-label={t('callerId.errors.heading')}>
            {errors.ctiHeaders.map(({ entry, problem }, i) => (
              <li key={`${String(i)}:${entry}`}>{t(`callerId.errors.${problem}`, { entry })}</li>
            ))}
          </ul>
        )}
        <label>
          {t('callerId.defaultCountry')}
          <input
            value={country}
            list="caller-id-countries"
            autoComplete="off"
            maxLength={2}
            placeholder={provisioned ?? ''}
            aria-invalid={errors.defaultCountry}
            aria-describedby="default-country-hint"
            onChange={(e) => {
              setCountry(e.target.value)
            }}
          />
        </label>
        <datalist id="caller-id-countries">
          {supportedCountries().map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        <small id="default-country-hint">
          {provisioned
            ? t('callerId.defaultCountryHint', { country: provisioned })
            : t('callerId.defaultCountryHintNone')}
        </small>
        {errors.defaultCountry && (
          <p role="alert" className="error">
            {t('callerId.errors.defaultCountry', { entry: country.trim() })}
          </p>
        )}
        <button type="submit">{t('callerId.save')}</button>
        {saved && <p role="status">{t('callerId.saved')}</p>}
      </form>
    </details>
  )
}
