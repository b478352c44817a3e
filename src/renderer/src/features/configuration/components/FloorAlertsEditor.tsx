import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { ConfigurationSnapshot } from '@shared/contract/worker'
import {
  defaultFloorAlerts,
  floorAlertKinds,
  type FloorAlertKind,
  type FloorAlerts
} from '@shared/domain/configuration'
import { useConfiguration } from '@renderer/data/use-configuration'
import { saveFloorAlerts } from '../config-api'

// Module-level: useConfiguration reads again whenever its selector changes.
const floorAlerts = (c: ConfigurationSnapshot): FloorAlerts[] => [
  c.floorAlerts ?? defaultFloorAlerts
]

type Threshold = 'longCallMinutes' | 'longWrapUpSeconds' | 'missedCallWindowMinutes'
const thresholds: readonly { key: Threshold; min: number; max: number }[] = [
  { key: 'longCallMinutes', min: 1, max: 600 },
  { key: 'longWrapUpSeconds', min: 10, max: 3600 },
  { key: 'missedCallWindowMinutes', min: 1, max: 240 }
]

/**
 * The live floor's alert thresholds and which alerts also notify a lead whose app is hidden.
 * Saved whole; the form shows the configuration as pulled, so a save shows once every desk has it.
 */
export function FloorAlertsEditor() {
  const { t } = useTranslation()
  const [pulled] = useConfiguration('floor_alerts', floorAlerts)
  // What the admin is changing; null shows the thresholds as pulled.
  const [edited, setEdited] = useState<FloorAlerts | null>(null)
  const draft = edited ?? pulled ?? defaultFloorAlerts
  const setDraft = (change: (d: FloorAlerts) => FloorAlerts) => {
    setEdited(change(draft))
  }
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  const save = async () => {
    const result = await saveFloorAlerts(draft)
    if (result.ok) setEdited(null)
    setMessage(
      result.ok
        ? { error: false, text: t('floor.settings.saved') }
        : {
            error: true,
            text: t(`configuration.errors.${result.error.code}`, {
              defaultValue: result.error.message
            })
          }
    )
  }
  const setNotify = (kind: FloorAlertKind, on: boolean) => {
    setDraft((d) => ({ ...d, notify: { ...d.notify, [kind]: on } }))
  }

  return (
    <section className="floor-alerts-editor" aria-labelledby="floor-alerts-heading">
      <h3 id="floor-alerts-heading">{t('floor.settings.heading')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {thresholds.map(({ key, min, max }) => (
          <label key={key}>
            {t(`floor.settings.${key}`)}
            <input
              type="number"
              required
              min={min}
              max={max}
              step={1}
              value={draft[key]}
              onChange={(e) => {
                setDraft((d) => ({ ...d, [key]: e.target.valueAsNumber }))
              }}
            />
          </label>
        ))}
        <p className="hint">{t('floor.settings.pauseHint')}</p>
        <fieldset>
          <legend>{t('floor.settings.notify')}</legend>
          {floorAlertKinds.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={draft.notify[kind]}
                onChange={(e) => {
                  setNotify(kind, e.target.checked)
                }}
              />
              {t(`floor.alerts.${kind}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('floor.settings.save')}</button>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : ''}>
          {message.text}
        </p>
      )}
    </section>
  )
}
