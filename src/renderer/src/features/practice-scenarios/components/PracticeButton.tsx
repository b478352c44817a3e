import { Play } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { ScenarioVersionDetail } from '@shared/practice/scenario-api'
import { useAppStore } from '@renderer/stores/app-store'
import { useSoftphone } from '../../softphone'
import { startScenarioPractice } from '../practice-start'
import { localized } from '../scenario-load'

/** Rings the desk with this scenario's persona and opens the desk to take the call. */
export function PracticeButton({ detail }: { detail: ScenarioVersionDetail }) {
  const { t, i18n } = useTranslation()
  const { calls } = useSoftphone()
  const idle = useAppStore((s) => s.phone.phase === 'idle')
  const openDesk = useAppStore((s) => s.workspaceOpened)
  const [note, setNote] = useState<string | null>(null)
  const title = localized(detail.scenario.title, i18n.language)
  return (
    <p className="scenario-practice">
      <button
        type="button"
        disabled={!idle}
        aria-label={t('practiceScenarios.practice.startLabel', { scenario: title })}
        onClick={() => {
          setNote(null)
          void startScenarioPractice(calls, detail).then((outcome) => {
            if (outcome === 'ringing') openDesk('desk')
            else if (outcome === 'offline') setNote(t('practiceScenarios.practice.offline'))
            else if (outcome !== 'busy') {
              setNote(t('practiceScenarios.failed', { message: outcome.failed }))
            }
          })
        }}
      >
        <Play size={14} aria-hidden="true" />
        {t('practiceScenarios.practice.start')}
      </button>{' '}
      <span className="muted">{t('practiceScenarios.practice.hint')}</span>
      {note && <span role="status">{note}</span>}
    </p>
  )
}
