import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { dataClient } from '@renderer/data/data-client'
import { sanitizeDisplayText } from '@shared/domain/text'
import type { ScenarioVersion, ScenarioVersionDetail } from '@shared/practice/scenario-api'
import { pickText } from '@shared/scripts/localized-text'
import { labelLanguage } from '../../complaints'
import { scriptCatalog } from '../../scripts'
import { loadScenario, loadScenarios, localized, type Load } from '../scenario-load'
import { PracticeButton } from './PracticeButton'
import { ScenarioDetail } from './ScenarioDetail'
import '../practice-scenarios.css'

/** A script by its title as this desk has it (its id when the desk does not). */
function scriptTitle(id: string, language: string): string {
  const script = scriptCatalog().scripts.get(id)
  return sanitizeDisplayText(script ? pickText(script.title, labelLanguage(language)) : id, 120)
}

/** The state of a read, said calmly: loading, the server away, or what it refused. */
function LoadNote({ load }: { load: Exclude<Load<unknown>, { state: 'ready' }> }) {
  const { t } = useTranslation()
  if (load.state === 'loading') return <p className="muted">{t('practiceScenarios.loading')}</p>
  if (load.state === 'offline') {
    return (
      <p role="status" className="muted">
        {t('practiceScenarios.offline')}
      </p>
    )
  }
  return (
    <p role="alert" className="error">
      {t('practiceScenarios.failed', { message: load.message })}
    </p>
  )
}

/** The scenarios as a list of buttons; the chosen one is pressed. */
export function ScenarioList({
  scenarios,
  chosen,
  onChoose
}: {
  scenarios: readonly ScenarioVersion[]
  chosen: string | null
  onChoose: (scenario: ScenarioVersion) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  if (scenarios.length === 0) return <p className="muted">{t('practiceScenarios.none')}</p>
  return (
    <ul className="scenario-choices">
      {scenarios.map((s) => {
        const title = sanitizeDisplayText(localized(s.title, lang), 200)
        return (
          <li key={s.scenarioId}>
            <button
              type="button"
              aria-pressed={chosen === s.scenarioId}
              onClick={() => {
                onChoose(s)
              }}
            >
              <span className="scenario-title">{title}</span>
              <span className="muted">
                {t('practiceScenarios.listLine', {
                  persona: sanitizeDisplayText(s.persona, 120),
                  script: scriptTitle(s.script.id, lang)
                })}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}

/**
 * The practice scenarios published on the server, for trainers and trainees: choose one to read
 * its persona, the path the trainee must follow with the customer's lines, and what passes.
 * Read from the server each time the panel opens (a trainer may have published a new version).
 */
export function ScenarioLibrary() {
  const { t } = useTranslation()
  const [list, setList] = useState<Load<ScenarioVersion[]>>({ state: 'loading' })
  const [chosen, setChosen] = useState<ScenarioVersion | null>(null)
  const [detail, setDetail] = useState<Load<ScenarioVersionDetail> | null>(null)

  useEffect(() => {
    let current = true
    void loadScenarios(dataClient()).then((loaded) => {
      if (current) setList(loaded)
    })
    return () => {
      current = false
    }
  }, [])

  useEffect(() => {
    if (!chosen) return
    let current = true
    void loadScenario(dataClient(), chosen.scenarioId, chosen.version).then((loaded) => {
      if (current) setDetail(loaded)
    })
    return () => {
      current = false
    }
  }, [chosen])

  return (
    <section className="panel scenario-library" aria-labelledby="scenario-library-heading">
      <h2 id="scenario-library-heading">{t('practiceScenarios.heading')}</h2>
      <p className="muted">{t('practiceScenarios.hint')}</p>
      {list.state === 'ready' ? (
        <ScenarioList
          scenarios={list.value}
          chosen={chosen?.scenarioId ?? null}
          onChoose={(scenario) => {
            // The one on screen again: nothing to read (and nothing left loading).
            if (chosen?.scenarioId === scenario.scenarioId && chosen.version === scenario.version) {
              return
            }
            setChosen(scenario)
            setDetail({ state: 'loading' })
          }}
        />
      ) : (
        <LoadNote load={list} />
      )}
      {detail !== null &&
        (detail.state === 'ready' ? (
          <ScenarioDetail
            detail={detail.value}
            actions={<PracticeButton detail={detail.value} />}
          />
        ) : (
          <LoadNote load={detail} />
        ))}
    </section>
  )
}
