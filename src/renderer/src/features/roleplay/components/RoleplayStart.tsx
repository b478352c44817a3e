import { PhoneCall } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { ScenarioVersion } from '@shared/practice/scenario-api'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import { loadScenario, loadScenarios, localized } from '../../practice-scenarios'
import { useSoftphone } from '../../softphone'
import { trainingApi as defaultApi, type TrainingApi } from '../../training-progress'
import { startRoleplay, type RoleplayStart as Outcome } from '../start-roleplay'
import '../roleplay.css'

/**
 * "Role-play": the trainer picks a scenario and calls the trainee as its customer from their
 * own phone. The desk opens on the call, with the role-play console.
 */
export function RoleplayStart({
  traineeId,
  traineeName,
  api = defaultApi
}: {
  traineeId: string
  traineeName: string
  api?: TrainingApi
}) {
  const { t, i18n } = useTranslation()
  const { line } = useSoftphone()
  const [scenarios, setScenarios] = useState<ScenarioVersion[]>([])
  const [chosen, setChosen] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const busy = useAppStore((s) => s.phone.call !== null)
  useEffect(() => {
    let live = true
    void loadScenarios(dataClient()).then((loaded) => {
      if (!live || loaded.state !== 'ready') return
      setScenarios(loaded.value)
      setChosen((c) => c || (loaded.value[0]?.scenarioId ?? ''))
    })
    return () => {
      live = false
    }
  }, [])
  const name = sanitizeDisplayText(traineeName, 80)
  const start = async () => {
    const scenario = scenarios.find((s) => s.scenarioId === chosen)
    if (!scenario) return
    setNote(null)
    const outcome: Outcome = await startRoleplay(
      { traineeId, scenarioId: scenario.scenarioId, scenarioVersion: scenario.version },
      {
        issue: api.startRoleplay,
        scenario: async (id, version) => {
          const loaded = await loadScenario(dataClient(), id, version)
          return loaded.state === 'ready' ? loaded.value.scenario : null
        },
        dial: (uri, token, practice) => line.dialRoleplay(uri, token, practice)
      }
    )
    if (outcome === 'calling') useAppStore.getState().workspaceOpened('desk')
    else
      setNote(
        typeof outcome === 'string' ? t(`roleplay.start.${outcome}`, { name }) : outcome.failed
      )
  }
  return (
    <section className="progress-block roleplay-start" aria-labelledby="roleplay-start-heading">
      <h4 id="roleplay-start-heading">{t('roleplay.start.heading')}</h4>
      <p className="muted">{t('roleplay.start.hint', { name })}</p>
      <div className="roleplay-start-row">
        <label>
          {t('roleplay.start.scenario')}
          <select
            value={chosen}
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
        <button type="button" disabled={busy || chosen === ''} onClick={() => void start()}>
          <PhoneCall size={14} aria-hidden="true" />
          {t('roleplay.start.call', { name })}
        </button>
      </div>
      {note && (
        <p role="alert" className="error">
          {note}
        </p>
      )}
    </section>
  )
}
