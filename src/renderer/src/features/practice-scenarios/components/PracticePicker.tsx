import { useCallback, useEffect, useMemo, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { ScenarioVersion } from '@shared/practice/scenario-api'
import { dataClient } from '@renderer/data/data-client'
import { ariaKeyShortcuts, useShortcut } from '../../shortcuts'
import { useSoftphone } from '../../softphone'
import { startScenarioPractice, type PracticeStart } from '../practice-start'
import { loadScenarios, localized, type Load } from '../scenario-load'

/** What a start that did not ring says; null when it rang. */
function startNote(outcome: PracticeStart, t: TFunction): string | null {
  if (outcome === 'ringing' || outcome === 'busy') return null
  if (outcome === 'offline') return t('practiceScenarios.practice.offline')
  return t('practiceScenarios.failed', { message: outcome.failed })
}

/**
 * The desk's practice call: choose a published scenario and its persona rings this desk (Alt+P
 * starts the chosen one). Scenarios live on the server; offline, the picker says so.
 */
export function PracticePicker() {
  const { t, i18n } = useTranslation()
  const { calls } = useSoftphone()
  const [list, setList] = useState<Load<ScenarioVersion[]>>({ state: 'loading' })
  const [chosen, setChosen] = useState('')
  const [note, setNote] = useState<string | null>(null)

  const apply = useCallback((loaded: Load<ScenarioVersion[]>): ScenarioVersion[] => {
    setList(loaded)
    if (loaded.state !== 'ready') return []
    setChosen((c) => c || (loaded.value[0]?.scenarioId ?? ''))
    return loaded.value
  }, [])
  const refresh = useCallback(
    async (): Promise<ScenarioVersion[]> => apply(await loadScenarios(dataClient())),
    [apply]
  )
  // The desk mounts at login, perhaps before the server answers: a picker that found nothing
  // asks again when it is used.
  useEffect(() => {
    let live = true
    void loadScenarios(dataClient()).then((loaded) => {
      if (live) apply(loaded)
    })
    return () => {
      live = false
    }
  }, [apply])

  const scenarios = useMemo(() => (list.state === 'ready' ? list.value : []), [list])
  const start = useCallback(() => {
    setNote(null)
    void (async () => {
      const known = scenarios.length > 0 ? scenarios : await refresh()
      const scenario = known.find((s) => s.scenarioId === chosen) ?? known[0]
      if (!scenario) {
        setNote(t('practiceScenarios.none'))
        return
      }
      setNote(startNote(await startScenarioPractice(calls, scenario), t))
    })()
  }, [calls, chosen, refresh, scenarios, t])
  useShortcut('call.practice', start)

  return (
    <>
      <label>
        {t('practice.scenario')}
        <select
          value={chosen}
          onFocus={() => {
            if (scenarios.length === 0) void refresh()
          }}
          onChange={(e) => {
            setChosen(e.target.value)
          }}
        >
          {scenarios.map((s) => (
            <option key={s.scenarioId} value={s.scenarioId}>
              {sanitizeDisplayText(localized(s.title, i18n.language), 120)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={start} aria-keyshortcuts={ariaKeyShortcuts('call.practice')}>
        {t('softphone.practiceCall')}
      </button>
      {list.state === 'offline' && (
        <p className="muted">{t('practiceScenarios.practice.offline')}</p>
      )}
      {list.state === 'failed' && (
        <p role="alert" className="error">
          {t('practiceScenarios.failed', { message: list.message })}
        </p>
      )}
      {note && (
        <p role="status" className="muted">
          {note}
        </p>
      )}
    </>
  )
}
