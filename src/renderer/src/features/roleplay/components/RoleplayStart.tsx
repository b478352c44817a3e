import { PhoneCall, PhoneIncoming } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { RoleplayDirection } from '@shared/practice/roleplay'
import type { ScenarioVersion } from '@shared/practice/scenario-api'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import { loadScenario, loadScenarios, localized } from '../../practice-scenarios'
import { scriptCatalog } from '../../scripts'
import { useSoftphone } from '../../softphone'
import { trainingApi as defaultApi, type TrainingApi } from '../../training-progress'
import { startRoleplay, type RoleplayStart as Outcome } from '../start-roleplay'
import { suggestedDirection } from '../suggested-direction'
import '../roleplay.css'

/**
 * "Role-play": the trainer picks a scenario and either calls the trainee as its customer from
 * their own phone, or has the trainee call them (an outbound scenario: the agent calls the
 * customer). The way the scenario's script is used comes first. The desk opens on the call, or
 * on the console waiting for it.
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
  const picked = scenarios.find((s) => s.scenarioId === chosen)
  const suggested = picked ? suggestedDirection(picked.script.id, scriptCatalog().rules) : null
  const start = async (direction: RoleplayDirection) => {
    const scenario = picked
    if (!scenario) return
    setNote(null)
    const outcome: Outcome = await startRoleplay(
      { traineeId, scenarioId: scenario.scenarioId, scenarioVersion: scenario.version, direction },
      {
        issue: api.startRoleplay,
        scenario: async (id, version) => {
          const loaded = await loadScenario(dataClient(), id, version)
          return loaded.state === 'ready' ? loaded.value.scenario : null
        },
        dial: (uri, token, practice) => line.dialRoleplay(uri, token, practice),
        withdraw: (roleplayId) => api.withdrawRoleplay(roleplayId)
      }
    )
    if (outcome === 'calling' || outcome === 'waiting') {
      useAppStore.getState().workspaceOpened('desk')
    } else
      setNote(
        typeof outcome === 'string' ? t(`roleplay.start.${outcome}`, { name }) : outcome.failed
      )
  }
  return (
    <section className="progress-block roleplay-start" aria-labelledby="roleplay-start-heading">
      <h4 id="roleplay-start-heading">{t('roleplay.start.heading')}</h4>
      <p className="muted">
        {t('roleplay.start.hint', { name })}
        {suggested === 'trainee_calls' && ` ${t('roleplay.start.outboundHint', { name })}`}
      </p>
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
        {(suggested === 'trainee_calls'
          ? (['trainee_calls', 'trainer_calls'] as const)
          : (['trainer_calls', 'trainee_calls'] as const)
        ).map((direction) => (
          <button
            key={direction}
            type="button"
            disabled={busy || chosen === ''}
            onClick={() => void start(direction)}
          >
            {direction === 'trainer_calls' ? (
              <PhoneCall size={14} aria-hidden="true" />
            ) : (
              <PhoneIncoming size={14} aria-hidden="true" />
            )}
            {t(`roleplay.start.${direction}`, { name })}
          </button>
        ))}
      </div>
      {note && (
        <p role="alert" className="error">
          {note}
        </p>
      )}
    </section>
  )
}
